/**
 * Sample data for a seeded account. Deterministic: the generator is keyed by the SIP address, and
 * every time is relative to the clock, so an address and a clock always give the same account,
 * whatever other accounts exist.
 */
import { createHash } from 'node:crypto';
import {
  addressOf,
  blankAccount,
  type BalanceEntry,
  type Call,
  type RegisteredDevice,
  type SipThorAccount,
  type SipThorAccountOptions,
} from './state.js';

type Random = () => number;

interface Party {
  address: string;
  displayName: string;
  /** A phone number: calls to it are charged. */
  pstn: boolean;
}

const FIRST_NAMES = ['Anna', 'Bram', 'Chloe', 'Daan', 'Eva', 'Finn', 'Lotte', 'Sem'];
const LAST_NAMES = ['de Vries', 'Jansen', 'Bakker', 'Visser', 'Smit', 'Meijer'];
const USER_AGENTS = [
  'Blink 5.6.0 (MacOSX)',
  'Sylk 3.2.1 (Android)',
  'Yealink SIP-T54W 96.86.0.70',
  'Zoiper rv2.10.20.2',
];
const TRANSPORTS = ['tls', 'tcp', 'udp'];

/**
 * 60 placed calls 6 hours apart and 30 received ones 12 hours apart reach back 15 days: more placed
 * calls than the 50 get_history returns, and some of each older than its 14 days.
 */
const CALL_PLANS = { placed: { count: 60, spacingHours: 6 }, received: { count: 30, spacingHours: 12 } };
const EUR_PER_MINUTE = 0.02;
const TOP_UP_EUR = 50;
const TOP_UP_AGE_DAYS = 20;

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

export function seededAccount(options: SipThorAccountOptions, now: Date): SipThorAccount {
  const random = randomFor(addressOf(options));
  const [firstPart = '', lastPart] = options.username.split(/[._-]/);
  const first = options.first ?? capitalised(firstPart);
  const lastname = options.lastname ?? (lastPart ? capitalised(lastPart) : pick(random, LAST_NAMES));
  const mobileNumber = options.mobileNumber ?? `+316${digits(random, 8)}`;
  const account = blankAccount({
    ...options,
    first,
    lastname,
    mobileNumber,
    email: options.email ?? addressOf(options),
  });

  const pstn = `+3120${digits(random, 7)}`;
  account.identity.pstn_caller_id = pstn;
  account.identity.no_answer_timeout = pick(random, [20, 30, 45]);
  account.aliases = [`${options.username}-office@${options.domain}`];
  account.enumNumbers = [pstn];
  const parties = sampleParties(random, options.domain);
  account.placed = sampleCalls('placed', parties, random, now);
  account.received = sampleCalls('received', parties, random, now);
  account.devices = sampleDevices(random, options.username);
  account.prepaid = random() < 0.5;
  if (account.prepaid) Object.assign(account, ledger(account.placed, now));
  account.forwarding = {
    FUNC: '',
    FNOL: '<voice-mailbox>',
    FBUS: random() < 0.5 ? mobileNumber : '',
    FNOA: '<voice-mailbox>',
    FUNV: '',
  };
  account.rejectRules = random() < 0.5 ? [`+3190${digits(random, 7)}@${options.domain}`] : [];
  Object.assign(account.voicemail, { Password: digits(random, 4), Info: 'Sent by email', Options: 'attach=yes' });
  return account;
}

function sampleParties(random: Random, domain: string): Party[] {
  const phones = Array.from({ length: 3 }, () => ({
    address: `+31${digits(random, 9)}@${domain}`,
    displayName: '',
    pstn: true,
  }));
  const colleagues = Array.from({ length: 3 }, () => {
    const name = pick(random, FIRST_NAMES);
    return { address: `${name.toLowerCase()}@${domain}`, displayName: name, pstn: false };
  });
  return [...phones, ...colleagues];
}

/** Newest first, each call inside its own slot of the plan and over before the slot ends. */
function sampleCalls(direction: keyof typeof CALL_PLANS, parties: Party[], random: Random, now: Date): Call[] {
  const { count, spacingHours } = CALL_PLANS[direction];
  return Array.from({ length: count }, (_, n) => {
    const slotEnd = now.getTime() - n * spacingHours * HOUR_MS;
    // Calls last at most 30 minutes, so starting 31 minutes or more before the slot's end keeps them in it.
    const start = new Date(slotEnd - (31 + Math.floor(random() * (spacingHours * 60 - 31))) * MINUTE_MS);
    const party = pick(random, parties);
    const status =
      direction === 'placed'
        ? pick(random, ['completed', 'completed', 'completed', 'busy', 'failed'] as const)
        : random() < 0.25
          ? 'missed'
          : 'completed';
    const durationSeconds = status === 'completed' ? 10 + Math.floor(random() * 1790) : 0;
    const charged = direction === 'placed' && party.pstn;
    return {
      remoteParty: party.address,
      displayName: party.displayName,
      start,
      durationSeconds,
      status,
      price: charged ? roundToTenThousandths((durationSeconds / 60) * EUR_PER_MINUTE) : 0,
      sessionId: hex(random, 16),
    };
  });
}

function sampleDevices(random: Random, username: string): RegisteredDevice[] {
  return Array.from({ length: Math.floor(random() * 3) }, (_, n) => {
    const transport = pick(random, TRANSPORTS);
    const port = 5060 + Math.floor(random() * 1000);
    return {
      contact: `sip:${username}@192.168.1.${10 + n}:${port};transport=${transport}`,
      publicContact: `sip:${username}@198.51.100.${1 + Math.floor(random() * 250)}:${port}`,
      expires: 60 + Math.floor(random() * 3540),
      user_agent: pick(random, USER_AGENTS),
      transport,
    };
  });
}

/** A prepaid top-up and then a debit per charged call, so the history ends at the balance. */
function ledger(placed: Call[], now: Date): { balance: number; balanceHistory: BalanceEntry[] } {
  let balance = TOP_UP_EUR;
  const entries: BalanceEntry[] = [
    {
      date: new Date(now.getTime() - TOP_UP_AGE_DAYS * DAY_MS),
      action: 'Credit',
      description: 'Prepaid card top-up',
      value: TOP_UP_EUR,
      balance,
      session: '',
    },
  ];
  for (const call of [...placed].reverse()) {
    if (call.price === 0) continue;
    balance = roundToTenThousandths(balance - call.price);
    const date = new Date(call.start.getTime() + call.durationSeconds * 1000);
    entries.push({
      date,
      action: 'Debit',
      description: `Call to ${call.remoteParty}`,
      value: -call.price,
      balance,
      session: call.sessionId,
    });
  }
  return { balance, balanceHistory: entries.reverse() };
}

/** mulberry32, seeded from the key: small, fast and the same on every platform. */
function randomFor(key: string): Random {
  let state = createHash('md5').update(key).digest().readUInt32LE(0);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function pick<T>(random: Random, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

function digits(random: Random, count: number): string {
  return Array.from({ length: count }, () => Math.floor(random() * 10)).join('');
}

function hex(random: Random, count: number): string {
  return Array.from({ length: count }, () => Math.floor(random() * 16).toString(16)).join('');
}

function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function roundToTenThousandths(eur: number): number {
  return Math.round(eur * 10_000) / 10_000;
}
