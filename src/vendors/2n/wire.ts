/** 2N IP intercom HTTP API bodies (2n-phone-config.txt, WIRE-NOTES.md, docs/vendors.md). */
import { z } from 'zod';

export const failure = z.object({
  success: z.literal(false),
  error: z.object({ code: z.number(), param: z.string().optional(), description: z.string().optional() }),
});

/** `{"success": true, "result": …}`; a plain `{"success": true}` has no result. */
export function success<S extends z.ZodType>(result: S) {
  return z.object({ success: z.literal(true), result });
}

/** `{"success": true}`, with or without a result. */
export const ack = z.object({ success: z.literal(true) }).loose();

/** Ports come as strings, `""` meaning "default". */
const portString = z.union([z.string(), z.number()]).transform((v) => String(v));

export const configAccount = z.object({
  account: z.number().int(),
  enabled: z.boolean(),
  displayName: z.string().default(''),
  sipNumber: z.string().default(''),
  domain: z.string().default(''),
  domainPort: portString.default(''),
  authId: z.string().default(''),
  proxyAddress: z.string().default(''),
  proxyPort: portString.default(''),
  registrationEnabled: z.boolean(),
  registrarAddress: z.string().default(''),
  registrarPort: portString.default(''),
  answerMode: z.union([z.string(), z.number()]).transform(String).default(''),
});

export const phoneConfig = success(z.object({ accounts: z.array(configAccount) }));

export const statusAccount = z.object({
  account: z.number().int(),
  registered: z.boolean(),
  registerTime: z.number().nullish(),
});

export const phoneStatus = success(z.object({ accounts: z.array(statusAccount.loose()) }));

export const systemInfo = success(
  z.object({ macAddr: z.string(), serialNumber: z.string().optional(), deviceName: z.string().optional() }).loose(),
);

export type ConfigAccount = z.infer<typeof configAccount>;
export type StatusAccount = z.infer<typeof statusAccount>;

/** What `PUT /api/phone/config` takes in `blob-json`: the account number and the fields to change. */
export interface ConfigPatch {
  account: number;
  enabled?: boolean;
  displayName?: string;
  sipNumber?: string;
  authId?: string;
  password?: string;
  domain?: string;
  domainPort?: string;
  proxyAddress?: string;
  proxyPort?: string;
  registrationEnabled?: boolean;
  registrarAddress?: string;
  registrarPort?: string;
  answerMode?: string;
}

/** 2N error codes that mean the gateway's own credentials or rights are wrong. */
export const AUTH_ERROR_CODES: ReadonlySet<number> = new Set([8, 9, 10]);
