/** A PortSIP PBX connection's settings (config file `kind: pbx`). */
import { z } from 'zod';
import { secretRef, transportFields } from '../../config-fields.js';

export const pbxSettings = z
  .object({ kind: z.literal('pbx'), ...transportFields, username: secretRef, password: secretRef })
  .strict();
