/** The `trustedDocuments` config section: off by default. */
import { z } from 'zod';

export const trustedDocumentsSchema = z
  .object({
    /** Refuse every operation that is not in the manifest (OPERATION_NOT_ALLOWED), before parsing it. */
    enabled: z.boolean().default(false),
    /**
     * The manifest: a JSON file, either `{ "<sha256>": "<document>" }` (graphql-codegen's
     * persisted documents) or Apollo's `{ format: "apollo-persisted-query-manifest", operations }`.
     */
    manifest: z.string().min(1).optional(),
  })
  .strict()
  .refine((t) => !t.enabled || t.manifest, {
    message: 'manifest is required when trusted documents are enabled',
    path: ['manifest'],
  })
  .default({ enabled: false });

export type TrustedDocumentsSettings = z.infer<typeof trustedDocumentsSchema>;
