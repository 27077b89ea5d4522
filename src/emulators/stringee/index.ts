/**
 * Stringee REST `/v1/sipphone`, from stringee-sipphone.txt: a project's SIP phones behind a REST
 * JWT that is really verified (signature, expiry, issuer, `rest_api`, `cty`). Result codes as in
 * docs/vendors.md, kept in RESULT.
 */
import { jwtVerify, decodeProtectedHeader } from 'jose';
import { EmulatorServer, router, type EmulatorRequest, type EmulatorResponse, type Handler } from '../shared/harness.js';

export const RESULT = { ok: 0, badToken: 1, usernameExists: 2, notFound: 3, badParam: 4 } as const;

export interface SipPhoneRecord {
  username: string;
  password: string;
  extension?: number;
  email_address: string | null;
}

export class StringeeState {
  readonly phones = new Map<string, SipPhoneRecord>();
  constructor(readonly projectId: string) {}
}

export interface StringeeEmulatorOptions {
  projectId: string;
  apiKeySid: string;
  apiKeySecret: string;
  seed?: boolean;
}

const USERNAME = /^[A-Za-z0-9._-]{1,32}$/;

const reply = (r: number, message: string, extra: Record<string, unknown> = {}, status = 200): EmulatorResponse => ({ status, body: { r, message, ...extra } });

export function seedStringee(state: StringeeState): void {
  const phones: Array<[string, number | undefined, string | null]> = [
    ['100', 100, null],
    ['101', 101, 'frontdesk@acme.example'],
    ['102', undefined, null],
    ['sales01', 201, 'sales01@acme.example'],
    ['sales02', 202, 'sales02@acme.example'],
    ['support01', 301, null],
    ['warehouse', undefined, 'warehouse@acme.example'],
    ['lobby', 900, null],
  ];
  for (const [username, extension, email] of phones) {
    state.phones.set(username, { username, password: `pw-${username}-2026`, extension, email_address: email });
  }
}

async function authorize(req: EmulatorRequest, options: StringeeEmulatorOptions): Promise<EmulatorResponse | undefined> {
  const token = String(req.headers['x-stringee-auth'] ?? req.query.get('access_token') ?? '');
  if (!token) return reply(RESULT.badToken, 'missing X-STRINGEE-AUTH token', {}, 401);
  try {
    if (decodeProtectedHeader(token).cty !== 'stringee-api;v=1') return reply(RESULT.badToken, 'token header cty must be stringee-api;v=1', {}, 401);
    const { payload } = await jwtVerify(token, new TextEncoder().encode(options.apiKeySecret), { algorithms: ['HS256'], issuer: options.apiKeySid, requiredClaims: ['exp', 'jti'] });
    if (payload.rest_api !== true) return reply(RESULT.badToken, 'token is not a REST API token (rest_api)', {}, 401);
    return undefined;
  } catch (error) {
    return reply(RESULT.badToken, `invalid token: ${(error as Error).message}`, {}, 401);
  }
}

function body(req: EmulatorRequest): Record<string, unknown> | undefined {
  try {
    const parsed = req.json();
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function passwordProblem(password: unknown): string | undefined {
  if (typeof password !== 'string') return 'password is required';
  if (password.length < 6 || password.length > 64) return 'password must be 6 to 64 characters';
  return undefined;
}

export function createStringeeEmulator(options: StringeeEmulatorOptions): { server: EmulatorServer; state: StringeeState } {
  const state = new StringeeState(options.projectId);
  if (options.seed) seedStringee(state);
  const sipUsername = (name: string) => `${state.projectId}_${name}`;

  const routes = router(
    [
      {
        method: 'GET',
        pattern: '/v1/sipphone',
        handle: () => {
          const sipphones = [...state.phones.values()].map((p) => ({ username: sipUsername(p.username), ...(p.extension === undefined ? {} : { extension: p.extension }), email_address: p.email_address }));
          return reply(RESULT.ok, 'Success', { data: { sipphones, total: String(sipphones.length) } });
        },
      },
      {
        method: 'POST',
        pattern: '/v1/sipphone',
        handle: (req) => {
          const input = body(req);
          const username = input?.username;
          if (typeof username !== 'string' || !USERNAME.test(username)) return reply(RESULT.badParam, 'username is required: 1-32 of letters, digits, . _ -');
          const problem = passwordProblem(input?.password);
          if (problem) return reply(RESULT.badParam, problem);
          if (state.phones.has(username)) return reply(RESULT.usernameExists, `username ${username} already exists`);
          state.phones.set(username, { username, password: input!.password as string, email_address: null });
          return reply(RESULT.ok, 'Success', { sipusername: sipUsername(username) });
        },
      },
      {
        method: 'PUT',
        pattern: '/v1/sipphone/:username',
        handle: (req, params) => {
          const phone = state.phones.get(params.username ?? '');
          if (!phone) return reply(RESULT.notFound, `sip phone ${params.username} not found`);
          const input = body(req);
          const problem = passwordProblem(input?.password);
          if (problem) return reply(RESULT.badParam, problem);
          const extension = input?.extension;
          if (extension !== undefined && extension !== null && (typeof extension !== 'number' || !Number.isInteger(extension) || extension < 1)) {
            return reply(RESULT.badParam, 'extension must be a positive integer');
          }
          phone.password = input!.password as string;
          if (typeof extension === 'number') phone.extension = extension;
          return reply(RESULT.ok, 'Success');
        },
      },
      {
        method: 'DELETE',
        pattern: '/v1/sipphone/:username',
        handle: (_, params) => {
          if (!state.phones.delete(params.username ?? '')) return reply(RESULT.notFound, `sip phone ${params.username} not found`);
          return reply(RESULT.ok, 'Success');
        },
      },
    ],
    () => ({ status: 404, body: { r: RESULT.notFound, message: 'not found' } }),
  );

  const handler: Handler = async (req) => (await authorize(req, options)) ?? routes(req);
  return { server: new EmulatorServer('stringee', handler), state };
}
