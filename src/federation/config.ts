/** The `federation` config section: which subgraph, if any, this process serves. */
import { z } from 'zod';

/**
 * `sipgraph`: the whole schema as one Federation 2 subgraph. The others split it per vendor:
 * `directory` (Infinity and Stringee connections: domains, users, groups, queues, devices),
 * `pbx` (SIP trunks), `2n` (device SIP config), `sipthor` (SIP account settings).
 */
export const SUBGRAPHS = ['sipgraph', 'directory', 'pbx', '2n', 'sipthor'] as const;
export type SubgraphName = (typeof SUBGRAPHS)[number];

export const federationSchema = z
  .object({
    /** Absent: a standalone GraphQL server (no `_service`/`_entities`). */
    subgraph: z.enum(SUBGRAPHS).optional(),
  })
  .strict()
  .default({});

export type FederationSettings = z.infer<typeof federationSchema>;
