/**
 * PortSIP PBX v12 `/api/providers/*`, from pbx-providers.txt and WIRE-NOTES.md: token login,
 * whole-object validation with PortSIP-style `{err_code, msg}` errors (codes in ERR, as in
 * docs/vendors.md), 1-based pages.
 */
import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { EmulatorServer, router, type EmulatorRequest, type EmulatorResponse, type Handler } from '../shared/harness.js';

export const ERR = { badCredentials: '1040001', badToken: '1040003', missingField: '1050001', badValue: '1050002', notFound: '1050003', duplicateName: '1050004' } as const;

export interface Provider {
  id: number;
  name: string;
  auth_mode: 'IP_AUTH' | 'REGISTER_AUTH';
  protocol: 'UDP' | 'TCP';
  require_register: boolean;
  password: string;
  reregister_interval: number;
  port: number;
  hostname: string;
  outbound_server: string;
  outbound_server_port: number;
  auth_id: string;
  status: 'ONLINE' | 'OFFLINE';
  provider_in_lan: boolean;
  single_via_header: boolean;
  ips: string[];
  in_parameters: Array<{ name: string; value: string }>;
  out_parameters: Array<{ name: string; value: string }>;
}

class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

type Check = (value: unknown) => boolean;
const isString: Check = (v) => typeof v === 'string';
const isBool: Check = (v) => typeof v === 'boolean';
const isPort: Check = (v) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 65_535;
const oneOf = (...values: string[]): Check => (v) => typeof v === 'string' && values.includes(v);
const isParams: Check = (v) => Array.isArray(v) && v.every((p) => p && typeof p === 'object' && typeof p.name === 'string' && typeof p.value === 'string');
const isAddress = (v: string): boolean => {
  const [address = '', prefix, extra] = v.split('/');
  return isIP(address) === 4 && extra === undefined && (prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= 32));
};

const FIELDS: Record<Exclude<keyof Provider, 'id'>, Check> = {
  name: (v) => typeof v === 'string' && v.trim().length > 0 && v.length <= 64,
  auth_mode: oneOf('IP_AUTH', 'REGISTER_AUTH'),
  protocol: oneOf('UDP', 'TCP'),
  require_register: isBool,
  password: isString,
  reregister_interval: (v) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 86_400,
  port: isPort,
  hostname: (v) => typeof v === 'string' && v.length > 0,
  outbound_server: isString,
  outbound_server_port: isPort,
  auth_id: isString,
  status: oneOf('ONLINE', 'OFFLINE'),
  provider_in_lan: isBool,
  single_via_header: isBool,
  ips: (v) => Array.isArray(v) && v.every((ip) => typeof ip === 'string' && isAddress(ip)),
  in_parameters: isParams,
  out_parameters: isParams,
};

export class PbxState {
  readonly providers = new Map<number, Provider>();
  private readonly tokens = new Map<string, number>();
  private nextId = 1;

  constructor(
    readonly ttlSeconds: number,
    private readonly now: () => number = () => Date.now(),
  ) {}

  issueToken(): string {
    const token = randomBytes(16).toString('hex').toUpperCase();
    this.tokens.set(token, this.now() + this.ttlSeconds * 1000);
    return token;
  }

  /** A live token; using it extends its life. */
  useToken(token: string): boolean {
    const expiresAt = this.tokens.get(token);
    if (expiresAt === undefined || expiresAt <= this.now()) {
      this.tokens.delete(token);
      return false;
    }
    this.tokens.set(token, this.now() + this.ttlSeconds * 1000);
    return true;
  }

  expireAllTokens(): void {
    this.tokens.clear();
  }

  /** Every field checked before anything is stored: missing → 1050001, bad → 1050002. */
  validate(input: Record<string, unknown>): Omit<Provider, 'id'> {
    for (const [field, check] of Object.entries(FIELDS)) {
      if (!(field in input) || input[field] === null) throw new ApiError(400, ERR.missingField, `missing required field: ${field}`);
      if (!check(input[field])) throw new ApiError(400, ERR.badValue, `invalid value for field: ${field}`);
    }
    return Object.fromEntries(Object.keys(FIELDS).map((f) => [f, input[f]])) as Omit<Provider, 'id'>;
  }

  create(input: Record<string, unknown>): Provider {
    const fields = this.validate(input);
    this.assertUniqueName(fields.name);
    const provider = { id: this.nextId++, ...fields };
    this.providers.set(provider.id, provider);
    return provider;
  }

  update(input: Record<string, unknown>): void {
    const id = input.id;
    if (id === undefined) throw new ApiError(400, ERR.missingField, 'missing required field: id');
    const current = typeof id === 'number' ? this.providers.get(id) : undefined;
    if (!current) throw new ApiError(400, ERR.notFound, `provider ${String(id)} not found`);
    const fields = this.validate(input);
    this.assertUniqueName(fields.name, current.id);
    this.providers.set(current.id, { id: current.id, ...fields });
  }

  private assertUniqueName(name: string, except?: number): void {
    if ([...this.providers.values()].some((p) => p.name === name && p.id !== except)) throw new ApiError(400, ERR.duplicateName, `provider name already exists: ${name}`);
  }
}

export function seedPbx(state: PbxState): void {
  const trunks: Array<[string, string, number, Provider['auth_mode'], Provider['protocol']]> = [
    ['Twilio Elastic SIP – EU', 'acme.pstn.dublin.twilio.com', 5060, 'IP_AUTH', 'UDP'],
    ['sipgate trunking', 'sipconnect.sipgate.de', 5060, 'REGISTER_AUTH', 'UDP'],
    ['Telnyx – US East', 'sip.telnyx.com', 5060, 'REGISTER_AUTH', 'TCP'],
    ['Vonage SIP', 'sip.nexmo.com', 5060, 'IP_AUTH', 'UDP'],
    ['BT SIPconnect', 'sip.btsipconnect.example', 5060, 'REGISTER_AUTH', 'UDP'],
    ['Colt VoIP Access', 'voip.colt.example', 5061, 'IP_AUTH', 'TCP'],
    ['Deutsche Telekom CompanyFlex', 'reg.sip-trunk.telekom.de', 5060, 'REGISTER_AUTH', 'TCP'],
    ['Orange Business Talk', 'sip.orange-business.example', 5060, 'REGISTER_AUTH', 'UDP'],
    ['Zadarma', 'sip.zadarma.com', 5060, 'REGISTER_AUTH', 'UDP'],
    ['Voxbone – DID', 'in.voxbone.com', 5060, 'IP_AUTH', 'UDP'],
    ['Gamma SIP Trunk', 'sip.gamma.example', 5060, 'IP_AUTH', 'UDP'],
    ['Backup trunk (LAN SBC)', '10.20.0.5', 5080, 'IP_AUTH', 'UDP'],
  ];
  trunks.forEach(([name, hostname, port, auth, protocol], i) =>
    state.create({
      name,
      auth_mode: auth,
      protocol,
      require_register: auth === 'REGISTER_AUTH',
      password: `trunk-pass-${i + 1}`,
      reregister_interval: auth === 'REGISTER_AUTH' ? 300 : 0,
      port,
      hostname,
      outbound_server: i % 4 === 0 ? `outbound.${hostname}` : '',
      outbound_server_port: port,
      auth_id: auth === 'REGISTER_AUTH' ? `acct${1000 + i}` : '',
      status: i % 5 === 4 ? 'OFFLINE' : 'ONLINE',
      provider_in_lan: hostname.startsWith('10.'),
      single_via_header: i % 3 === 0,
      ips: auth === 'IP_AUTH' ? [`198.51.100.${10 + i}`, `203.0.113.${i * 4}/30`] : [],
      in_parameters: i % 2 === 0 ? [{ name: 'X-Trunk', value: `t${i + 1}` }] : [],
      out_parameters: [],
    }),
  );
}

export interface PbxEmulatorOptions {
  username: string;
  password: string;
  tokenTtlSeconds?: number;
  seed?: boolean;
}

const fail = (error: ApiError): EmulatorResponse => ({ status: error.status, body: { err_code: error.code, msg: error.message } });

function jsonBody(req: EmulatorRequest): Record<string, unknown> {
  try {
    const parsed = req.json();
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new ApiError(400, ERR.badValue, 'request body must be a JSON object');
}

function intParam(query: URLSearchParams, name: string, min: number, max: number, fallback?: number): number {
  const raw = query.get(name);
  if (raw === null && fallback !== undefined) return fallback;
  if (raw === null) throw new ApiError(400, ERR.missingField, `missing required parameter: ${name}`);
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new ApiError(400, ERR.badValue, `invalid value for parameter: ${name}`);
  return value;
}

export function createPbxEmulator(options: PbxEmulatorOptions): { server: EmulatorServer; state: PbxState } {
  const state = new PbxState(options.tokenTtlSeconds ?? 600);
  if (options.seed) seedPbx(state);

  const tokenReply = (): EmulatorResponse => ({ status: 200, body: { access_token: state.issueToken(), expires: state.ttlSeconds, refresh_token: null } });
  const requireToken = (req: EmulatorRequest): void => {
    if (!state.useToken(String(req.headers.access_token ?? ''))) throw new ApiError(401, ERR.badToken, 'invalid or expired access token');
  };

  const routes = router(
    [
      {
        method: 'POST',
        pattern: '/api/account/credentials/verify',
        handle: (req) => {
          const body = jsonBody(req);
          if (body.username !== options.username || body.password !== options.password) throw new ApiError(400, ERR.badCredentials, 'incorrect username or password');
          return tokenReply();
        },
      },
      { method: 'POST', pattern: '/api/account/token/refresh', handle: (req) => (requireToken(req), tokenReply()) },
      {
        method: 'GET',
        pattern: '/api/providers/list',
        handle: (req) => {
          requireToken(req);
          const pagination = intParam(req.query, 'pagination', 1, 1_000_000);
          const pagesize = intParam(req.query, 'pagesize', 1, 100);
          const sortBy = req.query.get('sort_by') ?? 'DEFAULT';
          if (sortBy !== 'DEFAULT' && sortBy !== 'OPTIONAL') throw new ApiError(400, ERR.badValue, 'invalid value for parameter: sort_by');
          const all = [...state.providers.values()].sort((a, b) => (sortBy === 'OPTIONAL' ? a.name.localeCompare(b.name) : a.id - b.id));
          const providers = all.slice((pagination - 1) * pagesize, pagination * pagesize);
          return { status: 200, body: { pagination, pagesize, sort_by: sortBy, page_count: Math.ceil(all.length / pagesize), count: all.length, providers } };
        },
      },
      {
        method: 'GET',
        pattern: '/api/providers/show',
        handle: (req) => {
          requireToken(req);
          const provider = state.providers.get(intParam(req.query, 'id', 1, Number.MAX_SAFE_INTEGER));
          if (!provider) throw new ApiError(404, ERR.notFound, 'provider not found');
          return { status: 200, body: provider };
        },
      },
      { method: 'POST', pattern: '/api/providers/create', handle: (req) => (requireToken(req), { status: 200, body: { id: state.create(jsonBody(req)).id } }) },
      { method: 'POST', pattern: '/api/providers/update', handle: (req) => (requireToken(req), state.update(jsonBody(req)), { status: 200, body: '' }) },
      {
        method: 'POST',
        pattern: '/api/providers/destroy',
        handle: (req) => {
          requireToken(req);
          const id = jsonBody(req).id;
          if (typeof id !== 'number' || !state.providers.delete(id)) throw new ApiError(400, ERR.notFound, 'invalid provider ID supplied');
          return { status: 200, body: '' };
        },
      },
    ],
    () => ({ status: 404, body: { err_code: '1000404', msg: 'no such API' } }),
  );

  const handler: Handler = async (req) => {
    try {
      return await routes(req);
    } catch (error) {
      if (error instanceof ApiError) return fail(error);
      throw error;
    }
  };
  return { server: new EmulatorServer('pbx', handler), state };
}
