/**
 * The `limits` config section: what one request may ask for (checked before any vendor call) and
 * how much one principal may ask for per minute.
 */
import { z } from 'zod';

const rate = z
  .object({
    /** GraphQL operations per principal per minute; also the burst a principal may spend at once. */
    requestsPerMinute: z.number().int().min(1).default(6000),
    /** Upstream calls the requests of one principal may cause per minute. */
    vendorCallsPerMinute: z.number().int().min(1).default(60_000),
  })
  .strict();

export const limitsSchema = z
  .object({
    maxDepth: z.number().int().min(2).max(50).default(12),
    /** Objects one operation may resolve: a paged field multiplies by its `first`, `nodes(ids:)` by its length. */
    maxCost: z.number().int().min(10).default(500_000),
    maxPageSize: z.number().int().min(1).max(10_000).default(1000),
    /** Ids one `nodes(ids:)` may name. */
    maxNodeIds: z.number().int().min(1).max(10_000).default(100),
    /** Aliased fields per operation (through fragments). */
    maxAliases: z.number().int().min(0).default(30),
    /** Lexical tokens per document: the parser stops counting there, so a huge document costs little. */
    maxTokens: z.number().int().min(100).default(5000),
    /** Directives per operation (through fragments). */
    maxDirectives: z.number().int().min(0).default(20),
    /** Mutation fields per operation: each is at least one vendor write. */
    maxWrites: z.number().int().min(1).default(10),
    /** Bytes of a request body; a larger one is answered 413 and its connection closed. */
    maxBodyBytes: z
      .number()
      .int()
      .min(1024)
      .default(1024 * 1024),
    rate: rate.default({ requestsPerMinute: 6000, vendorCallsPerMinute: 60_000 }),
  })
  .strict()
  .default({
    maxDepth: 12,
    maxCost: 500_000,
    maxPageSize: 1000,
    maxNodeIds: 100,
    maxAliases: 30,
    maxTokens: 5000,
    maxDirectives: 20,
    maxWrites: 10,
    maxBodyBytes: 1024 * 1024,
    rate: { requestsPerMinute: 6000, vendorCallsPerMinute: 60_000 },
  });

export type LimitsSettings = z.infer<typeof limitsSchema>;
