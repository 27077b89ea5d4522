/**
 * Who may call: HTTP Basic with the portal user (v2) or `Authorization: ApiKey <key>` (v2.1), both
 * accepted. Credentials may be limited to some domains; the routes answer 403 for the others.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { EmulatorRequest, EmulatorResponse } from '../shared/harness.js';

export interface InfinityCredentials {
  username: string;
  password: string;
  /** Without one, `ApiKey` auth is refused. */
  apiKey?: string;
  /** Domains these credentials may use; every domain when absent. */
  allowedDomainIds?: readonly number[];
}

/** Compares digests so that neither the length nor the content of a secret leaks through timing. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

export class InfinityAuth {
  constructor(private readonly credentials: InfinityCredentials) {}

  /** The 401 to answer with, or undefined when the request carries valid credentials. */
  reject(req: EmulatorRequest): EmulatorResponse | undefined {
    const header = req.headers.authorization ?? '';
    if (this.accepts(header)) return undefined;
    return {
      status: 401,
      headers: { 'www-authenticate': 'Basic realm="Infinity"' },
      body: { message: header ? 'invalid credentials' : 'authentication required' },
    };
  }

  mayAccess(domainId: number): boolean {
    return this.credentials.allowedDomainIds?.includes(domainId) ?? true;
  }

  private accepts(header: string): boolean {
    const [scheme = '', value = ''] = header.trim().split(/\s+/, 2);
    switch (scheme.toLowerCase()) {
      case 'basic':
        return sameSecret(
          Buffer.from(value, 'base64').toString('utf8'),
          `${this.credentials.username}:${this.credentials.password}`,
        );
      case 'apikey':
        return this.credentials.apiKey !== undefined && sameSecret(value, this.credentials.apiKey);
      default:
        return false;
    }
  }
}
