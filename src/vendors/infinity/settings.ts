/** An Infinity connection's settings (config file `kind: infinity`). */
import { z } from 'zod';
import { secretRef, transportFields } from '../../config-fields.js';

export const infinitySettings = z
  .object({
    kind: z.literal('infinity'),
    ...transportFields,
    auth: z.discriminatedUnion('type', [
      z.object({ type: z.literal('basic'), username: secretRef, password: secretRef }).strict(),
      z.object({ type: z.literal('apiKey'), apiKey: secretRef }).strict(),
    ]),
  })
  .strict();
