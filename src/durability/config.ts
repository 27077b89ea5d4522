/**
 * Settings of the durability features: idempotency records, the change journal, and how long a
 * stopping gateway lets requests in flight finish. Declared here; src/config.ts adds one line.
 */
import { z } from 'zod';

export const durabilitySchema = z
  .object({
    idempotency: z
      .object({
        /** How long a key's first result is kept for replay. */
        ttlSeconds: z
          .number()
          .int()
          .min(1)
          .max(7 * 86_400)
          .default(86_400),
        /** How long a duplicate waits for the first request with its key before answering CONFLICT. */
        waitMs: z.number().int().min(0).max(120_000).default(30_000),
      })
      .strict()
      .default({ ttlSeconds: 86_400, waitMs: 30_000 }),
    journal: z
      .object({
        /** Append-only JSONL file of change steps when no Redis is configured. */
        path: z.string().min(1).default('.sipgraph/journal.jsonl'),
        /** Finish (compensate) unfinished changes at start-up. */
        recoverOnStart: z.boolean().default(true),
        /** With Redis: a change whose owner has not renewed its lease for this long is recovered by another replica. */
        leaseMs: z.number().int().min(500).max(600_000).default(30_000),
      })
      .strict()
      .default({ path: '.sipgraph/journal.jsonl', recoverOnStart: true, leaseMs: 30_000 }),
    shutdown: z
      .object({
        /** How long requests in flight at SIGTERM/SIGINT may take before their sockets are closed. */
        graceMs: z.number().int().min(0).max(600_000).default(10_000),
      })
      .strict()
      .default({ graceMs: 10_000 }),
  })
  .strict();

export type DurabilitySettings = z.infer<typeof durabilitySchema>;

export const DURABILITY_DEFAULTS: DurabilitySettings = durabilitySchema.parse({});
