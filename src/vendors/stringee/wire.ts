/** Stringee `/v1/sipphone` bodies as they travel (stringee-sipphone.txt, WIRE-NOTES.md). */
import { z } from 'zod';

/** Every answer carries `r` (0 = success) and usually a message. */
export const envelope = z.object({ r: z.number(), message: z.string().nullish() }).loose();

export const createdPhone = envelope.extend({ sipusername: z.string().optional() });

export const sipPhone = z.object({
  /** The SIP username, `{projectId}_{name}`, despite the key's name. */
  username: z.string(),
  /** Sometimes absent, sometimes null. */
  extension: z.union([z.number(), z.string()]).nullish(),
  email_address: z.string().nullish(),
});

export const phoneList = envelope.extend({
  data: z.object({
    sipphones: z.array(sipPhone),
    /** A string on the wire: `"1"`. */
    total: z.union([z.string(), z.number()]).transform(Number),
  }),
});

export type SipPhone = z.infer<typeof sipPhone>;

/**
 * Stringee does not publish its result codes; this table (docs/vendors.md) is the gateway's
 * reading of them, kept in one place.
 */
export const RESULT = { ok: 0, badToken: 1, usernameExists: 2, notFound: 3, badParam: 4 } as const;
