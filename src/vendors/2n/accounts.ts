/**
 * The SIP account slots of a 2N device (AccountSource). They belong to whoever the directory
 * assigns the device to, joined through the device's MAC (src/joins.ts), not to a user directly.
 */
import type { AccountModel, RegistrationState } from '../../model.js';
import type { AccountSource } from '../ports.js';
import type { TwoNDeviceConfig } from './device-config.js';

export class TwoNAccounts implements AccountSource {
  readonly userLink = 'none' as const;
  readonly connection: string;

  constructor(private readonly device: TwoNDeviceConfig) {
    this.connection = device.connection;
  }

  account(key: string[]): Promise<AccountModel | null> {
    return this.device.account(key[0] ?? '');
  }

  async accounts(): Promise<AccountModel[]> {
    return (await this.device.config()).accounts;
  }

  registration(account: AccountModel): Promise<RegistrationState> {
    return this.device.registration(Number(account.key[0]));
  }
}
