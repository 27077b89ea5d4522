/**
 * The server side of HTTP Digest (RFC 2617, MD5, qop="auth"), written from the RFC rather than from
 * the gateway's client, so each catches the other's mistakes: issued nonces only, nonce count
 * strictly increasing per nonce, and a `uri` that is the request's own.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { EmulatorRequest } from './harness.js';

const md5 = (text: string): string => createHash('md5').update(text, 'utf8').digest('hex');
const NONCE_LIFETIME_MS = 5 * 60_000;

function parseAuthorization(header: string): Record<string, string> | undefined {
  if (!/^Digest\s/i.test(header)) return undefined;
  const params: Record<string, string> = {};
  for (const match of header.slice(7).matchAll(/([a-zA-Z]+)\s*=\s*(?:"([^"]*)"|([^\s,]+))/g)) params[match[1]!.toLowerCase()] = match[2] ?? match[3] ?? '';
  return params;
}

export class DigestVerifier {
  private readonly nonces = new Map<string, { issuedAt: number; lastCount: number }>();
  private readonly opaque = randomBytes(8).toString('hex');

  challenge(realm: string): string {
    const nonce = randomBytes(16).toString('hex');
    this.nonces.set(nonce, { issuedAt: Date.now(), lastCount: 0 });
    return `Digest realm="${realm}", qop="auth", nonce="${nonce}", opaque="${this.opaque}", algorithm=MD5`;
  }

  /** The authenticated user name, or undefined when the request does not prove the password. */
  verify(req: EmulatorRequest, realm: string, passwordOf: (username: string) => string | undefined): string | undefined {
    const auth = parseAuthorization(String(req.headers.authorization ?? ''));
    if (!auth?.username || !auth.nonce || !auth.response || auth.realm !== realm) return undefined;
    const nonce = this.nonces.get(auth.nonce);
    if (!nonce || Date.now() - nonce.issuedAt > NONCE_LIFETIME_MS) return undefined;
    if (auth.uri !== req.target) return undefined;
    const password = passwordOf(auth.username);
    if (password === undefined) return undefined;
    const ha1 = md5(`${auth.username}:${realm}:${password}`);
    const ha2 = md5(`${req.method}:${auth.uri}`);
    if (auth.qop !== 'auth' || !auth.nc || !auth.cnonce) return undefined;
    const count = parseInt(auth.nc, 16);
    if (!(count > nonce.lastCount)) return undefined;
    if (md5(`${ha1}:${auth.nonce}:${auth.nc}:${auth.cnonce}:auth:${ha2}`) !== auth.response) return undefined;
    nonce.lastCount = count;
    return auth.username;
  }
}

export function verifyBasic(req: EmulatorRequest, passwordOf: (username: string) => string | undefined): string | undefined {
  const match = /^Basic\s+(.+)$/i.exec(String(req.headers.authorization ?? ''));
  if (!match) return undefined;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const username = decoded.slice(0, colon);
  return colon > 0 && passwordOf(username) === decoded.slice(colon + 1) ? username : undefined;
}
