/**
 * The `settings.phtml` actions of sipthor-settings.txt, with the shapes of WIRE-NOTES.md and
 * docs/vendors.md: get_* actions answer raw JSON values, set_* and add_* ones a success flag and a
 * message (filled on success too).
 */
import {
  FORWARDING_KEYS,
  addressOf,
  type AcceptRules,
  type Call,
  type ForwardingKey,
  type SipThorAccount,
  type SipThorState,
} from './state.js';

export const READ_ACTIONS = [
  'get_identity',
  'get_aliases',
  'get_enum',
  'get_history',
  'get_devices',
  'get_prepaid',
  'get_balance_history',
  'get_monthly_usage',
  'get_call_forwarding',
  'get_accept_rules',
  'get_reject_rules',
  'get_voicemail',
] as const;
export type ReadAction = (typeof READ_ACTIONS)[number];

export interface WriteOutcome {
  success: boolean;
  error_message: string;
  /** Text the real server prints before the JSON (set_call_forwarding's `Key … changed` lines). */
  preamble?: string;
}

type Reader = (account: SipThorAccount, now: Date, state: SipThorState) => unknown;
type Writer = (account: SipThorAccount, query: URLSearchParams, state: SipThorState) => WriteOutcome;

const HISTORY_DAYS = 14;
const HISTORY_MAX_CALLS = 50;
/** The contact groups every account has, which accept rules refer to. */
const CONTACT_GROUPS = ['everybody', 'coworkers', 'family', 'friends', 'nobody'];
const DAY_MS = 86_400_000;

const READERS: Record<ReadAction, Reader> = {
  get_identity: (account) => account.identity,
  get_aliases: (account) => account.aliases,
  get_enum: (account) => account.enumNumbers,
  get_history: (account, now) => ({
    placed: recentCalls(account, account.placed, now),
    received: recentCalls(account, account.received, now),
  }),
  get_devices: (account) => (account.devices.length === 0 ? null : account.devices),
  get_prepaid: (account, _now, state) => ({
    prepaid: account.prepaid,
    balance: euros(account.balance),
    currency: 'EUR',
    active_calls: state.activeCallsAs === 'list' ? account.activeCalls : account.activeCalls.length,
  }),
  get_balance_history: (account) =>
    account.balanceHistory.map((entry) => ({
      date: localTime(entry.date, account.identity.timezone),
      action: entry.action,
      description: entry.description,
      value: euros(entry.value),
      balance: euros(entry.balance),
      session: entry.session,
    })),
  get_monthly_usage: monthlyUsage,
  get_call_forwarding: (account) => account.forwarding,
  get_accept_rules: (account, now) => acceptRulesView(account.acceptRules, now),
  get_reject_rules: (account) => account.rejectRules,
  get_voicemail: (account) => account.voicemail,
};

const WRITERS: Record<string, Writer> = {
  set_dnd_on: setDndOn,
  set_dnd_off: (account, _query, state) => {
    if (state.dndShownInAcceptRules) account.acceptRules = { persistentGroups: ['everybody'], temporary: null };
    account.dnd = { on: false, until: null };
    return succeeded('Do not disturb disabled');
  },
  set_privacy_on: (account) => {
    account.privacy = true;
    return succeeded('Privacy enabled');
  },
  set_privacy_off: (account) => {
    account.privacy = false;
    return succeeded('Privacy disabled');
  },
  add_alias: addAlias,
  set_call_forwarding: setCallForwarding,
};

export function isReadAction(action: string): action is ReadAction {
  return (READ_ACTIONS as readonly string[]).includes(action);
}

export function read(action: ReadAction, account: SipThorAccount, now: Date, state: SipThorState): unknown {
  return READERS[action](account, now, state);
}

/** The outcome of a set_* or add_* action, or undefined when there is no such action. */
export function write(
  action: string,
  account: SipThorAccount,
  query: URLSearchParams,
  state: SipThorState,
): WriteOutcome | undefined {
  return Object.hasOwn(WRITERS, action) ? WRITERS[action]!(account, query, state) : undefined;
}

const succeeded = (message: string, preamble?: string): WriteOutcome => ({
  success: true,
  error_message: message,
  ...(preamble === undefined ? {} : { preamble }),
});
const failed = (message: string): WriteOutcome => ({ success: false, error_message: `Error: ${message}` });

/** `duration` in minutes makes DND temporary; without it DND stays until set_dnd_off. */
function setDndOn(account: SipThorAccount, query: URLSearchParams, state: SipThorState): WriteOutcome {
  const duration = query.get('duration');
  if (duration === null) {
    if (state.dndShownInAcceptRules) account.acceptRules.persistentGroups = ['nobody'];
    account.dnd = { on: true, until: null };
    return succeeded('Do not disturb enabled');
  }
  if (!/^\d+$/.test(duration) || Number(duration) === 0) return failed('duration must be a positive number of minutes');
  const minutes = Number(duration);
  const until = new Date(state.now().getTime() + minutes * 60_000);
  if (state.dndShownInAcceptRules) account.acceptRules.temporary = { groups: ['nobody'], until };
  account.dnd = { on: true, until };
  return succeeded(`Do not disturb enabled for ${minutes} minutes`);
}

/** An alias is a SIP address in the account's domain, so it must not be anyone's address already. */
function addAlias(account: SipThorAccount, query: URLSearchParams, state: SipThorState): WriteOutcome {
  const username = query.get('username') ?? '';
  if (username === '') return failed('missing username');
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(username)) return failed(`invalid username ${username}`);
  const alias = `${username}@${account.domain}`;
  const taken = [...state.accounts.values()].some(
    (other) => addressOf(other) === alias || other.aliases.includes(alias),
  );
  if (taken) return failed(`alias ${alias} already exists`);
  account.aliases.push(alias);
  return succeeded(`Alias ${alias} added`);
}

/** Only the keys given change, and only when every one of them is valid. */
function setCallForwarding(account: SipThorAccount, query: URLSearchParams): WriteOutcome {
  const changes: Array<[ForwardingKey, string]> = [];
  for (const [key, value] of query) {
    if (key === 'action' || key === 'realm') continue;
    if (!isForwardingKey(key)) return failed(`invalid forwarding condition ${key}`);
    const target = forwardingTarget(value, account);
    if (target.error !== undefined) return failed(target.error);
    changes.push([key, target.value]);
  }
  for (const [key, target] of changes) account.forwarding[key] = target;
  const preamble = changes.map(([key, target]) => `Key ${key} changed to ${target}\n`).join('');
  return succeeded('Call forwarding saved', preamble);
}

/** What a forwarding value is stored as: no `sip:`, `<mobile-number>` resolved, a bare user in the account's domain. */
function forwardingTarget(
  raw: string,
  account: SipThorAccount,
): { value: string; error?: undefined } | { error: string } {
  const value = raw.trim().replace(/^sip:/i, '');
  if (value === '' || value === '<voice-mailbox>') return { value };
  if (value === '<mobile-number>') {
    return account.identity.mobile_number === ''
      ? { error: 'the account has no mobile number' }
      : { value: account.identity.mobile_number };
  }
  if (!/^[^\s@<>"]+(@[^\s@<>"]+)?$/.test(value)) return { error: `invalid forwarding target ${raw}` };
  return { value: value.includes('@') ? value : `${value}@${account.domain}` };
}

function isForwardingKey(key: string): key is ForwardingKey {
  return (FORWARDING_KEYS as readonly string[]).includes(key);
}

/** The last 14 days, newest first, at most 50: what get_history shows. */
function recentCalls(account: SipThorAccount, calls: Call[], now: Date) {
  const since = now.getTime() - HISTORY_DAYS * DAY_MS;
  const timezone = account.identity.timezone;
  return calls
    .filter((call) => call.start.getTime() >= since && call.start <= now)
    .sort((a, b) => b.start.getTime() - a.start.getTime())
    .slice(0, HISTORY_MAX_CALLS)
    .map((call) => ({
      remoteParty: call.remoteParty,
      displayName: call.displayName,
      startTime: localTime(call.start, timezone),
      stopTime: localTime(new Date(call.start.getTime() + call.durationSeconds * 1000), timezone),
      timezone,
      duration: call.durationSeconds,
      status: call.status,
      price: euros(call.price),
      sessionId: call.sessionId,
    }));
}

/** Completed placed calls in the current calendar month of the account's timezone. */
function monthlyUsage(account: SipThorAccount, now: Date): { calls: number; price: string } {
  const month = localTime(now, account.identity.timezone).slice(0, 7);
  const calls = account.placed.filter(
    (call) => call.status === 'completed' && localTime(call.start, account.identity.timezone).startsWith(month),
  );
  return { calls: calls.length, price: euros(calls.reduce((sum, call) => sum + call.price, 0)) };
}

/** A temporary rule shows the minutes it has left, and disappears when it has none. */
function acceptRulesView(rules: AcceptRules, now: Date) {
  const minutesLeft = rules.temporary ? Math.ceil((rules.temporary.until.getTime() - now.getTime()) / 60_000) : 0;
  return {
    persistent: { days: { start: '00:00', stop: '23:59', groups: rules.persistentGroups } },
    temporary:
      minutesLeft > 0 && rules.temporary
        ? { groups: rules.temporary.groups, duration: minutesLeft }
        : { groups: [], duration: 0 },
    groups: CONTACT_GROUPS,
  };
}

function euros(amount: number): string {
  return amount.toFixed(4);
}

const localTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** `YYYY-MM-DD HH:MM:SS` in `timezone`: the Swedish locale happens to write exactly that. */
function localTime(date: Date, timezone: string): string {
  let format = localTimeFormats.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat('sv-SE', { timeZone: timezone, dateStyle: 'short', timeStyle: 'medium' });
    localTimeFormats.set(timezone, format);
  }
  return format.format(date);
}
