/**
 * The settings of a SIP Thor connection's accounts for one request (AccountSettingsSource): each
 * (account, action) is asked at most once per request, and only when a field needs it. A change
 * forgets what this request read of the connection.
 */
import { notFound } from '../../errors.js';
import type { AccountModel, CallForwardingModel, DoNotDisturbModel } from '../../model.js';
import type { AccountSettingsSource } from '../ports.js';
import type { RequestCache } from '../shared/request-cache.js';
import type { SipThorClient } from './client.js';
import * as map from './map.js';

export class SipThorAccountSettings implements AccountSettingsSource {
  /**
   * What this request's successful writes set, by account: the documented API reads neither
   * privacy nor DND as such, so a read-back must not contradict what the vendor just accepted.
   */
  private readonly written = new Map<string, { privacy?: boolean; dnd?: DoNotDisturbModel }>();

  constructor(
    private readonly clients: ReadonlyMap<string, SipThorClient>,
    readonly connection: string,
    private readonly cache: RequestCache,
  ) {}

  accounts(): Promise<AccountModel[]> {
    return Promise.resolve([...this.clients.keys()].map((address) => map.toAccount(this.connection, address)));
  }

  identity = (address: string) => this.read(address, 'identity', async (c) => map.toIdentity(await c.identity()));
  aliases = (address: string) => this.read(address, 'aliases', (c) => c.aliases());
  enumNumbers = (address: string) => this.read(address, 'enum', (c) => c.enumNumbers());
  callForwarding = (address: string) =>
    this.read(address, 'forwarding', async (c) => map.toForwarding(await c.forwarding()));
  acceptRules = (address: string) =>
    this.read(address, 'acceptRules', async (c) => map.toAcceptRules(await c.acceptRules()));
  rejectRules = (address: string) => this.read(address, 'rejectRules', (c) => c.rejectRules());
  voicemail = (address: string) => this.read(address, 'voicemail', async (c) => map.toVoicemail(await c.voicemail()));
  callHistory = (address: string) => this.read(address, 'history', async (c) => map.toHistory(await c.history()));
  registeredDevices = (address: string) => this.read(address, 'devices', async (c) => map.toDevices(await c.devices()));
  prepaid = (address: string) => this.read(address, 'prepaid', async (c) => map.toPrepaid(await c.prepaid()));
  balanceHistory = (address: string) =>
    this.read(address, 'balanceHistory', async (c) => map.toBalanceHistory(await c.balanceHistory()));
  monthlyUsage = (address: string) =>
    this.read(address, 'monthlyUsage', async (c) => map.toMonthlyUsage(await c.monthlyUsage()));

  async doNotDisturb(address: string): Promise<DoNotDisturbModel> {
    const shown = map.toDoNotDisturb(await this.acceptRules(address));
    const set = this.written.get(address)?.dnd;
    return set && set.enabled !== shown.enabled ? set : shown;
  }

  privacy(address: string): Promise<boolean | null> {
    this.client(address);
    return Promise.resolve(this.written.get(address)?.privacy ?? null);
  }

  async setDoNotDisturb(address: string, enabled: boolean, durationMinutes?: number): Promise<void> {
    await this.write(address, (c) => (enabled ? c.setDndOn(durationMinutes) : c.setDndOff()));
    this.remember(address, { dnd: { enabled, minutesLeft: enabled ? (durationMinutes ?? null) : null } });
  }

  async setPrivacy(address: string, enabled: boolean): Promise<void> {
    await this.write(address, (c) => (enabled ? c.setPrivacyOn() : c.setPrivacyOff()));
    this.remember(address, { privacy: enabled });
  }

  private remember(address: string, change: { privacy?: boolean; dnd?: DoNotDisturbModel }): void {
    this.written.set(address, { ...this.written.get(address), ...change });
  }

  addAlias(address: string, username: string): Promise<void> {
    return this.write(address, (c) => c.addAlias(username));
  }

  setCallForwarding(address: string, change: Partial<CallForwardingModel>): Promise<void> {
    return this.write(address, (c) => c.setCallForwarding(map.toForwardingChange(change)));
  }

  private client(address: string): SipThorClient {
    const client = this.clients.get(address);
    if (!client) throw notFound('SIP Thor account', address);
    return client;
  }

  private read<T>(address: string, what: string, fetch: (client: SipThorClient) => Promise<T>): Promise<T> {
    return this.cache.once(`${address}\n${what}`, () => fetch(this.client(address)));
  }

  private write(address: string, change: (client: SipThorClient) => Promise<void>): Promise<void> {
    return this.cache.write(() => change(this.client(address)), address);
  }
}
