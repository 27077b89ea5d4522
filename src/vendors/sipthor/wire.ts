/**
 * SIP Thor `settings.phtml` answers: raw JSON, no envelope (WIRE-NOTES.md, docs/vendors.md). The
 * shapes are undocumented beyond examples, so every field is optional here and typed in map.ts.
 */
import { z } from 'zod';

const str = z.union([z.string(), z.number()]).transform(String).nullish();
const num = z
  .union([z.number(), z.string()])
  .transform((v) => (v === '' ? null : Number(v)))
  .nullish();
const strings = z
  .array(z.union([z.string(), z.number()]).transform(String))
  .nullish()
  .transform((v) => v ?? []);

export const identity = z
  .object({
    sip_address: z.string(),
    email: str,
    first: str,
    lastname: str,
    pstn_caller_id: str,
    mobile_number: str,
    timezone: str,
    no_answer_timeout: num,
    quick_dial: str,
  })
  .loose();

export const stringList = z
  .array(z.union([z.string(), z.number()]).transform(String))
  .nullish()
  .transform((v) => v ?? []);

export const forwarding = z.object({ FUNC: str, FNOL: str, FBUS: str, FNOA: str, FUNV: str }).loose();

export const acceptRules = z
  .object({
    persistent: z.object({ days: z.object({ start: str, stop: str, groups: strings }).nullish() }).nullish(),
    temporary: z.object({ groups: strings, duration: num }).nullish(),
    groups: strings,
  })
  .loose();

export const voicemail = z
  .object({ Mailbox: str, Name: str, Email: str, Info: str, Options: str, Account: str })
  .loose();

const call = z
  .object({
    remoteParty: z.string(),
    displayName: str,
    startTime: str,
    stopTime: str,
    timezone: str,
    duration: num,
    status: str,
    price: str,
    sessionId: str,
  })
  .loose();

export const history = z.object({
  placed: z
    .array(call)
    .nullish()
    .transform((v) => v ?? []),
  received: z
    .array(call)
    .nullish()
    .transform((v) => v ?? []),
});

/** `null` when nothing is registered. */
export const devices = z
  .array(z.object({ contact: z.string(), publicContact: str, expires: num, user_agent: str, transport: str }).loose())
  .nullable()
  .transform((v) => v ?? []);

/**
 * The doc says only "the prepaid balance and active calls": each field stands alone, so an odd
 * shape of one (`active_calls` as a list, say) never costs the others. `active_calls` is read in map.ts.
 */
export const prepaid = z
  .object({
    prepaid: z
      .union([z.boolean(), z.number(), z.string()])
      .transform((v) => v === true || v === 1 || v === '1')
      .catch(false),
    balance: str.catch(null),
    currency: str.catch(null),
    active_calls: z.unknown(),
  })
  .loose();

export const balanceHistory = z
  .array(z.object({ date: str, action: str, description: str, value: str, balance: str, session: str }).loose())
  .nullable()
  .transform((v) => v ?? []);

export const monthlyUsage = z.object({ calls: num, price: str }).loose();

/** What every `set_*` / `add_*` answers; `error_message` is filled on success too. */
export const outcome = z.object({ success: z.boolean(), error_message: z.string().nullish() }).loose();

export type Identity = z.infer<typeof identity>;
export type Forwarding = z.infer<typeof forwarding>;
export type AcceptRules = z.infer<typeof acceptRules>;

/** Forwarding condition keys as the API names them, by the gateway's names. */
export const FORWARDING_KEYS = {
  unconditional: 'FUNC',
  busy: 'FBUS',
  notOnline: 'FNOL',
  noAnswer: 'FNOA',
  notAvailable: 'FUNV',
} as const;
export type ForwardingKey = (typeof FORWARDING_KEYS)[keyof typeof FORWARDING_KEYS];
