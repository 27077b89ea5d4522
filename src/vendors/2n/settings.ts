/** A 2N intercom connection's settings (config file `kind: 2n`): one device. */
import { z } from 'zod';
import { secretRef, transportFields } from '../../config-fields.js';
import { isMac } from '../../net.js';

export const twoNSettings = z
  .object({
    kind: z.literal('2n'),
    ...transportFields,
    auth: z.enum(['digest', 'basic', 'none']).default('digest'),
    username: secretRef.optional(),
    password: secretRef.optional(),
    /** The device's MAC, when known; otherwise asked from the device's system info. */
    macAddress: z.string().refine(isMac, 'a MAC address like 7C:1E:B3:00:00:01').optional(),
  })
  .strict()
  .refine((c) => c.auth === 'none' || (c.username && c.password), {
    message: 'username and password are required unless auth is none',
    path: ['username'],
  });
