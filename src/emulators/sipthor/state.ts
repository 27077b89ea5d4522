/**
 * What a SIP Thor server holds for each SIP account, in the units the emulator reasons in (dates,
 * numbers); the actions turn it into the wire shapes of WIRE-NOTES.md and docs/vendors.md.
 */
import type { ReadAction } from './actions.js';

export const FORWARDING_KEYS = ['FUNC', 'FNOL', 'FBUS', 'FNOA', 'FUNV'] as const;
export type ForwardingKey = (typeof FORWARDING_KEYS)[number];

export interface Identity {
  sip_address: string;
  email: string;
  first: string;
  lastname: string;
  pstn_caller_id: string;
  mobile_number: string;
  timezone: string;
  /** Seconds. */
  no_answer_timeout: number;
  quick_dial: string;
}

export interface Call {
  remoteParty: string;
  displayName: string;
  start: Date;
  durationSeconds: number;
  status: 'completed' | 'busy' | 'failed' | 'missed';
  /** EUR, at most four decimals. */
  price: number;
  sessionId: string;
}

export interface RegisteredDevice {
  contact: string;
  publicContact: string;
  /** Seconds until the registration expires. */
  expires: number;
  user_agent: string;
  transport: string;
}

export interface BalanceEntry {
  date: Date;
  action: 'Credit' | 'Debit';
  description: string;
  /** EUR, signed. */
  value: number;
  /** EUR, after this entry. */
  balance: number;
  session: string;
}

export interface Voicemail {
  Mailbox: string;
  Password: string;
  Name: string;
  Email: string;
  Info: string;
  Options: string;
  Account: string;
}

/** A call in progress, as get_prepaid lists it when the server answers `active_calls` as a list. */
export interface ActiveCall {
  callId: string;
  remoteParty: string;
  /** Seconds so far. */
  duration: number;
}

/** Do Not Disturb lives here: "nobody" in the persistent groups, or in a temporary rule. */
export interface AcceptRules {
  persistentGroups: string[];
  temporary: { groups: string[]; until: Date } | null;
}

export interface SipThorAccount {
  readonly username: string;
  readonly domain: string;
  password: string;
  identity: Identity;
  aliases: string[];
  enumNumbers: string[];
  placed: Call[];
  received: Call[];
  devices: RegisteredDevice[];
  prepaid: boolean;
  /** EUR. */
  balance: number;
  /** Newest first. */
  balanceHistory: BalanceEntry[];
  forwarding: Record<ForwardingKey, string>;
  acceptRules: AcceptRules;
  rejectRules: string[];
  voicemail: Voicemail;
  /** set_privacy_on/off: no documented action reads it back, so no answer shows it. */
  privacy: boolean;
  /** DND where set_dnd_on keeps it when the server does not show it in the accept rules. */
  dnd: { on: boolean; until: Date | null };
  activeCalls: ActiveCall[];
}

/** What a test or the demo says about an account; everything else is blank, or sample data when seeding. */
export interface SipThorAccountOptions {
  username: string;
  domain: string;
  password: string;
  first?: string;
  lastname?: string;
  email?: string;
  mobileNumber?: string;
  timezone?: string;
}

export const addressOf = (account: { username: string; domain: string }): string =>
  `${account.username}@${account.domain}`;

export function blankAccount(options: SipThorAccountOptions): SipThorAccount {
  const address = addressOf(options);
  const first = options.first ?? '';
  const lastname = options.lastname ?? '';
  const email = options.email ?? '';
  return {
    username: options.username,
    domain: options.domain,
    password: options.password,
    identity: {
      sip_address: address,
      email,
      first,
      lastname,
      pstn_caller_id: '',
      mobile_number: options.mobileNumber ?? '',
      timezone: options.timezone ?? 'Europe/Amsterdam',
      no_answer_timeout: 30,
      quick_dial: '',
    },
    aliases: [],
    enumNumbers: [],
    placed: [],
    received: [],
    devices: [],
    prepaid: false,
    balance: 0,
    balanceHistory: [],
    forwarding: { FUNC: '', FNOL: '', FBUS: '', FNOA: '', FUNV: '' },
    acceptRules: { persistentGroups: ['everybody'], temporary: null },
    rejectRules: [],
    voicemail: {
      Mailbox: options.username,
      Password: '',
      Name: `${first} ${lastname}`.trim(),
      Email: email,
      Info: '',
      Options: '',
      Account: address,
    },
    privacy: false,
    dnd: { on: false, until: null },
    activeCalls: [],
  };
}

export class SipThorState {
  /** By SIP address, `user@domain`. */
  readonly accounts = new Map<string, SipThorAccount>();
  /** get_* actions whose backend is down: they answer the HTML alert block instead of JSON. */
  readonly failingActions = new Set<string>();
  /**
   * The doc says only "Return the prepaid balance and active calls": a server may count them
   * (`"active_calls": 2`) or list them (`"active_calls": [{…}]`).
   */
  activeCallsAs: 'count' | 'list' = 'count';
  /**
   * The doc has no DND read; docs/vendors.md infers that set_dnd_on shows as an accept rule. A
   * server where it does not (false) keeps DND apart, and get_accept_rules never shows it.
   */
  dndShownInAcceptRules = true;

  constructor(readonly now: () => Date = () => new Date()) {}

  add(account: SipThorAccount): void {
    this.accounts.set(addressOf(account), account);
  }

  account(address: string): SipThorAccount {
    const account = this.accounts.get(address);
    if (!account) throw new Error(`SIP Thor emulator: no account ${address}`);
    return account;
  }

  failAction(action: ReadAction): void {
    this.failingActions.add(action);
  }
}
