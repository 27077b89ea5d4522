/**
 * The gateway's Prometheus metrics, one registry per process (a process is one replica). Other
 * parts feed it through the small `record…` functions below, so they never touch prom-client:
 * the breaker reports its state changes, the rate limiter its rejections.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export const registry = new Registry();

let processMetricsStarted = false;

/**
 * The text a scrape gets. prom-client's process metrics (CPU, memory, event-loop lag, GC) start
 * with the first scrape: their GC observer costs every collection, which a process nobody
 * scrapes (a test, a CLI run) should not pay.
 */
export async function scrapeMetrics(): Promise<string> {
  if (!processMetricsStarted) {
    processMetricsStarted = true;
    collectDefaultMetrics({ register: registry });
  }
  return registry.metrics();
}

/** Operation names come from clients: past this many distinct ones, the rest share one label. */
const MAX_OPERATION_LABELS = 200;
const seenOperations = new Set<string>();

export const graphqlRequests = new Counter({
  name: 'sipgraph_graphql_requests_total',
  help: 'GraphQL requests by operation name and outcome (success, partial = data with errors, error = no data).',
  labelNames: ['operation', 'outcome'] as const,
  registers: [registry],
});

export const graphqlErrors = new Counter({
  name: 'sipgraph_graphql_errors_total',
  help: 'Errors in GraphQL responses by extensions.code.',
  labelNames: ['code'] as const,
  registers: [registry],
});

export const graphqlInFlight = new Gauge({
  name: 'sipgraph_graphql_requests_in_flight',
  help: 'GraphQL requests being handled now.',
  registers: [registry],
});

export const upstreamRequests = new Counter({
  name: 'sipgraph_upstream_requests_total',
  help: 'HTTP requests to vendors (retries and auth round trips each count), by route template and status.',
  labelNames: ['vendor', 'connection', 'operation', 'status'] as const,
  registers: [registry],
});

export const upstreamDuration = new Histogram({
  name: 'sipgraph_upstream_request_duration_seconds',
  help: 'Time from sending a vendor request to its response headers (or failure).',
  labelNames: ['vendor', 'connection', 'operation', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});

const cacheSources = new Set<() => { hits: number; misses: number } | undefined>();
const cacheCounted = new WeakMap<object, { hits: number; misses: number }>();

export const cacheRequests = new Counter({
  name: 'sipgraph_cache_requests_total',
  help: 'Lookups in the cross-request read cache, by result (hit, miss).',
  labelNames: ['result'] as const,
  registers: [registry],
  // The cache keeps its own tallies; a scrape adds what grew since the last one.
  collect() {
    for (const source of cacheSources) {
      const stats = source();
      if (!stats) continue;
      const counted = cacheCounted.get(stats) ?? { hits: 0, misses: 0 };
      if (stats.hits > counted.hits) this.inc({ result: 'hit' }, stats.hits - counted.hits);
      if (stats.misses > counted.misses) this.inc({ result: 'miss' }, stats.misses - counted.misses);
      cacheCounted.set(stats, { hits: stats.hits, misses: stats.misses });
    }
  },
});

export type BreakerState = 'closed' | 'half-open' | 'open';
const BREAKER_VALUE: Record<BreakerState, number> = { closed: 0, 'half-open': 1, open: 2 };
const breakers = new Map<string, BreakerState>();

export const breakerState = new Gauge({
  name: 'sipgraph_breaker_state',
  help: 'Circuit breaker of each vendor connection: 0 closed, 1 half-open, 2 open.',
  labelNames: ['connection'] as const,
  registers: [registry],
});

export const rateLimitRejections = new Counter({
  name: 'sipgraph_rate_limit_rejections_total',
  help: 'Requests refused with RATE_LIMITED, by the limit that refused them.',
  labelNames: ['limit'] as const,
  registers: [registry],
});

/** Called by the circuit breaker on every state change (and once at start, as closed). */
export function recordBreakerState(connection: string, state: BreakerState): void {
  breakers.set(connection, state);
  breakerState.set({ connection }, BREAKER_VALUE[state]);
}

/** The last state each breaker reported; /readyz reads it. */
export function breakerStates(): ReadonlyMap<string, BreakerState> {
  return breakers;
}

/** Called by the rate limiter each time it refuses a request. */
export function recordRateLimitRejection(limit: string): void {
  rateLimitRejections.inc({ limit });
}

export function operationLabel(name: string | null | undefined): string {
  const label = name || '(anonymous)';
  if (seenOperations.has(label)) return label;
  if (seenOperations.size >= MAX_OPERATION_LABELS) return '(other)';
  seenOperations.add(label);
  return label;
}

/** Lets a scrape count a cache's hits and misses; returns the undo. */
export function watchCache(stats: () => { hits: number; misses: number } | undefined): () => void {
  cacheSources.add(stats);
  return () => cacheSources.delete(stats);
}
