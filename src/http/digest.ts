/**
 * HTTP Digest (RFC 2617, MD5, qop=auth) as a client AuthScheme. After the first challenge the
 * nonce is reused with an increasing nonce count, so only the first request to a server (or one
 * after the server drops the nonce) pays the extra 401 round trip.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { AuthRequest, AuthScheme } from './auth.js';

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
  for (const match of value
    .replace(/^\s*Digest\s+/i, '')
    .matchAll(/([a-zA-Z-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]+))/g)) {
    params[match[1]!.toLowerCase()] = match[2] ?? match[3] ?? '';
  }
  if (!params.realm || !params.nonce) return undefined;
  return {
    realm: params.realm,
    nonce: params.nonce,
    qop: params.qop,
    opaque: params.opaque,
    algorithm: params.algorithm,
  };
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
  const qop = challenge.qop
    ?.split(',')
    .map((q) => q.trim())
    .includes('auth')
    ? 'auth'
    : undefined;
  const nc = nonceCount.toString(16).padStart(8, '0');
  const response = qop
    ? md5(`${ha1}:${challenge.nonce}:${nc}:${cnonce}:${qop}:${ha2}`)
    : md5(`${ha1}:${challenge.nonce}:${ha2}`);
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

/**
 * The Digest state of one server: its current challenge and the nonce count used with each nonce.
 * Shared by every account that signs requests to that server, so concurrent first calls wait for
 * one challenge instead of each drawing its own, and a nonce count is never sent twice with one
 * nonce (a server may issue the same nonce to two callers within one clock tick).
 */
export class DigestSession {
  challenge: Challenge | undefined;
  private counts = new Map<string, number>();
  /** The unsigned first request whose 401 everyone else waits for. */
  private probe: { request: AuthRequest; done: Promise<void>; finish: () => void } | undefined;

  nextCount(nonce: string): number {
    const count = (this.counts.get(nonce) ?? 0) + 1;
    this.counts.set(nonce, count);
    return count;
  }

  adopt(fresh: Challenge): void {
    if (this.challenge?.nonce !== fresh.nonce)
      this.counts = new Map([...this.counts].filter(([n]) => n === fresh.nonce));
    this.challenge = fresh;
  }

  /** Undefined when `request` may go out unsigned as the probe; otherwise the probe to wait for. */
  awaitProbe(request: AuthRequest): Promise<void> | undefined {
    if (this.probe) return this.probe.done;
    let finish!: () => void;
    const done = new Promise<void>((resolve) => {
      finish = resolve;
    });
    this.probe = { request, done, finish };
    return undefined;
  }

  settled(request: AuthRequest): void {
    if (this.probe?.request !== request) return;
    this.probe.finish();
    this.probe = undefined;
  }
}

export function digestAuth(
  credentials: { username: string; password: string },
  session = new DigestSession(),
): AuthScheme {
  const sign = (request: AuthRequest, challenge: Challenge): Record<string, string> => {
    const cnonce = randomBytes(8).toString('hex');
    const count = session.nextCount(challenge.nonce);
    return {
      authorization: digestAuthorization(challenge, credentials, request.method, request.target, count, cnonce),
    };
  };
  return {
    async headers(request) {
      if (!session.challenge) {
        const probe = session.awaitProbe(request);
        if (!probe) return {};
        await probe;
        if (!session.challenge) return {};
      }
      return sign(request, session.challenge);
    },
    onUnauthorized(response) {
      const fresh = parseDigestChallenge(response.headers['www-authenticate']);
      if (!fresh) return false;
      session.adopt(fresh);
      return true;
    },
    settled: (request) => session.settled(request),
  };
}
