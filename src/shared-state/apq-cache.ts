/**
 * Apollo's `cache` (its automatic persisted queries live there) kept in the one shared Redis, so a
 * document one replica registered is known to every other: a client that registered through A
 * and is next balanced to B is not answered PERSISTED_QUERY_NOT_FOUND. Redis errors are misses
 * (ErrorsAreMissesCache): the client then just sends its document again.
 */
import {
  ErrorsAreMissesCache,
  InMemoryLRUCache,
  type KeyValueCache,
  type KeyValueCacheSetOptions,
} from '@apollo/utils.keyvaluecache';
import type { SharedRedis } from '../redis.js';

/** Registered documents expire when unused this long; a client re-registers on a miss. */
const DEFAULT_TTL_SECONDS = 7 * 24 * 3600;

class RedisKeyValueCache implements KeyValueCache<string> {
  constructor(private readonly redis: SharedRedis) {}

  private key(key: string): string {
    return `${this.redis.prefix}kv:${key}`;
  }

  async get(key: string): Promise<string | undefined> {
    return (await this.redis.client.get(this.key(key))) ?? undefined;
  }

  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    const ttl = options?.ttl === null ? undefined : (options?.ttl ?? DEFAULT_TTL_SECONDS);
    if (ttl) await this.redis.client.set(this.key(key), value, 'EX', Math.max(1, Math.round(ttl)));
    else await this.redis.client.set(this.key(key), value);
  }

  async delete(key: string): Promise<boolean> {
    return (await this.redis.client.del(this.key(key))) > 0;
  }
}

/** The shared cache with Redis, else a bounded one in this process. */
export function apolloCache(redis: SharedRedis | undefined): KeyValueCache<string> {
  if (!redis) return new InMemoryLRUCache<string>({ maxSize: 30 * 1024 * 1024 });
  return new ErrorsAreMissesCache(new RedisKeyValueCache(redis));
}
