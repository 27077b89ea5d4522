/**
 * The optional cross-request read cache (off by default). Successful GETs are cached per
 * connection for a TTL; every write bumps the generation of the scope it touches (an Infinity
 * domain, a PBX, a SIP Thor account), and a cache key embeds the generations it was read under,
 * so after a write no replica can be served the older answer. A read that raced the write stores
 * its result under the old generation, where nobody will look again.
 *
 * In memory by default; with Redis the cache and the generations are shared by every replica.
 */
import { Redis } from 'ioredis';

export interface CacheStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlMs: number): Promise<void>;
  generation(scope: string): Promise<number>;
  bump(scope: string): Promise<void>;
  close(): Promise<void>;
}

export class MemoryStore implements CacheStore {
  private readonly entries = new Map<string, { value: string; expiresAt: number }>();
  private readonly generations = new Map<string, number>();
  /** Bounded: the oldest entries go first once full. */
  constructor(private readonly maxEntries = 50_000) {}

  async get(key: string): Promise<string | undefined> {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { value, expiresAt: Date.now() + ttlMs });
  }

  async generation(scope: string): Promise<number> {
    return this.generations.get(scope) ?? 0;
  }

  async bump(scope: string): Promise<void> {
    this.generations.set(scope, (this.generations.get(scope) ?? 0) + 1);
  }

  async close(): Promise<void> {
    this.entries.clear();
  }
}

export class RedisStore implements CacheStore {
  private readonly redis: Redis;
  constructor(url: string, private readonly prefix = 'sipgraph:') {
    this.redis = new Redis(url, { maxRetriesPerRequest: 2, enableOfflineQueue: true, lazyConnect: false });
  }

  async get(key: string): Promise<string | undefined> {
    return (await this.redis.get(`${this.prefix}c:${key}`)) ?? undefined;
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    await this.redis.set(`${this.prefix}c:${key}`, value, 'PX', ttlMs);
  }

  async generation(scope: string): Promise<number> {
    return Number((await this.redis.get(`${this.prefix}g:${scope}`)) ?? 0);
  }

  async bump(scope: string): Promise<void> {
    await this.redis.incr(`${this.prefix}g:${scope}`);
  }

  async close(): Promise<void> {
    await this.redis.quit();
  }
}

export interface CacheStats {
  hits: number;
  misses: number;
}

/** One connection's (or one account's) view of the shared store. */
export class ReadCache {
  constructor(
    private readonly store: CacheStore,
    private readonly ttlMs: number,
    /** `vendor:connection[:account]`: credentials differ per namespace, so answers do too. */
    private readonly namespace: string,
    /** The scopes a path belongs to; a write to the path bumps them all. */
    private readonly scopesOf: (path: string) => string[],
    readonly stats: CacheStats,
  ) {}

  async keyFor(path: string, target: string): Promise<string> {
    const scopes = this.scopesOf(path);
    const generations = await Promise.all(scopes.map((s) => this.store.generation(`${this.namespace}:${s}`)));
    return `${this.namespace}:${generations.join('.')}:${target}`;
  }

  async get(key: string): Promise<string | undefined> {
    const value = await this.store.get(key);
    if (value === undefined) this.stats.misses += 1;
    else this.stats.hits += 1;
    return value;
  }

  set(key: string, value: string): Promise<void> {
    return this.store.set(key, value, this.ttlMs);
  }

  async invalidate(path: string): Promise<void> {
    await Promise.all(this.scopesOf(path).map((s) => this.store.bump(`${this.namespace}:${s}`)));
  }
}

/** What adapters need to give their upstream clients a cache. */
export interface CacheFactory {
  forNamespace(namespace: string, scopesOf: (path: string) => string[]): ReadCache;
  readonly stats: CacheStats;
  close(): Promise<void>;
}

export function createCacheFactory(settings: { ttlSeconds: number; redisUrl?: string; keyPrefix?: string }): CacheFactory {
  const store: CacheStore = settings.redisUrl ? new RedisStore(settings.redisUrl, settings.keyPrefix) : new MemoryStore();
  const stats: CacheStats = { hits: 0, misses: 0 };
  return {
    stats,
    forNamespace: (namespace, scopesOf) => new ReadCache(store, settings.ttlSeconds * 1000, namespace, scopesOf, stats),
    close: () => store.close(),
  };
}

/** Everything under one connection is one scope: for vendors whose writes may touch any read. */
export const WHOLE_CONNECTION = (): string[] => ['all'];
