/**
 * `/api/account/*` and `/api/providers/*` as pbx-providers.txt and WIRE-NOTES.md give them: JSON
 * bodies, `id` and paging in the query string despite the doc's "Path parameters", and the token
 * in the `access_token` header.
 */
import type { EmulatorRequest, EmulatorResponse, Route } from '../shared/harness.js';
import { invalidValue, PbxError } from './errors.js';
import { integerIn, oneOf, requiredField, requiredQueryInteger } from './parse.js';
import { parseProviderFields, providerId } from './provider.js';
import type { PbxState, SortBy } from './state.js';

export interface Credentials {
  username: string;
  password: string;
}

const MAX_PAGE_SIZE = 100;
const sortBy = oneOf<SortBy>('DEFAULT', 'OPTIONAL');

const ok = (body: unknown): EmulatorResponse => ({ status: 200, body });
/** Update and destroy answer 200 with no body at all. */
const done: EmulatorResponse = { status: 200 };

function jsonObject(req: EmulatorRequest): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = req.json();
  } catch {
    parsed = undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new PbxError('invalidValue', 'request body must be a JSON object');
  return parsed as Record<string, unknown>;
}

function sortByOf(query: URLSearchParams): SortBy {
  const raw = query.get('sort_by');
  if (raw === null || raw === '') return 'DEFAULT';
  const parsed = sortBy(raw);
  if (!parsed) throw invalidValue('sort_by');
  return parsed;
}

export function pbxRoutes(state: PbxState, credentials: Credentials): Route[] {
  const liveToken = (req: EmulatorRequest): string => {
    const token = req.headers.access_token;
    if (typeof token !== 'string' || token === '') throw new PbxError('badToken', 'missing access_token header');
    if (!state.tokens.isLive(token)) throw new PbxError('badToken', 'access token unknown or expired');
    return token;
  };

  /** Behind the token: refused without a live one, and only a successful call extends its life. */
  const authenticated = (
    method: string,
    pattern: string,
    handle: (req: EmulatorRequest) => EmulatorResponse,
  ): Route => ({
    method,
    pattern,
    handle: (req) => {
      const token = liveToken(req);
      // Every refusal is a thrown PbxError, so only a successful call gets past this line.
      const response = handle(req);
      state.tokens.extend(token);
      return response;
    },
  });

  const newToken = (): EmulatorResponse =>
    ok({ access_token: state.tokens.issue(), expires: state.tokens.ttlSeconds, refresh_token: null });

  const login = (req: EmulatorRequest): EmulatorResponse => {
    const { username, password } = jsonObject(req);
    if (username !== credentials.username || password !== credentials.password)
      throw new PbxError('badCredentials', 'incorrect username or password');
    return newToken();
  };

  const list = (req: EmulatorRequest): EmulatorResponse => {
    const pagination = requiredQueryInteger(req.query, 'pagination', integerIn(1, Number.MAX_SAFE_INTEGER));
    const pagesize = requiredQueryInteger(req.query, 'pagesize', integerIn(1, MAX_PAGE_SIZE));
    const sort_by = sortByOf(req.query);
    const all = state.list(sort_by);
    const providers = all.slice((pagination - 1) * pagesize, pagination * pagesize);
    return ok({
      pagination,
      pagesize,
      sort_by,
      page_count: Math.ceil(all.length / pagesize),
      count: all.length,
      providers,
    });
  };

  const show = (req: EmulatorRequest): EmulatorResponse => {
    const id = requiredQueryInteger(req.query, 'id', providerId);
    const provider = state.get(id);
    if (!provider) throw new PbxError('providerNotShown', `provider not found: ${id}`);
    return ok(provider);
  };

  const create = (req: EmulatorRequest): EmulatorResponse =>
    ok({ id: state.create(parseProviderFields(jsonObject(req))).id });

  const update = (req: EmulatorRequest): EmulatorResponse => {
    const input = jsonObject(req);
    state.replace({ id: requiredField(input, 'id', providerId), ...parseProviderFields(input) });
    return done;
  };

  const destroy = (req: EmulatorRequest): EmulatorResponse => {
    state.destroy(requiredField(jsonObject(req), 'id', providerId));
    return done;
  };

  return [
    { method: 'POST', pattern: '/api/account/credentials/verify', handle: login },
    authenticated('POST', '/api/account/token/refresh', newToken),
    authenticated('GET', '/api/providers/list', list),
    authenticated('GET', '/api/providers/show', show),
    authenticated('POST', '/api/providers/create', create),
    authenticated('POST', '/api/providers/update', update),
    authenticated('POST', '/api/providers/destroy', destroy),
  ];
}
