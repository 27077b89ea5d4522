/**
 * The upstream settings: the total deadline of one GraphQL request (every vendor call of it
 * shares it) and, per connection, the circuit breaker. Declared here, composed by src/config.ts.
 */
import { z } from 'zod';

export const BREAKER_DEFAULTS = { failureThreshold: 5, windowMs: 10_000, openMs: 5_000 };

/** Per connection: opens after `failureThreshold` failed calls within `windowMs`, probes again after `openMs`. */
export const breakerSchema = z
  .object({
    failureThreshold: z.number().int().min(1).max(100_000).default(BREAKER_DEFAULTS.failureThreshold),
    windowMs: z.number().int().min(100).max(3_600_000).default(BREAKER_DEFAULTS.windowMs),
    openMs: z.number().int().min(10).max(3_600_000).default(BREAKER_DEFAULTS.openMs),
  })
  .strict()
  .default(BREAKER_DEFAULTS);

export type BreakerSettings = z.infer<typeof breakerSchema>;

export const UPSTREAM_DEFAULTS = { requestTimeoutMs: 15_000 };

export const upstreamSchema = z
  .object({
    /** No vendor call of a GraphQL request starts or continues after this many ms from its arrival. */
    requestTimeoutMs: z.number().int().min(50).max(600_000).default(UPSTREAM_DEFAULTS.requestTimeoutMs),
  })
  .strict()
  .default(UPSTREAM_DEFAULTS);

export type UpstreamSettings = z.infer<typeof upstreamSchema>;

/**
 * Per connection: identical reads in flight at the same time, from different requests, share one
 * call (src/http/inflight.ts). On by default; `false` makes every request pay its own calls (a
 * vendor whose answers depend on something the gateway does not send, say).
 */
export const dedupeReadsSchema = z.boolean().default(true);

/**
 * Calls in flight per connection: each vendor's descriptor declares a default that fits the vendor
 * (docs/vendors.md); a connection's `maxConcurrency` overrides it. This is only for a client built
 * without either (tests, tools).
 */
export const FALLBACK_MAX_CONCURRENCY = 16;
export const maxConcurrencySchema = z.number().int().min(1).max(256).optional();
