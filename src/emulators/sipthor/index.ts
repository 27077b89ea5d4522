/**
 * SIP Thor `settings.phtml`, from sipthor-settings.txt and WIRE-NOTES.md: per-account Digest with
 * the realm from the query, raw JSON served as text/html, `Key … changed` lines before the JSON of
 * set_call_forwarding, an HTML alert block when a get_* fails on the backend, `null` for no devices.
 */
import { DigestVerifier } from '../shared/digest.js';
import { EmulatorServer, type EmulatorRequest, type EmulatorResponse, type Handler } from '../shared/harness.js';

const FORWARDING_KEYS = ['FUNC', 'FNOL', 'FBUS', 'FNOA', 'FUNV'] as const;
type ForwardingKey = (typeof FORWARDING_KEYS)[number];

export interface SipThorAccountSeed {
  username: string;
  domain: string;
  password: string;
  first?: string;
  lastname?: string;
  email?: string;
  mobileNumber?: string;
}

interface CallItem {
  remoteParty: string;
  displayName: string;
  startTime: string;
  stopTime: string;
  timezone: string;
  duration: number;
  status: string;
  price: string;
  sessionId: string;
}

export interface SipThorAccount {
  address: string;
  password: string;
  identity: { sip_address: string; email: string; first: string; lastname: string; pstn_caller_id: string; mobile_number: string; timezone: string; no_answer_timeout: number; quick_dial: string; privacy: '0' | '1' };
  aliases: string[];
  enumNumbers: string[];
  forwarding: Record<ForwardingKey, string>;
  persistentGroups: string[];
  temporary: { groups: string[]; until: number } | null;
  rejectRules: string[];
  voicemail: { Mailbox: string; Password: string; Name: string; Email: string; Info: string; Options: string; Account: string };
  placed: CallItem[];
  received: CallItem[];
  devices: Array<{ contact: string; publicContact: string; expires: number; user_agent: string; transport: string }>;
  balance: number;
}

export class SipThorState {
  readonly accounts = new Map<string, SipThorAccount>();
  readonly failingActions = new Set<string>();

  constructor(readonly now: () => Date = () => new Date()) {}

  /** The backend fails this get_* action: the server answers its HTML error block. */
  failAction(action: string): void {
    this.failingActions.add(action);
  }
}

function stamp(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

function seedAccount(state: SipThorState, seed: SipThorAccountSeed, index: number, withData: boolean): SipThorAccount {
  const address = `${seed.username}@${seed.domain}`;
  const mobile = seed.mobileNumber ?? `+3161234${String(5000 + index).padStart(4, '0')}`;
  const now = state.now().getTime();
  const call = (n: number, direction: 'out' | 'in'): CallItem => {
    const start = new Date(now - (n + 1) * 7 * 3_600_000 - index * 60_000);
    const duration = 30 + ((n * 37 + index * 11) % 600);
    return {
      remoteParty: direction === 'out' ? `sip:+3120555${String(1000 + n).slice(-4)}@${seed.domain}` : `sip:colleague${n}@${seed.domain}`,
      displayName: direction === 'out' ? `Customer ${n + 1}` : `Colleague ${n + 1}`,
      startTime: stamp(start),
      stopTime: stamp(new Date(start.getTime() + duration * 1000)),
      timezone: 'Europe/Amsterdam',
      duration,
      status: n % 4 === 3 ? 'missed' : 'completed',
      price: direction === 'out' ? (duration * 0.0004).toFixed(4) : '0.0000',
      sessionId: `${index}-${direction}-${n}`,
    };
  };
  return {
    address,
    password: seed.password,
    identity: {
      sip_address: address,
      email: seed.email ?? `${seed.username}@${seed.domain.replace(/^sip\./, '')}`,
      first: seed.first ?? seed.username.split('.')[0] ?? seed.username,
      lastname: seed.lastname ?? seed.username.split('.')[1] ?? '',
      pstn_caller_id: `+3120555${String(2000 + index)}`,
      mobile_number: mobile,
      timezone: 'Europe/Amsterdam',
      no_answer_timeout: 25,
      quick_dial: '',
      privacy: '0',
    },
    aliases: withData ? [`${seed.username.replace('.', '')}@${seed.domain}`] : [],
    enumNumbers: withData ? [`+3120555${String(2000 + index)}`] : [],
    forwarding: { FUNC: '', FNOL: withData ? '<voice-mailbox>' : '', FBUS: '', FNOA: withData && index % 2 === 0 ? '<voice-mailbox>' : '', FUNV: '' },
    persistentGroups: ['everybody'],
    temporary: null,
    rejectRules: withData && index % 3 === 0 ? [`spam@${seed.domain}`] : [],
    voicemail: { Mailbox: String(7000 + index), Password: String(4000 + index * 13), Name: `${seed.first ?? seed.username}`, Email: `${seed.username}@${seed.domain}`, Info: 'Attach', Options: 'delete=yes', Account: address },
    placed: withData ? Array.from({ length: 6 + (index % 5) }, (_, n) => call(n, 'out')) : [],
    received: withData ? Array.from({ length: 4 + (index % 3) }, (_, n) => call(n, 'in')) : [],
    devices: withData && index % 2 === 0 ? [{ contact: `sip:${seed.username}@192.0.2.${20 + index}:5060`, publicContact: `sip:${seed.username}@198.51.100.${20 + index}:51234`, expires: 3600, user_agent: 'Blink 5.6', transport: 'tls' }] : [],
    balance: 25 - index * 1.5,
  };
}

const json = (value: unknown, prefix = ''): EmulatorResponse => ({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: `${prefix}${JSON.stringify(value)}` });
const outcome = (success: boolean, message: string, prefix = ''): EmulatorResponse => json({ success, error_message: message }, prefix);

function acceptRules(account: SipThorAccount, now: number) {
  const temporaryLeft = account.temporary ? Math.ceil((account.temporary.until - now) / 60_000) : 0;
  return {
    persistent: { days: { start: '00:00', stop: '23:59', groups: account.persistentGroups } },
    temporary: temporaryLeft > 0 ? { groups: account.temporary!.groups, duration: temporaryLeft } : { groups: [], duration: 0 },
    groups: ['everybody', 'coworkers', 'family', 'friends', 'nobody'],
  };
}

function read(account: SipThorAccount, action: string, now: Date): unknown {
  switch (action) {
    case 'get_identity':
      return account.identity;
    case 'get_aliases':
      return account.aliases;
    case 'get_enum':
      return account.enumNumbers;
    case 'get_history': {
      const since = stamp(new Date(now.getTime() - 14 * 86_400_000));
      const recent = (items: CallItem[]) => items.filter((c) => c.startTime >= since).slice(0, 50);
      return { placed: recent(account.placed), received: recent(account.received) };
    }
    case 'get_devices':
      return account.devices.length === 0 ? null : account.devices;
    case 'get_prepaid':
      return { prepaid: true, balance: account.balance.toFixed(4), currency: 'EUR', active_calls: 0 };
    case 'get_balance_history':
      return account.placed.map((c, i) => ({ date: c.stopTime, action: 'Debit', description: `Call to ${c.remoteParty}`, value: `-${c.price}`, balance: (account.balance + i * 0.1).toFixed(4), session: c.sessionId }));
    case 'get_monthly_usage':
      return { calls: account.placed.length, price: account.placed.reduce((sum, c) => sum + Number(c.price), 0).toFixed(4) };
    case 'get_call_forwarding':
      return account.forwarding;
    case 'get_accept_rules':
      return acceptRules(account, now.getTime());
    case 'get_reject_rules':
      return account.rejectRules;
    case 'get_voicemail':
      return account.voicemail;
    default:
      return undefined;
  }
}

function change(account: SipThorAccount, action: string, query: URLSearchParams, now: Date): EmulatorResponse | undefined {
  const domain = account.address.split('@')[1]!;
  switch (action) {
    case 'set_dnd_on': {
      const duration = query.get('duration');
      if (duration === null) {
        account.persistentGroups = ['nobody'];
        return outcome(true, 'Do not disturb enabled');
      }
      if (!/^\d+$/.test(duration) || Number(duration) < 1) return outcome(false, 'Error: duration must be a positive number of minutes');
      account.temporary = { groups: ['nobody'], until: now.getTime() + Number(duration) * 60_000 };
      return outcome(true, `Do not disturb enabled for ${duration} minutes`);
    }
    case 'set_dnd_off':
      account.persistentGroups = ['everybody'];
      account.temporary = null;
      return outcome(true, 'Do not disturb disabled');
    case 'set_privacy_on':
    case 'set_privacy_off':
      account.identity.privacy = action === 'set_privacy_on' ? '1' : '0';
      return outcome(true, `Privacy ${action === 'set_privacy_on' ? 'enabled' : 'disabled'}`);
    case 'add_alias': {
      const username = query.get('username') ?? '';
      if (!/^[A-Za-z0-9._+-]+$/.test(username)) return outcome(false, 'Error: invalid or missing username');
      const alias = `${username}@${domain}`;
      if (!account.aliases.includes(alias)) account.aliases.push(alias);
      return outcome(true, `Alias ${alias} added`);
    }
    case 'set_call_forwarding': {
      const given = [...query.keys()].filter((k) => k !== 'action' && k !== 'realm');
      const unknown = given.filter((k) => !(FORWARDING_KEYS as readonly string[]).includes(k));
      if (unknown.length > 0) return outcome(false, `Error: invalid forwarding condition ${unknown.join(', ')}`);
      const lines: string[] = [];
      for (const key of given as ForwardingKey[]) {
        const raw = (query.get(key) ?? '').trim().replace(/^sip:/, '');
        const target = raw === '<mobile-number>' ? account.identity.mobile_number : raw === '' || raw.startsWith('<') || raw.includes('@') ? raw : `${raw}@${domain}`;
        account.forwarding[key] = target;
        lines.push(`Key ${key} changed to ${target === '' ? '(empty)' : target}\n`);
      }
      return outcome(true, 'Call forwarding updated', lines.join(''));
    }
    default:
      return undefined;
  }
}

export interface SipThorEmulatorOptions {
  accounts: SipThorAccountSeed[];
  now?: () => Date;
  seed?: boolean;
}

export function createSipThorEmulator(options: SipThorEmulatorOptions): { server: EmulatorServer; state: SipThorState } {
  const state = new SipThorState(options.now);
  options.accounts.forEach((seed, i) => {
    const account = seedAccount(state, seed, i, options.seed ?? false);
    state.accounts.set(account.address, account);
  });
  const digest = new DigestVerifier();

  const authenticate = (req: EmulatorRequest, realm: string): SipThorAccount | undefined => {
    const username = digest.verify(req, realm, (user) => state.accounts.get(user.includes('@') ? user : `${user}@${realm}`)?.password);
    return username ? state.accounts.get(username.includes('@') ? username : `${username}@${realm}`) : undefined;
  };

  const handler: Handler = (req) => {
    if (req.path !== '/settings.phtml') return { status: 404, headers: { 'content-type': 'text/html' }, body: '<h1>Not Found</h1>' };
    const realm = req.query.get('realm') ?? '';
    const account = authenticate(req, realm);
    if (!account) return { status: 401, headers: { 'www-authenticate': digest.challenge(realm), 'content-type': 'text/html' }, body: '' };
    const action = req.query.get('action') ?? '';
    if (action.startsWith('get_') && state.failingActions.has(action)) {
      return { status: 200, headers: { 'content-type': 'text/html' }, body: `<div class='alert alert-error'>Error: the settings backend failed to answer ${action}</div>` };
    }
    const now = state.now();
    const value = read(account, action, now);
    if (value !== undefined) return json(value);
    return change(account, action, req.query, now) ?? outcome(false, 'Error: invalid action');
  };
  return { server: new EmulatorServer('sipthor', handler), state };
}
