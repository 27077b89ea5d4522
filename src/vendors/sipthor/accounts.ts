/**
 * The accounts of a SIP Thor connection (AccountSource): the configured ones, known without a
 * call. Each belongs to the directory user whose `userName@<domain name>` is its address.
 */
import type { AccountModel, RegistrationState } from '../../model.js';
import type { AccountSource } from '../ports.js';
import * as map from './map.js';

const UNKNOWN: RegistrationState = { registered: null, registeredAt: null };

export class SipThorAccounts implements AccountSource {
  readonly userLink = 'sipAddress' as const;

  constructor(
    private readonly addresses: readonly string[],
    readonly connection: string,
  ) {}

  account(key: string[]): Promise<AccountModel | null> {
    const address = key[0] ?? '';
    return Promise.resolve(this.addresses.includes(address) ? map.toAccount(this.connection, address) : null);
  }

  accounts(): Promise<AccountModel[]> {
    return Promise.resolve(this.addresses.map((address) => map.toAccount(this.connection, address)));
  }

  /** Registered contacts are a settings read (registeredDevices), not an account state. */
  registration(): Promise<RegistrationState> {
    return Promise.resolve(UNKNOWN);
  }
}
