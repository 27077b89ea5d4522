/**
 * One connection's concurrency limit shared by every replica through Redis: a counting semaphore of
 * leases in a sorted set (member = lease id, score = when it expires, by the Redis server's clock so
 * replicas' clocks need not agree). Acquiring is one Lua script (drop expired leases, count, add),
 * so two replicas can never both take the last slot. A lease lives `2 × timeoutMs + 1 s`: no call
 * can outlive that (headers and body each time out), so a crashed replica's slots come back by then
 * without anyone renewing leases.
 *
 * Waiting replicas learn of freed slots from a pub/sub message each release publishes; in case one
 * is lost (or a slot frees by expiry), they also ask again after a short jittered backoff, never
 * sooner than ~10 ms and never later than the earliest lease's expiry.
 *
 * When Redis cannot answer (down, or slower than `REDIS_WAIT_MS`), the call takes a local slot
 * instead: the connection is then limited per replica, as without Redis; logged once per outage
 * and counted in `sipgraph_upstream_shared_limit_fallbacks_total`. Nothing waits on Redis longer.
 */
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { Counter } from 'prom-client';
import type { Logger } from '../log.js';
import { registry } from '../observability/metrics.js';
import type { SharedRedis } from '../redis.js';
import type { Lease, SharedSlots } from './fair-queue.js';

/** Returns -1 when a lease was added, else the ms until the earliest lease expires. */
const ACQUIRE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[1]) then
  redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[3])
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return -1
end
local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return math.max(0, tonumber(first[2]) - now)
`;

const REDIS_WAIT_MS = 250;
const MIN_BACKOFF_MS = 10;
const MAX_BACKOFF_MS = 50;

const fallbacks = new Counter({
  name: 'sipgraph_upstream_shared_limit_fallbacks_total',
  help: 'Vendor calls that took a local slot because Redis could not share the limit, per connection.',
  labelNames: ['connection'] as const,
  registers: [registry],
});

/** One subscriber connection per SharedRedis (a subscribed connection can send nothing else). */
const subscribers = new WeakMap<SharedRedis, { client: Redis; listeners: Map<string, Set<() => void>> }>();

function subscribe(redis: SharedRedis, channel: string, listener: () => void): () => void {
  let entry = subscribers.get(redis);
  if (!entry) {
    const client = redis.client.duplicate({ enableOfflineQueue: true });
    client.on('error', () => {}); // the shared client already logs the outage
    const listeners = new Map<string, Set<() => void>>();
    client.on('message', (from: string) => listeners.get(from)?.forEach((notify) => notify()));
    entry = { client, listeners };
    subscribers.set(redis, entry);
  }
  let set = entry.listeners.get(channel);
  if (!set) {
    entry.listeners.set(channel, (set = new Set()));
    entry.client.subscribe(channel).catch(() => {});
  }
  set.add(listener);
  const { client, listeners } = entry;
  return () => {
    set.delete(listener);
    if (set.size > 0) return;
    listeners.delete(channel);
    client.unsubscribe(channel).catch(() => {});
    if (listeners.size === 0) {
      subscribers.delete(redis);
      client.disconnect();
    }
  };
}

function withinMs<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`redis did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

export class RedisSlots implements SharedSlots {
  private readonly key: string;
  private readonly channel: string;
  private readonly leaseMs: number;
  private readonly unsubscribe: () => void;
  private wakers: Array<() => void> = [];
  private nextExpiryMs = MAX_BACKOFF_MS;
  private degraded = false;

  constructor(
    private readonly redis: SharedRedis,
    private readonly connection: string,
    private readonly limit: number,
    timeoutMs: number,
    private readonly log: Logger,
  ) {
    this.key = `${redis.prefix}slots:${connection}`;
    this.channel = `${redis.prefix}slots-freed:${connection}`;
    this.leaseMs = 2 * timeoutMs + 1_000;
    this.unsubscribe = subscribe(redis, this.channel, () => this.wake());
  }

  async tryAcquire(): Promise<Lease | undefined> {
    if (!this.redis.healthy()) return this.local('redis is not connected');
    const id = randomUUID();
    try {
      const answer = Number(
        await withinMs(this.redis.client.eval(ACQUIRE, 1, this.key, this.limit, this.leaseMs, id), REDIS_WAIT_MS),
      );
      if (this.degraded) this.log.info('shared concurrency limit restored', { connection: this.connection });
      this.degraded = false;
      if (answer >= 0) {
        this.nextExpiryMs = answer;
        return undefined;
      }
      return { release: () => this.release(id) };
    } catch (error) {
      return this.local((error as Error).message);
    }
  }

  freed(): Promise<void> {
    const jittered = MIN_BACKOFF_MS + Math.random() * (MAX_BACKOFF_MS - MIN_BACKOFF_MS);
    const waitMs = Math.max(MIN_BACKOFF_MS, Math.min(jittered, this.nextExpiryMs));
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wakers = this.wakers.filter((waker) => waker !== done);
        resolve();
      };
      const timer = setTimeout(done, waitMs);
      this.wakers.push(done);
    });
  }

  close(): void {
    this.unsubscribe();
    this.wake();
  }

  private wake(): void {
    const wakers = this.wakers;
    this.wakers = [];
    for (const wake of wakers) wake();
  }

  private release(id: string): void {
    // This replica's own waiter need not hear it back from Redis.
    this.wake();
    this.redis.client
      .multi()
      .zrem(this.key, id)
      .publish(this.channel, '1')
      .exec()
      .catch(() => {}); // unreachable: the lease expires by itself
  }

  /** A slot of this replica's own: the fair queue still caps this replica at `limit`. */
  private local(reason: string): Lease {
    fallbacks.inc({ connection: this.connection });
    if (!this.degraded) {
      this.log.warn('shared concurrency limit unavailable: limiting per replica', {
        connection: this.connection,
        reason,
      });
    }
    this.degraded = true;
    return { release: () => this.wake() };
  }
}
