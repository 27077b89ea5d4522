/**
 * A provider (SIP trunk) as pbx-providers.txt lists it, and the checks its fields get on create
 * and update, with the formats docs/vendors.md fixes.
 */
import {
  anyString,
  arrayOf,
  boolean,
  integerIn,
  ipv4OrCidr,
  nonBlankString,
  oneOf,
  requiredField,
  type Parser,
} from './parse.js';

export interface SipHeaderParameter {
  name: string;
  value: string;
}

export interface Provider {
  id: number;
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
  /** IPv4 addresses or CIDRs the provider's traffic comes from. */
  ips: string[];
  in_parameters: SipHeaderParameter[];
  out_parameters: SipHeaderParameter[];
}

export type ProviderFields = Omit<Provider, 'id'>;

export const providerId: Parser<number> = integerIn(1, Number.MAX_SAFE_INTEGER);

const port = integerIn(1, 65_535);

/** Copies only `name` and `value`, so nothing else the client sent is stored. */
const headerParameter: Parser<SipHeaderParameter> = (value) => {
  if (typeof value !== 'object' || value === null) return undefined;
  const { name, value: text } = value as Record<string, unknown>;
  return typeof name === 'string' && name !== '' && typeof text === 'string' ? { name, value: text } : undefined;
};

/** In the order they are checked, so the first bad field of a request is the one reported. */
const FIELD_PARSERS: { [K in keyof ProviderFields]: Parser<ProviderFields[K]> } = {
  name: nonBlankString,
  auth_mode: oneOf('IP_AUTH', 'REGISTER_AUTH'),
  protocol: oneOf('UDP', 'TCP'),
  require_register: boolean,
  password: anyString,
  reregister_interval: integerIn(0, 86_400),
  port,
  hostname: nonBlankString,
  outbound_server: anyString,
  outbound_server_port: port,
  auth_id: anyString,
  status: oneOf('ONLINE', 'OFFLINE'),
  provider_in_lan: boolean,
  single_via_header: boolean,
  ips: arrayOf(ipv4OrCidr),
  in_parameters: arrayOf(headerParameter),
  out_parameters: arrayOf(headerParameter),
};

export const PROVIDER_FIELD_NAMES = Object.keys(FIELD_PARSERS) as Array<keyof ProviderFields>;

/** Every field but `id`, all required; anything else in the input is ignored. */
export function parseProviderFields(input: Record<string, unknown>): ProviderFields {
  const fields: Partial<ProviderFields> = {};
  const take = <K extends keyof ProviderFields>(name: K): void => {
    fields[name] = requiredField(input, name, FIELD_PARSERS[name]);
  };
  PROVIDER_FIELD_NAMES.forEach(take);
  // Every name was just assigned, which the loop cannot prove to the compiler.
  return fields as ProviderFields;
}
