/**
 * `/v1/sipphone` as stringee-sipphone.txt documents it, with the parameter rules of
 * docs/vendors.md. Unknown fields in a body are ignored, as the doc lists only the ones it reads.
 */
import type { EmulatorRequest, EmulatorResponse, Route } from '../shared/harness.js';
import { StringeeError, success } from './results.js';
import type { SipPhone, StringeeState } from './state.js';

const USERNAME = /^[A-Za-z0-9._-]{1,32}$/;
const PASSWORD_LENGTH = { min: 6, max: 64 };

type Body = Record<string, unknown>;

const badParam = (message: string): StringeeError => new StringeeError('badParam', message);

function jsonObject(req: EmulatorRequest): Body {
  let parsed: unknown;
  try {
    parsed = req.json();
  } catch {
    parsed = undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw badParam('request body must be a JSON object');
  return parsed as Body;
}

function usernameOf(body: Body): string {
  const { username } = body;
  if (username === undefined || username === null) throw badParam('username is required');
  if (typeof username !== 'string' || !USERNAME.test(username))
    throw badParam('username must be 1-32 characters of A-Z a-z 0-9 . _ -');
  return username;
}

function passwordOf(body: Body): string {
  const { password } = body;
  if (password === undefined || password === null) throw badParam('password is required');
  if (typeof password !== 'string' || !hasPasswordLength(password))
    throw badParam(`password must be a string of ${PASSWORD_LENGTH.min}-${PASSWORD_LENGTH.max} characters`);
  return password;
}

/** Counted in characters, not UTF-16 units, so an emoji is one. */
function hasPasswordLength(password: string): boolean {
  const length = [...password].length;
  return length >= PASSWORD_LENGTH.min && length <= PASSWORD_LENGTH.max;
}

/** Optional, but `null` is refused too: the doc types it Int and gives no way to clear it. */
function extensionOf(body: Body): number | undefined {
  const { extension } = body;
  if (extension === undefined) return undefined;
  if (typeof extension !== 'number' || !Number.isInteger(extension) || extension < 1)
    throw badParam('extension must be a positive integer');
  return extension;
}

function listed(state: StringeeState, phone: SipPhone): Record<string, unknown> {
  return {
    username: state.sipUsername(phone.username),
    ...(phone.extension === undefined ? {} : { extension: phone.extension }),
    email_address: phone.email_address,
  };
}

export function stringeeRoutes(state: StringeeState): Route[] {
  const list = (): EmulatorResponse => {
    const sipphones = state.all().map((phone) => listed(state, phone));
    return success({ data: { sipphones, total: String(sipphones.length) } });
  };
  const create = (req: EmulatorRequest): EmulatorResponse => {
    const body = jsonObject(req);
    const username = usernameOf(body);
    state.add({ username, password: passwordOf(body), email_address: null });
    return success({ sipusername: state.sipUsername(username) });
  };
  const update = (req: EmulatorRequest, username: string): EmulatorResponse => {
    const body = jsonObject(req);
    state.update(username, { password: passwordOf(body), extension: extensionOf(body) });
    return success();
  };
  const remove = (username: string): EmulatorResponse => {
    state.remove(username);
    return success();
  };

  return [
    { method: 'GET', pattern: '/v1/sipphone', handle: list },
    { method: 'POST', pattern: '/v1/sipphone', handle: create },
    { method: 'PUT', pattern: '/v1/sipphone/:username', handle: (req, params) => update(req, params.username ?? '') },
    { method: 'DELETE', pattern: '/v1/sipphone/:username', handle: (_req, params) => remove(params.username ?? '') },
  ];
}
