/**
 * A 2N device's SIP configuration for one request (DeviceConfigSource): its config is read once
 * per request however many directory Devices link to it; a change forgets what was read.
 */
import { badInput } from '../../errors.js';
import type { AccountModel, DeviceSipConfigModel, RegistrationState } from '../../model.js';
import { refuseUnclearable, type Patch } from '../patch.js';
import type { DeviceAccountPatch, DeviceConfigSource } from '../ports.js';
import { readBack } from '../shared/read-back.js';
import type { RequestCache } from '../shared/request-cache.js';
import type { TwoNClient } from './client.js';
import * as map from './map.js';

const CLEARABLE: ReadonlyArray<keyof DeviceAccountPatch> = [
  'displayName',
  'sipNumber',
  'authId',
  'domain',
  'domainPort',
  'proxyAddress',
  'proxyPort',
  'registrarAddress',
  'registrarPort',
];

export class TwoNDeviceConfig implements DeviceConfigSource {
  readonly vendor = '2n' as const;

  constructor(
    private readonly client: TwoNClient,
    readonly connection: string,
    private readonly cache: RequestCache,
    /** The device's MAC, shared by every request: from config, or asked once. */
    readonly macAddress: () => Promise<string | null>,
  ) {}

  config(): Promise<DeviceSipConfigModel> {
    return this.cache.once('config', async () => {
      const [accounts, macAddress] = await Promise.all([this.client.config(), this.macAddress()]);
      return {
        vendor: this.vendor,
        connection: this.connection,
        macAddress,
        accounts: accounts.map((wire) => map.toAccount(this.connection, map.toDeviceAccount(wire))),
      };
    });
  }

  async account(index: string): Promise<AccountModel | null> {
    return (await this.config()).accounts.find((a) => a.key[0] === String(Number(index))) ?? null;
  }

  /** Live registration of every slot, read once per request and only when a field asks. */
  async registration(index: number): Promise<RegistrationState> {
    const byIndex = await this.cache.once(
      'status',
      async () => new Map((await this.client.status()).map((s) => [s.account, map.toRegistration(s)])),
    );
    return byIndex.get(index) ?? map.toRegistration(undefined);
  }

  /** `null` clears text and ports (sent as "", the device's empty or default); flags, password and answer mode cannot be cleared. */
  async updateAccount(index: number, patch: Patch<DeviceAccountPatch>): Promise<AccountModel> {
    if (index !== 1 && index !== 2) throw badInput('a 2N device has SIP accounts 1 and 2', 'id');
    refuseUnclearable(patch, CLEARABLE, '2N');
    // Past refuseUnclearable only clearable fields can be null; toConfigPatch sends those as "".
    const body = map.toConfigPatch(index, patch as DeviceAccountPatch);
    if (Object.keys(body).length < 2) throw badInput('give at least one field to change', 'input');
    await this.cache.write(() => this.client.putConfig([body]));
    return readBack(this, this.account(String(index)), 'SIP account', String(index));
  }
}
