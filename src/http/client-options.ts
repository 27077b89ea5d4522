/** What configures one UpstreamClient: its connection's transport settings and what the client adds. */
import type { ReadCache } from '../cache.js';
import type { Logger } from '../log.js';
import type { SharedRedis } from '../redis.js';
import type { AuthScheme } from './auth.js';
import { FALLBACK_MAX_CONCURRENCY, type BreakerSettings } from './config.js';
import type { ErrorBodyReader } from './messages.js';
import type { ConnectionTransport, TransportSettings } from './transport.js';

/** A connection's transport settings, and what one client on it adds. */
export interface UpstreamClientOptions extends TransportSettings {
  auth?: AuthScheme;
  readErrorBody?: ErrorBodyReader;
  logger?: Logger;
  /** The connection's transport when several clients share it (one per SIP Thor account). */
  transport?: ConnectionTransport;
  /** The cross-request read cache, when enabled. */
  cache?: ReadCache;
  /** Share identical reads in flight across requests (inflight.ts). */
  dedupeReads?: boolean;
}

/**
 * The transport settings every configured connection has, as UpstreamClient options.
 * `maxConcurrency` is the connection's own, else its vendor's default (the registry fills it from
 * the descriptor), else FALLBACK_MAX_CONCURRENCY; `sharedRedis` makes it hold across replicas.
 */
export function transportOptions(
  vendor: string,
  settings: {
    name: string;
    baseUrl: string;
    timeoutMs: number;
    maxConcurrency?: number | undefined;
    retries: number;
    breaker?: BreakerSettings;
    dedupeReads?: boolean;
    sharedRedis?: SharedRedis | undefined;
  },
): Pick<
  UpstreamClientOptions,
  | 'vendor'
  | 'connection'
  | 'baseUrl'
  | 'timeoutMs'
  | 'maxConcurrency'
  | 'retries'
  | 'breaker'
  | 'dedupeReads'
  | 'sharedRedis'
> {
  const { name, baseUrl, timeoutMs, retries, breaker, dedupeReads, sharedRedis } = settings;
  const maxConcurrency = settings.maxConcurrency ?? FALLBACK_MAX_CONCURRENCY;
  const optional = {
    ...(breaker ? { breaker } : {}),
    ...(dedupeReads !== undefined ? { dedupeReads } : {}),
    ...(sharedRedis ? { sharedRedis } : {}),
  };
  return { vendor, connection: name, baseUrl, timeoutMs, maxConcurrency, retries, ...optional };
}
