/** A Stringee connection's settings (config file `kind: stringee`): one project. */
import { z } from 'zod';
import { secretRef, transportFields } from '../../config-fields.js';

export const stringeeSettings = z
  .object({
    kind: z.literal('stringee'),
    ...transportFields,
    projectId: z.string().regex(/^\d+$/, 'the numeric Stringee project id'),
    /** Where SIP phones register; shown on the schema. */
    registrar: z.string().default('v2.stringee.com:15060'),
    apiKeySid: secretRef,
    apiKeySecret: secretRef,
    tokenTtlSeconds: z.number().int().min(120).max(86_400).default(3600),
  })
  .strict();
