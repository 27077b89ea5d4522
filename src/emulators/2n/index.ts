/**
 * One 2N IP intercom, from 2n-phone-config.txt and WIRE-NOTES.md: `/api/phone/config` (GET, and a
 * PUT of multipart `blob-json` that is all or nothing), `/api/phone/status`, `/api/system/info`;
 * Digest (default), Basic or no auth; 2N error objects on HTTP 200.
 */
import { DigestVerifier, verifyBasic } from '../shared/digest.js';
import { EmulatorServer, type EmulatorRequest, type EmulatorResponse, type Handler } from '../shared/harness.js';

export interface SipAccount {
  account: number;
  enabled: boolean;
  displayName: string;
  sipNumber: string;
  domain: string;
  domainPort: string;
  authId: string;
  password: string;
  proxyAddress: string;
  proxyPort: string;
  registrationEnabled: boolean;
  registrarAddress: string;
  registrarPort: string;
  answerMode: string;
}

/** WIRE-NOTES.md's 2N codes used here. */
export const CODE = { invalidPath: 2, invalidMethod: 3, authRequired: 9, insufficientPrivileges: 10, missingParameter: 11, invalidValue: 12, tooBig: 13 } as const;

class TwoNError extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
    readonly param?: string,
  ) {
    super(description);
  }
}

const STRING_FIELDS = ['displayName', 'sipNumber', 'domain', 'authId', 'password', 'proxyAddress', 'registrarAddress'] as const;
const PORT_FIELDS = ['domainPort', 'proxyPort', 'registrarPort'] as const;
const BOOLEAN_FIELDS = ['enabled', 'registrationEnabled'] as const;
const KNOWN = new Set<string>(['account', 'answerMode', ...STRING_FIELDS, ...PORT_FIELDS, ...BOOLEAN_FIELDS]);

export class TwoNState {
  readonly accounts: SipAccount[];
  /** Unix seconds when each account last became registered (0: never / not now). */
  readonly registeredAt = new Map<number, number>();

  constructor(
    readonly info: { macAddr: string; serialNumber: string; deviceName: string },
    seed: Array<Partial<SipAccount>>,
    private readonly now: () => number = () => Math.floor(Date.now() / 1000),
  ) {
    this.accounts = [1, 2].map((n) => ({ ...blankAccount(n), ...seed[n - 1], account: n }));
    for (const account of this.accounts) this.refreshRegistration(account);
  }

  isRegistered(a: SipAccount): boolean {
    return a.enabled && a.registrationEnabled && a.sipNumber !== '' && a.domain !== '' && a.password !== '';
  }

  /** Validates every entry first; applies nothing unless all are valid. */
  apply(entries: unknown): void {
    if (!Array.isArray(entries) || entries.length === 0) throw new TwoNError(CODE.missingParameter, 'missing mandatory parameter', 'accounts');
    const changes = entries.map((entry) => this.validate(entry));
    for (const change of changes) {
      const account = this.accounts[change.account - 1]!;
      Object.assign(account, change);
      this.refreshRegistration(account);
    }
  }

  private validate(entry: unknown): Partial<SipAccount> & { account: number } {
    if (!entry || typeof entry !== 'object') throw new TwoNError(CODE.invalidValue, 'invalid parameter value', 'accounts');
    const e = entry as Record<string, unknown>;
    if (e.account !== 1 && e.account !== 2) throw new TwoNError(e.account === undefined ? CODE.missingParameter : CODE.invalidValue, 'invalid parameter value', 'account');
    const keys = Object.keys(e).filter((k) => k !== 'account');
    if (keys.length === 0) throw new TwoNError(CODE.missingParameter, 'missing mandatory parameter: at least one setting besides account', 'account');
    for (const key of keys) {
      const value = e[key];
      if (!KNOWN.has(key)) throw new TwoNError(CODE.invalidValue, 'invalid parameter value', key);
      if ((BOOLEAN_FIELDS as readonly string[]).includes(key) && typeof value !== 'boolean') throw new TwoNError(CODE.invalidValue, 'invalid parameter value', key);
      if ((STRING_FIELDS as readonly string[]).includes(key)) {
        if (typeof value !== 'string') throw new TwoNError(CODE.invalidValue, 'invalid parameter value', key);
        if (value.length > 255) throw new TwoNError(CODE.tooBig, 'parameter data too big', key);
      }
      if ((PORT_FIELDS as readonly string[]).includes(key) && !(value === '' || (typeof value === 'string' && /^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= 65_535))) {
        throw new TwoNError(CODE.invalidValue, 'invalid parameter value', key);
      }
      if (key === 'answerMode' && !(typeof value === 'string' && /^[0-3]$/.test(value))) throw new TwoNError(CODE.invalidValue, 'invalid parameter value', key);
    }
    return e as Partial<SipAccount> & { account: number };
  }

  private refreshRegistration(account: SipAccount): void {
    if (!this.isRegistered(account)) this.registeredAt.set(account.account, 0);
    else this.registeredAt.set(account.account, this.now());
  }
}

function blankAccount(account: number): SipAccount {
  return { account, enabled: false, displayName: '', sipNumber: '', domain: '', domainPort: '', authId: '', password: '', proxyAddress: '', proxyPort: '', registrationEnabled: false, registrarAddress: '', registrarPort: '', answerMode: '1' };
}

function publicAccount(a: SipAccount): Omit<SipAccount, 'password'> {
  const { password: _secret, ...visible } = a;
  return visible;
}

export interface TwoNEmulatorOptions {
  macAddr: string;
  serialNumber?: string;
  deviceName?: string;
  auth?: 'digest' | 'basic' | 'none';
  username: string;
  password: string;
  /** The user may read (Phone/Calls Monitoring) but not write (Management). */
  monitoringOnly?: boolean;
  accounts?: Array<Partial<SipAccount>>;
}

const ok = (result?: unknown): EmulatorResponse => ({ status: 200, body: result === undefined ? { success: true } : { success: true, result } });
const error = (e: TwoNError, status = 200): EmulatorResponse => ({ status, body: { success: false, error: { code: e.code, ...(e.param ? { param: e.param } : {}), description: e.description } } });

function selectAccounts<T extends { account: number }>(list: T[], query: URLSearchParams): T[] {
  const wanted = query.get('account');
  if (wanted === null) return list;
  if (wanted !== '1' && wanted !== '2') throw new TwoNError(CODE.invalidValue, 'invalid parameter value', 'account');
  return list.filter((a) => a.account === Number(wanted));
}

async function blobJson(req: EmulatorRequest): Promise<unknown> {
  const type = String(req.headers['content-type'] ?? '');
  if (!type.startsWith('multipart/form-data')) throw new TwoNError(CODE.missingParameter, 'missing mandatory parameter', 'blob-json');
  const form = await new Request('http://device.invalid/', { method: 'PUT', headers: { 'content-type': type }, body: req.rawBody }).formData();
  const part = form.get('blob-json');
  if (part === null) throw new TwoNError(CODE.missingParameter, 'missing mandatory parameter', 'blob-json');
  const text = typeof part === 'string' ? part : await part.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new TwoNError(CODE.invalidValue, 'invalid parameter value', 'blob-json');
  }
}

export function createTwoNEmulator(options: TwoNEmulatorOptions): { server: EmulatorServer; state: TwoNState } {
  const deviceName = options.deviceName ?? '2N IP Verso';
  const state = new TwoNState(
    { macAddr: options.macAddr.toUpperCase().replace(/-/g, ':'), serialNumber: options.serialNumber ?? `54-${options.macAddr.replace(/[:-]/g, '').slice(-8)}`, deviceName },
    options.accounts ?? [{ enabled: true, displayName: deviceName, sipNumber: '4100', domain: 'sip.acme.example', password: 'intercom-sip-secret', registrationEnabled: true, registrarAddress: 'sip.acme.example', registrarPort: '5060' }],
  );
  const realm = '2N Helios IP';
  const digest = new DigestVerifier();
  const passwordOf = (user: string) => (user === options.username ? options.password : undefined);
  const auth = options.auth ?? 'digest';

  const authenticate = (req: EmulatorRequest): EmulatorResponse | undefined => {
    if (auth === 'none') return undefined;
    const user = auth === 'digest' ? digest.verify(req, realm, passwordOf) : verifyBasic(req, passwordOf);
    if (user) return undefined;
    const challenge = auth === 'digest' ? digest.challenge(realm) : `Basic realm="${realm}"`;
    return { ...error(new TwoNError(CODE.authRequired, 'authorisation required'), 401), headers: { 'www-authenticate': challenge } };
  };

  const handler: Handler = async (req) => {
    try {
      if (req.path === '/api/system/info') {
        if (req.method !== 'GET') throw new TwoNError(CODE.invalidMethod, 'invalid method');
        return ok({ variant: '2N IP Verso', serialNumber: state.info.serialNumber, hwVersion: '535v1', swVersion: '2.45.0.51.2', buildType: 'release', deviceName: state.info.deviceName, macAddr: state.info.macAddr });
      }
      if (req.path !== '/api/phone/config' && req.path !== '/api/phone/status') throw new TwoNError(CODE.invalidPath, 'invalid request path');
      const denied = authenticate(req);
      if (denied) return denied;
      if (req.path === '/api/phone/status') {
        if (req.method !== 'GET') throw new TwoNError(CODE.invalidMethod, 'invalid method');
        const accounts = state.accounts.map((a) => ({ account: a.account, enabled: a.enabled, sipNumber: a.sipNumber, registrationEnabled: a.registrationEnabled, registered: state.isRegistered(a), registerTime: state.registeredAt.get(a.account) ?? 0 }));
        return ok({ accounts: selectAccounts(accounts, req.query) });
      }
      if (req.method === 'GET') return ok({ accounts: selectAccounts(state.accounts, req.query).map(publicAccount) });
      if (req.method !== 'PUT') throw new TwoNError(CODE.invalidMethod, 'invalid method');
      if (options.monitoringOnly) throw new TwoNError(CODE.insufficientPrivileges, 'insufficient privileges');
      const blob = (await blobJson(req)) as { accounts?: unknown };
      state.apply(blob?.accounts);
      return ok();
    } catch (e) {
      if (e instanceof TwoNError) return error(e);
      throw e;
    }
  };
  return { server: new EmulatorServer('2n', handler), state };
}
