/** A SIP Thor connection's settings (config file `kind: sipthor`): a realm and its accounts. */
import { z } from 'zod';
import { secretRef, transportFields } from '../../config-fields.js';

const account = z
  .object({ address: z.string().regex(/^[^@\s]+@[^@\s]+$/, 'user@domain'), password: secretRef })
  .strict();

export const sipThorSettings = z
  .object({
    kind: z.literal('sipthor'),
    ...transportFields,
    realm: z.string().min(1),
    accounts: z.array(account).min(1),
  })
  .strict();
