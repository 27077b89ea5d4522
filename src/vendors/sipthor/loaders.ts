/**
 * One request's view of a SIP Thor connection: each (account, action) is asked at most once per
 * request, and only when a field needs it. A change forgets what this request read of that account.
 */
import { notFound } from '../../errors.js';
import type { AccountModel, CallForwardingModel, DoNotDisturbModel, DomainModel, UserModel } from '../../model.js';
import type { AccountSettingsSource, AccountSource } from '../ports.js';
import type { SipThorClient } from './client.js';
import * as map from './map.js';

export class SipThorAccounts implements AccountSettingsSource, AccountSource {
  private readonly memo = new Map<string, Promise<unknown>>();
  /**
   * What this request's successful writes set, by account: the documented API reads neither
   * privacy nor DND as such, so a read-back must not contradict what the vendor just accepted.
   */
  private readonly written = new Map<string, { privacy?: boolean; dnd?: DoNotDisturbModel }>();

  constructor(
    private readonly clients: ReadonlyMap<string, SipThorClient>,
    readonly connection: string,
  ) {}

  accounts(): Promise<AccountModel[]> {
    return Promise.resolve([...this.clients.keys()].map((address) => map.toAccount(this.connection, address)));
  }

  account(key: string[]): Promise<AccountModel | null> {
    const address = key[0] ?? '';
    return Promise.resolve(this.clients.has(address) ? map.toAccount(this.connection, address) : null);
  }

  /** A directory user owns the account whose address is `userName@<domain name>`. */
  accountsOfUser(user: UserModel, domain: DomainModel | null): Promise<AccountModel[]> {
    const address = `${user.userName}@${domain?.name ?? ''}`.toLowerCase();
    return Promise.resolve([...this.clients.keys()].filter((a) => a.toLowerCase() === address).map((a) => map.toAccount(this.connection, a)));
  }

  identity = (address: string) => this.read(address, 'identity', async (c) => map.toIdentity(await c.identity()));
  aliases = (address: string) => this.read(address, 'aliases', (c) => c.aliases());
  enumNumbers = (address: string) => this.read(address, 'enum', (c) => c.enumNumbers());
  callForwarding = (address: string) => this.read(address, 'forwarding', async (c) => map.toForwarding(await c.forwarding()));
  acceptRules = (address: string) => this.read(address, 'acceptRules', async (c) => map.toAcceptRules(await c.acceptRules()));
  rejectRules = (address: string) => this.read(address, 'rejectRules', (c) => c.rejectRules());
  voicemail = (address: string) => this.read(address, 'voicemail', async (c) => map.toVoicemail(await c.voicemail()));
  callHistory = (address: string) => this.read(address, 'history', async (c) => map.toHistory(await c.history()));
  registeredDevices = (address: string) => this.read(address, 'devices', async (c) => map.toDevices(await c.devices()));
  prepaid = (address: string) => this.read(address, 'prepaid', async (c) => map.toPrepaid(await c.prepaid()));
  balanceHistory = (address: string) => this.read(address, 'balanceHistory', async (c) => map.toBalanceHistory(await c.balanceHistory()));
  monthlyUsage = (address: string) => this.read(address, 'monthlyUsage', async (c) => map.toMonthlyUsage(await c.monthlyUsage()));

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
    const key = `${address}\n${what}`;
    let pending = this.memo.get(key) as Promise<T> | undefined;
    if (!pending) {
      pending = fetch(this.client(address));
      this.memo.set(key, pending);
      pending.catch(() => this.memo.delete(key));
    }
    return pending;
  }

  private async write(address: string, change: (client: SipThorClient) => Promise<void>): Promise<void> {
    try {
      await change(this.client(address));
    } finally {
      for (const key of [...this.memo.keys()]) if (key.startsWith(`${address}\n`)) this.memo.delete(key);
    }
  }
}
