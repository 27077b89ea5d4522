/**
 * HTTP Digest (RFC 2617, MD5, qop=auth) as a client AuthScheme. After the first challenge the
 * nonce is reused with an increasing nonce count, so only the first request to a server (or one
 * after the server drops the nonce) pays the extra 401 round trip.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { AuthScheme, PreparedRequest, UpstreamResponse } from './client.js';

interface Challenge {
  realm: string;
  nonce: string;
  qop?: string;
  opaque?: string;
  algorithm?: string;
}

const md5 = (text: string): string => createHash('md5').update(text, 'utf8').digest('hex');

/** Parses `Digest realm="a", nonce="b", qop="auth,auth-int"` into its parameters. */
export function parseDigestChallenge(header: string | string[] | undefined): Challenge | undefined {
  const value = (Array.isArray(header) ? header : [header ?? '']).find((h) => /^\s*Digest\s/i.test(h));
  if (!value) return undefined;
  const params: Record<string, string> = {};
  for (const match of value.replace(/^\s*Digest\s+/i, '').matchAll(/([a-zA-Z-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]+))/g)) {
    params[match[1]!.toLowerCase()] = match[2] ?? match[3] ?? '';
  }
  if (!params.realm || !params.nonce) return undefined;
  return { realm: params.realm, nonce: params.nonce, qop: params.qop, opaque: params.opaque, algorithm: params.algorithm };
}

export function digestAuthorization(
  challenge: Challenge,
  credentials: { username: string; password: string },
  method: string,
  uri: string,
  nonceCount: number,
  cnonce: string,
): string {
  const ha1 = md5(`${credentials.username}:${challenge.realm}:${credentials.password}`);
  const ha2 = md5(`${method}:${uri}`);
  const qop = challenge.qop?.split(',').map((q) => q.trim()).includes('auth') ? 'auth' : undefined;
  const nc = nonceCount.toString(16).padStart(8, '0');
  const response = qop ? md5(`${ha1}:${challenge.nonce}:${nc}:${cnonce}:${qop}:${ha2}`) : md5(`${ha1}:${challenge.nonce}:${ha2}`);
  const parts = [
    `username="${credentials.username}"`,
    `realm="${challenge.realm}"`,
    `nonce="${challenge.nonce}"`,
    `uri="${uri}"`,
    'algorithm=MD5',
    `response="${response}"`,
  ];
  if (qop) parts.push(`qop=${qop}`, `nc=${nc}`, `cnonce="${cnonce}"`);
  if (challenge.opaque !== undefined) parts.push(`opaque="${challenge.opaque}"`);
  return `Digest ${parts.join(', ')}`;
}

export function digestAuth(credentials: { username: string; password: string }): AuthScheme {
  let challenge: Challenge | undefined;
  let nonceCount = 0;
  return {
    headers(request: PreparedRequest): Record<string, string> {
      if (!challenge) return {};
      nonceCount += 1;
      const cnonce = randomBytes(8).toString('hex');
      return { authorization: digestAuthorization(challenge, credentials, request.method, request.target, nonceCount, cnonce) };
    },
    onUnauthorized(response: UpstreamResponse) {
      const fresh = parseDigestChallenge(response.headers['www-authenticate']);
      if (!fresh) return false;
      challenge = fresh;
      nonceCount = 0;
      return true;
    },
  };
}
