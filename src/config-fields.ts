/**
 * The zod pieces every connection's settings are made of (each vendor's settings.ts composes
 * them), kept apart from src/config.ts so a vendor folder can declare its settings without
 * importing the config loader that lists every vendor.
 */
import { z } from 'zod';
import { breakerSchema, dedupeReadsSchema, maxConcurrencySchema } from './http/config.js';

/** A credential is never written in the file: it names the environment variable that holds it. */
export const secretRef = z
  .object({ env: z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'must be an environment variable name') })
  .strict();

export const httpUrl = z.url({ protocol: /^https?$/ }).transform((url) => url.replace(/\/+$/, ''));
export const connectionName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'lower-case letters, digits and dashes, at most 40');

/** The fields of every connection, whatever its vendor. */
export const transportFields = {
  name: connectionName,
  baseUrl: httpUrl,
  /** Per-request timeout, headers and body each. */
  timeoutMs: z.number().int().min(100).max(120_000).default(10_000),
  /** Upper bound on requests in flight to this connection; absent: the vendor's default (its descriptor). */
  maxConcurrency: maxConcurrencySchema,
  /** Retries of idempotent requests after a reset, timeout or 502/503/504. */
  retries: z.number().int().min(0).max(5).default(2),
  /** Fail fast while the vendor is down (src/http/breaker.ts). */
  breaker: breakerSchema,
  /** Share identical reads in flight across requests (src/http/inflight.ts). */
  dedupeReads: dedupeReadsSchema,
  /** Most vendor calls one GraphQL request may make here; more predicted is QUERY_TOO_EXPENSIVE (src/explain/). */
  maxCallsPerRequest: z.number().int().min(1).optional(),
};

/** Settings as the gateway sees them: every `{env: NAME}` replaced by the variable's value. */
export type Resolved<T> = T extends { env: string }
  ? string
  : T extends object
    ? { [K in keyof T]: Resolved<T[K]> }
    : T;
