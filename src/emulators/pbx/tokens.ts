/**
 * PortSIP access tokens: 32 upper-case hex characters, each alive until `ttlSeconds` after it was
 * issued or last used in a successful call.
 */
import { randomBytes } from 'node:crypto';

export class TokenStore {
  private readonly expiresAt = new Map<string, number>();

  constructor(
    readonly ttlSeconds: number,
    private readonly now: () => number,
  ) {}

  issue(): string {
    const token = randomBytes(16).toString('hex').toUpperCase();
    this.extend(token);
    return token;
  }

  isLive(token: string): boolean {
    const expiresAt = this.expiresAt.get(token);
    if (expiresAt === undefined) return false;
    if (expiresAt > this.now()) return true;
    this.expiresAt.delete(token);
    return false;
  }

  extend(token: string): void {
    this.expiresAt.set(token, this.now() + this.ttlSeconds * 1000);
  }

  expireAll(): void {
    this.expiresAt.clear();
  }
}
