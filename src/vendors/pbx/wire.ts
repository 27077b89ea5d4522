/** PortSIP PBX v12 `/api/providers/*` and token bodies (pbx-providers.txt, WIRE-NOTES.md). */
import { z } from 'zod';

export const token = z.object({ access_token: z.string().min(1), expires: z.number().int().positive() }).loose();

const parameter = z.object({ name: z.string(), value: z.union([z.string(), z.number()]).transform(String) });

/** A provider as `show` and `list` return it, password included (the gateway drops it in map.ts). */
export const provider = z.object({
  id: z.union([z.number(), z.string()]).transform(String),
  name: z.string(),
  auth_mode: z.enum(['IP_AUTH', 'REGISTER_AUTH']),
  protocol: z.enum(['UDP', 'TCP']),
  require_register: z.boolean(),
  password: z.string().nullish(),
  reregister_interval: z.number().int(),
  port: z.number().int(),
  hostname: z.string(),
  outbound_server: z.string().nullish(),
  outbound_server_port: z.number().int().nullish(),
  auth_id: z.string().nullish(),
  status: z.enum(['ONLINE', 'OFFLINE']),
  provider_in_lan: z.boolean(),
  single_via_header: z.boolean(),
  ips: z
    .array(z.string())
    .nullish()
    .transform((v) => v ?? []),
  in_parameters: z
    .array(parameter)
    .nullish()
    .transform((v) => v ?? []),
  out_parameters: z
    .array(parameter)
    .nullish()
    .transform((v) => v ?? []),
});

export const providerList = z.object({
  pagination: z.number().int(),
  pagesize: z.number().int(),
  page_count: z.number().int(),
  count: z.number().int(),
  providers: z
    .array(provider)
    .nullish()
    .transform((v) => v ?? []),
});

export const created = z.object({ id: z.union([z.number(), z.string()]).transform(String) });

export const error = z.object({
  err_code: z.union([z.string(), z.number()]).transform(String),
  msg: z.string().nullish(),
});

export type ProviderWire = z.infer<typeof provider>;

/** The body `create` and `update` take: every field, `id` only on update. */
export interface ProviderBody {
  id?: number;
  name: string;
  auth_mode: 'IP_AUTH' | 'REGISTER_AUTH';
  protocol: 'UDP' | 'TCP';
  require_register: boolean;
  password: string;
  reregister_interval: number;
  port: number;
  hostname: string;
  outbound_server: string;
  outbound_server_port: number;
  auth_id: string;
  status: 'ONLINE' | 'OFFLINE';
  provider_in_lan: boolean;
  single_via_header: boolean;
  ips: string[];
  in_parameters: Array<{ name: string; value: string }>;
  out_parameters: Array<{ name: string; value: string }>;
}

/** PortSIP's string error codes (docs/vendors.md), in one place. */
export const ERR = { badCredentials: '1040001', badToken: '1040003', notFound: '1050003' } as const;
