/**
 * The device's two SIP accounts as `/api/phone/config` carries them (2n-phone-config.txt), and the
 * validation of an uploaded `blob-json`. Every entry is checked before anything is applied: the
 * doc says a verification error makes the whole upload fail.
 */
import { TwoNError } from './errors.js';

export type AccountIndex = 1 | 2;
export const ACCOUNT_INDEXES: readonly AccountIndex[] = [1, 2];

export interface TwoNAccount {
  account: AccountIndex;
  enabled: boolean;
  displayName: string;
  sipNumber: string;
  domain: string;
  /** Ports and answerMode travel as strings; "" means the default port. */
  domainPort: string;
  authId: string;
  proxyAddress: string;
  proxyPort: string;
  registrationEnabled: boolean;
  registrarAddress: string;
  registrarPort: string;
  /** "0"–"3". */
  answerMode: string;
  /** Write-only: a PUT stores it, a GET never returns it. */
  password: string;
}

export type AccountSettings = Omit<TwoNAccount, 'account'>;
export type PublicAccount = Omit<TwoNAccount, 'password'>;

export interface AccountChange {
  account: AccountIndex;
  settings: Partial<AccountSettings>;
}

type ValueKind = 'boolean' | 'text' | 'port' | 'answerMode';

/** Every settable parameter, in the order the device lists them. */
const SETTINGS: Record<keyof AccountSettings, ValueKind> = {
  enabled: 'boolean',
  displayName: 'text',
  sipNumber: 'text',
  domain: 'text',
  domainPort: 'port',
  authId: 'text',
  proxyAddress: 'text',
  proxyPort: 'port',
  registrationEnabled: 'boolean',
  registrarAddress: 'text',
  registrarPort: 'port',
  answerMode: 'answerMode',
  password: 'text',
};

/** The doc gives no limits; this is the emulator's, to make code 13 reachable. */
const MAX_TEXT_LENGTH = 255;

export function blankAccount(account: AccountIndex): TwoNAccount {
  return {
    account,
    enabled: false,
    displayName: '',
    sipNumber: '',
    domain: '',
    domainPort: '',
    authId: '',
    proxyAddress: '',
    proxyPort: '',
    registrationEnabled: false,
    registrarAddress: '',
    registrarPort: '',
    answerMode: '1',
    password: '',
  };
}

export function publicView(account: TwoNAccount): PublicAccount {
  const { password: _writeOnly, ...visible } = account;
  return visible;
}

function isAccountIndex(value: unknown): value is AccountIndex {
  return value === 1 || value === 2;
}

/** The changes `blob` asks for, or a TwoNError naming the first parameter at fault. */
export function parseAccountChanges(blob: unknown): AccountChange[] {
  const accounts = isRecord(blob) ? blob.accounts : undefined;
  if (accounts === undefined || (Array.isArray(accounts) && accounts.length === 0))
    throw new TwoNError('missingParameter', 'accounts');
  if (!Array.isArray(accounts)) throw new TwoNError('invalidValue', 'accounts');
  return accounts.map(parseAccountEntry);
}

function parseAccountEntry(entry: unknown): AccountChange {
  if (!isRecord(entry)) throw new TwoNError('invalidValue', 'accounts');
  const { account, ...settings } = entry;
  if (account === undefined) throw new TwoNError('missingParameter', 'account');
  if (!isAccountIndex(account)) throw new TwoNError('invalidValue', 'account');
  // The doc: besides the mandatory account, at least one more parameter must be included.
  if (Object.keys(settings).length === 0) throw new TwoNError('missingParameter');
  for (const [name, value] of Object.entries(settings)) checkSetting(name, value);
  return { account, settings: settings as Partial<AccountSettings> };
}

function checkSetting(name: string, value: unknown): void {
  if (!Object.hasOwn(SETTINGS, name)) throw new TwoNError('invalidValue', name);
  const kind = SETTINGS[name as keyof AccountSettings];
  if (kind === 'boolean' ? typeof value !== 'boolean' : typeof value !== 'string')
    throw new TwoNError('invalidValue', name);
  if (kind === 'text' && (value as string).length > MAX_TEXT_LENGTH) throw new TwoNError('tooBig', name);
  if (kind === 'port' && !isPort(value as string)) throw new TwoNError('invalidValue', name);
  if (kind === 'answerMode' && !/^[0-3]$/.test(value as string)) throw new TwoNError('invalidValue', name);
}

function isPort(value: string): boolean {
  return value === '' || (/^\d{1,5}$/.test(value) && Number(value) >= 1 && Number(value) <= 65_535);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
