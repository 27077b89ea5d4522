/**
 * Where idempotency records live: in this process's memory, or in the shared Redis so that a
 * retry reaching another replica finds the first attempt's record. A record is first `pending`
 * (claimed atomically: Redis SET NX), then `done` with the response to replay.
 */
import type { SharedRedis } from '../redis.js';

export interface StoredResponse {
  /** The GraphQL result as first sent: data and formatted errors. */
  result: Record<string, unknown>;
}

export interface IdempotencyRecord {
  fingerprint: string;
  state: 'pending' | 'done';
  response?: StoredResponse;
}

export type ClaimOutcome = { claimed: true } | { claimed: false; record: IdempotencyRecord };

export interface IdempotencyStore {
  /** Claims `key` for this fingerprint unless a record exists; the claim lapses after `pendingTtlMs`. */
  claim(key: string, fingerprint: string, pendingTtlMs: number): Promise<ClaimOutcome>;
  get(key: string): Promise<IdempotencyRecord | undefined>;
  complete(key: string, record: IdempotencyRecord, ttlMs: number): Promise<void>;
  /** Forgets a claim whose request wrote nothing, so a retry runs again. */
  release(key: string): Promise<void>;
}

export class MemoryIdempotencyStore implements IdempotencyStore {
  private readonly records = new Map<string, { record: IdempotencyRecord; expiresAt: number }>();

  async claim(key: string, fingerprint: string, pendingTtlMs: number): Promise<ClaimOutcome> {
    const existing = await this.get(key);
    if (existing) return { claimed: false, record: existing };
    this.records.set(key, { record: { fingerprint, state: 'pending' }, expiresAt: Date.now() + pendingTtlMs });
    return { claimed: true };
  }

  async get(key: string): Promise<IdempotencyRecord | undefined> {
    const entry = this.records.get(key);
    if (entry && entry.expiresAt <= Date.now()) this.records.delete(key);
    return entry && entry.expiresAt > Date.now() ? entry.record : undefined;
  }

  async complete(key: string, record: IdempotencyRecord, ttlMs: number): Promise<void> {
    this.sweep();
    this.records.set(key, { record, expiresAt: Date.now() + ttlMs });
  }

  async release(key: string): Promise<void> {
    this.records.delete(key);
  }

  /** Expired records go when new ones arrive, so memory stays bounded by the TTL. */
  private sweep(): void {
    const now = Date.now();
    for (const [key, entry] of this.records) if (entry.expiresAt <= now) this.records.delete(key);
  }
}

export class RedisIdempotencyStore implements IdempotencyStore {
  constructor(private readonly redis: SharedRedis) {}

  private key(key: string): string {
    return `${this.redis.prefix}idem:${key}`;
  }

  async claim(key: string, fingerprint: string, pendingTtlMs: number): Promise<ClaimOutcome> {
    const pending: IdempotencyRecord = { fingerprint, state: 'pending' };
    const set = await this.redis.client.set(this.key(key), JSON.stringify(pending), 'PX', pendingTtlMs, 'NX');
    if (set === 'OK') return { claimed: true };
    const record = await this.get(key);
    // Expired between SET NX and GET: claim again.
    return record ? { claimed: false, record } : this.claim(key, fingerprint, pendingTtlMs);
  }

  async get(key: string): Promise<IdempotencyRecord | undefined> {
    const text = await this.redis.client.get(this.key(key));
    return text ? (JSON.parse(text) as IdempotencyRecord) : undefined;
  }

  async complete(key: string, record: IdempotencyRecord, ttlMs: number): Promise<void> {
    await this.redis.client.set(this.key(key), JSON.stringify(record), 'PX', ttlMs);
  }

  async release(key: string): Promise<void> {
    await this.redis.client.del(this.key(key));
  }
}
