/**
 * One request's view of a 2N device: its config is read once per request however many Device
 * objects link to it; live registration is read (once) only if a registration field is asked.
 */
import { badInput } from '../../errors.js';
import type { AccountModel, DeviceSipConfigModel, RegistrationState } from '../../model.js';
import type { AccountSource, DeviceAccountPatch, DeviceConfigSource, Patch } from '../ports.js';
import { refuseUnclearable } from '../patch.js';
import type { TwoNClient } from './client.js';
import * as map from './map.js';

const CLEARABLE: ReadonlyArray<keyof DeviceAccountPatch> = [
  'displayName', 'sipNumber', 'authId', 'domain', 'domainPort', 'proxyAddress', 'proxyPort', 'registrarAddress', 'registrarPort',
];

export class TwoNDevice implements DeviceConfigSource, AccountSource {
  private configOnce: Promise<DeviceSipConfigModel> | undefined;
  private statusOnce: Promise<Map<number, RegistrationState>> | undefined;

  constructor(
    private readonly client: TwoNClient,
    readonly connection: string,
    /** The device's MAC, shared by every request: from config, or asked once. */
    readonly macAddress: () => Promise<string | null>,
  ) {}

  config(): Promise<DeviceSipConfigModel> {
    this.configOnce ??= this.readConfig();
    return this.configOnce;
  }

  /** Both slots, configured or not: a slot is how a new account is configured. */
  async accounts(): Promise<AccountModel[]> {
    return (await this.config()).accounts;
  }

  async account(key: string[]): Promise<AccountModel | null> {
    const index = Number(key[0]);
    return (await this.config()).accounts.find((a) => a.key[0] === String(index)) ?? null;
  }

  /** A device's accounts belong to whoever the directory assigns the device to, not to a user directly. */
  accountsOfUser(): Promise<AccountModel[]> {
    return Promise.resolve([]);
  }

  /** `null` clears text and ports (sent as "", the device's empty or default); flags, password and answer mode cannot be cleared. */
  async updateAccount(index: number, patch: Patch<DeviceAccountPatch>): Promise<AccountModel> {
    if (index !== 1 && index !== 2) throw badInput('a 2N device has SIP accounts 1 and 2', 'id');
    refuseUnclearable(patch, CLEARABLE, '2N');
    // Past refuseUnclearable, only the clearable fields can be null, and toConfigPatch sends those as "".
    const body = map.toConfigPatch(index, patch as DeviceAccountPatch);
    if (Object.keys(body).length < 2) throw badInput('give at least one field to change', 'input');
    await this.client.putConfig([body]);
    this.configOnce = undefined;
    this.statusOnce = undefined;
    const updated = await this.account([String(index)]);
    if (!updated) throw badInput(`the device reports no account ${index}`, 'id');
    return updated;
  }

  private async readConfig(): Promise<DeviceSipConfigModel> {
    const [accounts, macAddress] = await Promise.all([this.client.config(), this.macAddress()]);
    return {
      vendor: '2n',
      connection: this.connection,
      macAddress,
      accounts: accounts.map((wire) => {
        const slot = map.toDeviceAccount(wire);
        return map.toAccount(this.connection, slot, () => this.registration(slot.index));
      }),
    };
  }

  private async registration(index: number): Promise<RegistrationState> {
    this.statusOnce ??= this.client.status().then((list) => new Map(list.map((s) => [s.account, map.toRegistration(s)])));
    return (await this.statusOnce).get(index) ?? map.toRegistration(undefined);
  }
}
