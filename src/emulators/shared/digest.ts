/**
 * The server side of HTTP authentication for the emulators: Digest as RFC 2617 defines it (MD5,
 * qop="auth") and Basic. Written from the RFC, not from the gateway's client, so that each catches
 * the other's mistakes.
 *
 * Nonces follow the RFC's suggestion (3.2.1): a timestamp signed with a private key, so the server
 * can tell a nonce it issued from a forged one, and an expired one (answered with stale=true, which
 * tells a correct client to retry with the fresh nonce without asking for the password again).
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { EmulatorRequest } from './harness.js';

/** The password of `username` in `realm`, or undefined when there is no such user. */
export type PasswordLookup = (username: string, realm: string) => string | undefined;

export type DigestVerdict = { ok: true; username: string; realm: string } | { ok: false; stale: boolean };

export interface DigestVerifier {
  /** The `WWW-Authenticate` value for a 401 answer to `req`, with a fresh nonce. */
  challenge(req: EmulatorRequest, options?: { stale?: boolean }): string;
  verify(req: EmulatorRequest, lookupPassword: PasswordLookup): DigestVerdict;
}

export interface DigestOptions {
  /** The protection space `req` belongs to: fixed for a device, taken from the query by some servers. */
  realmFor: (req: EmulatorRequest) => string;
  nonceLifetimeMs?: number;
  /** Milliseconds since the epoch; injectable so tests can make nonces expire. */
  now?: () => number;
}

const DEFAULT_NONCE_LIFETIME_MS = 5 * 60_000;

const md5 = (text: string): string => createHash('md5').update(text, 'utf8').digest('hex');

/** Splits `Digest a="x", b=y` into its auth-params; undefined unless the scheme is Digest. */
function parseDigestAuthorization(header: string): Map<string, string> | undefined {
  const scheme = /^Digest\s+/i.exec(header);
  if (!scheme) return undefined;
  const params = new Map<string, string>();
  const param = /\s*([A-Za-z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s",]*))\s*(?:,|$)/y;
  param.lastIndex = scheme[0].length;
  while (param.lastIndex < header.length) {
    const match = param.exec(header);
    if (!match) return undefined;
    const quoted = match[2]?.replace(/\\(.)/g, '$1');
    params.set(match[1]!.toLowerCase(), quoted ?? match[3] ?? '');
  }
  return params;
}

export function createDigestVerifier(options: DigestOptions): DigestVerifier {
  const lifetimeMs = options.nonceLifetimeMs ?? DEFAULT_NONCE_LIFETIME_MS;
  const now = options.now ?? Date.now;
  const privateKey = randomBytes(32);
  const opaque = randomBytes(16).toString('hex');
  /** Nonce counts already used with each live nonce: a count seen twice is a replay (RFC 2617 3.2.2). */
  const countsSeen = new Map<string, Set<number>>();

  const sign = (issuedAt: string): string =>
    createHmac('sha256', privateKey).update(issuedAt).digest('hex').slice(0, 32);
  const issueNonce = (): string => {
    const issuedAt = String(now());
    return Buffer.from(`${issuedAt}:${sign(issuedAt)}`).toString('base64url');
  };
  /** When the server issued `nonce`, or undefined if it never did. */
  const issuedAtOf = (nonce: string): number | undefined => {
    const [issuedAt = '', signature] = Buffer.from(nonce, 'base64url').toString('utf8').split(':');
    return signature === sign(issuedAt) ? Number(issuedAt) : undefined;
  };
  const forgetExpiredNonces = (): void => {
    for (const nonce of countsSeen.keys()) {
      if (now() - (issuedAtOf(nonce) ?? 0) > lifetimeMs) countsSeen.delete(nonce);
    }
  };
  /** Records the count; false when it was used with this nonce before. */
  const firstUseOf = (nonce: string, count: number): boolean => {
    const seen = countsSeen.get(nonce) ?? new Set<number>();
    countsSeen.set(nonce, seen);
    if (seen.has(count)) return false;
    seen.add(count);
    return true;
  };

  return {
    challenge(req, { stale = false } = {}) {
      forgetExpiredNonces();
      const realm = options.realmFor(req).replace(/["\\]/g, '\\$&');
      return `Digest realm="${realm}", qop="auth", nonce="${issueNonce()}", opaque="${opaque}", algorithm=MD5${stale ? ', stale=true' : ''}`;
    },

    verify(req, lookupPassword) {
      const credentials = readDigestCredentials(String(req.headers.authorization ?? ''));
      const realm = options.realmFor(req);
      if (!credentials || credentials.realm !== realm || credentials.uri !== req.target) return REFUSED;
      // The client must echo opaque unchanged when it sends it; older clients leave it out.
      if (credentials.opaque !== undefined && credentials.opaque !== opaque) return REFUSED;
      const { username, nonce, nc } = credentials;
      const password = lookupPassword(username, realm);
      if (password === undefined || credentials.response !== expectedResponse(credentials, req.method, password))
        return REFUSED;
      const issuedAt = issuedAtOf(nonce);
      if (issuedAt === undefined) return REFUSED;
      if (now() - issuedAt > lifetimeMs) return { ok: false, stale: true };
      if (!firstUseOf(nonce, parseInt(nc, 16))) return REFUSED;
      return { ok: true, username, realm };
    },
  };
}

const REFUSED = { ok: false, stale: false } as const;

interface DigestCredentials {
  username: string;
  realm: string;
  nonce: string;
  uri: string;
  /** Lower-case hex. */
  response: string;
  cnonce: string;
  /** Eight hex digits. */
  nc: string;
  opaque?: string;
}

const REQUIRED_PARAMS = ['username', 'realm', 'nonce', 'uri', 'response', 'cnonce', 'nc'] as const;

/** The credentials of a Digest header answering a qop="auth", MD5 challenge, or undefined when it is not one. */
function readDigestCredentials(header: string): DigestCredentials | undefined {
  const params = parseDigestAuthorization(header);
  if (!params || !REQUIRED_PARAMS.every((name) => params.has(name))) return undefined;
  if (params.get('qop') !== 'auth' || !/^md5$/i.test(params.get('algorithm') ?? 'MD5')) return undefined;
  const param = (name: (typeof REQUIRED_PARAMS)[number]): string => params.get(name)!;
  if (!/^[0-9a-f]{8}$/i.test(param('nc'))) return undefined;
  return {
    username: param('username'),
    realm: param('realm'),
    nonce: param('nonce'),
    uri: param('uri'),
    response: param('response').toLowerCase(),
    cnonce: param('cnonce'),
    nc: param('nc'),
    opaque: params.get('opaque'),
  };
}

/** RFC 2617 3.2.2.1 with qop="auth": MD5(HA1:nonce:nc:cnonce:qop:HA2). */
function expectedResponse(c: DigestCredentials, method: string, password: string): string {
  const ha1 = md5(`${c.username}:${c.realm}:${password}`);
  const ha2 = md5(`${method}:${c.uri}`);
  return md5(`${ha1}:${c.nonce}:${c.nc}:${c.cnonce}:auth:${ha2}`);
}

/** The user name `req` proves with Basic credentials, or undefined. */
export function verifyBasic(
  req: EmulatorRequest,
  lookupPassword: (username: string) => string | undefined,
): string | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(String(req.headers.authorization ?? ''));
  if (!match) return undefined;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  const username = decoded.slice(0, colon);
  const password = lookupPassword(username);
  return password !== undefined && password === decoded.slice(colon + 1) ? username : undefined;
}

export function basicChallenge(realm: string): string {
  return `Basic realm="${realm.replace(/["\\]/g, '\\$&')}"`;
}
