/**
 * The optional cross-request read cache (off by default). Successful GETs are cached per
 * connection for a TTL; every write bumps the generation of the scope it touches (an Infinity
 * domain, a PBX, a SIP Thor account), and a cache key embeds the generations it was read under,
 * so after a write no replica can be served the older answer. A read that raced the write stores
 * its result under the old generation, where nobody will look again.
 *
 * In memory by default; with Redis the cache and the generations are shared by every replica.
 * A failing store never fails a read: the cache steps aside (logged once) and reads go to the
 * vendor until the store answers again.
 */
import type { Logger } from './log.js';
import { silentLogger } from './log.js';
import { createSharedRedis, type SharedRedis } from './redis.js';

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

/** Over the process's one Redis connection, which fails fast rather than queueing while Redis is down. */
export class RedisStore implements CacheStore {
  private readonly redis: SharedRedis['client'];
  private readonly prefix: string;
  constructor(
    private readonly shared: SharedRedis,
    private readonly ownsConnection = false,
  ) {
    this.redis = shared.client;
    this.prefix = shared.prefix;
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
    if (this.ownsConnection) await this.shared.close();
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
    private readonly health: StoreHealth = new StoreHealth(silentLogger),
  ) {}

  /** undefined when the store cannot say the generations: the read then bypasses the cache. */
  async keyFor(path: string, target: string): Promise<string | undefined> {
    const scopes = this.scopesOf(path);
    const generations = await this.health.guard(
      Promise.all(scopes.map((s) => this.store.generation(`${this.namespace}:${s}`))),
    );
    return generations && `${this.namespace}:${generations.join('.')}:${target}`;
  }

  async get(key: string): Promise<string | undefined> {
    const value = await this.health.guard(this.store.get(key));
    if (value === undefined) this.stats.misses += 1;
    else this.stats.hits += 1;
    return value;
  }

  async set(key: string, value: string): Promise<void> {
    await this.health.guard(this.store.set(key, value, this.ttlMs));
  }

  async invalidate(path: string): Promise<void> {
    await this.health.guard(Promise.all(this.scopesOf(path).map((s) => this.store.bump(`${this.namespace}:${s}`))));
  }
}

/** Turns store failures into "no cache", logging the first one and the recovery, not every read. */
export class StoreHealth {
  private failing = false;
  failures = 0;
  constructor(private readonly log: Logger) {}

  async guard<T>(operation: Promise<T>): Promise<T | undefined> {
    try {
      const value = await operation;
      if (this.failing) this.log.info('read cache store answers again: caching resumes');
      this.failing = false;
      return value;
    } catch (error) {
      this.failures += 1;
      if (!this.failing)
        this.log.warn('read cache store failed: reads go to the vendors uncached', { error: (error as Error).message });
      this.failing = true;
      return undefined;
    }
  }
}

/** What adapters need to give their upstream clients a cache. */
export interface CacheFactory {
  forNamespace(namespace: string, scopesOf: (path: string) => string[]): ReadCache;
  readonly stats: CacheStats;
  /** Resolves once a remote store is connected, or after `waitMs` (reads then start uncached). */
  ready(waitMs?: number): Promise<void>;
  close(): Promise<void>;
}

export interface CacheFactorySettings {
  ttlSeconds: number;
  /** The process's shared Redis; or a URL for a connection of the cache's own. */
  redis?: SharedRedis;
  redisUrl?: string;
  keyPrefix?: string;
}

export function createCacheFactory(settings: CacheFactorySettings, logger: Logger = silentLogger): CacheFactory {
  let store: CacheStore;
  let redis = settings.redis;
  if (redis) store = new RedisStore(redis);
  else if (settings.redisUrl) {
    redis = createSharedRedis(settings.redisUrl, settings.keyPrefix ?? 'sipgraph:', logger);
    store = new RedisStore(redis, true);
  } else store = new MemoryStore();
  const stats: CacheStats = { hits: 0, misses: 0 };
  const health = new StoreHealth(logger.child({ component: 'cache' }));
  return {
    stats,
    forNamespace: (namespace, scopesOf) =>
      new ReadCache(store, settings.ttlSeconds * 1000, namespace, scopesOf, stats, health),
    ready: (waitMs = 1_000) => (redis ? whenReady(redis, waitMs) : Promise.resolve()),
    close: () => store.close(),
  };
}

async function whenReady(redis: SharedRedis, waitMs: number): Promise<void> {
  if (redis.healthy()) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(done, waitMs);
    redis.client.once('ready', done);
    function done(): void {
      clearTimeout(timer);
      redis.client.off('ready', done);
      resolve();
    }
  });
}

/** Everything under one connection is one scope: for vendors whose writes may touch any read. */
export const WHOLE_CONNECTION = (): string[] => ['all'];
