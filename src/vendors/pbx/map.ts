/** PortSIP providers ↔ neutral models. The password is dropped on the way in. */
import type { ProviderModel } from '../../model.js';
import type { ProviderInput } from '../ports.js';
import type { ProviderBody, ProviderWire } from './wire.js';

export function toProvider(connection: string, wire: ProviderWire): ProviderModel {
  return {
    vendor: 'pbx',
    connection,
    providerId: wire.id,
    name: wire.name,
    authMode: wire.auth_mode,
    protocol: wire.protocol,
    requireRegister: wire.require_register,
    reregisterInterval: wire.reregister_interval,
    hostname: wire.hostname,
    port: wire.port,
    outboundServer: wire.outbound_server || null,
    outboundServerPort: wire.outbound_server_port || null,
    authId: wire.auth_id || null,
    status: wire.status,
    providerInLan: wire.provider_in_lan,
    singleViaHeader: wire.single_via_header,
    ips: wire.ips,
    inParameters: wire.in_parameters,
    outParameters: wire.out_parameters,
  };
}

export function toBody(input: ProviderInput): ProviderBody {
  return {
    name: input.name,
    auth_mode: input.authMode,
    protocol: input.protocol,
    require_register: input.requireRegister,
    password: input.password,
    reregister_interval: input.reregisterInterval,
    port: input.port,
    hostname: input.hostname,
    outbound_server: input.outboundServer ?? '',
    outbound_server_port: input.outboundServerPort ?? input.port,
    auth_id: input.authId ?? '',
    status: input.status,
    provider_in_lan: input.providerInLan,
    single_via_header: input.singleViaHeader,
    ips: input.ips,
    in_parameters: input.inParameters,
    out_parameters: input.outParameters,
  };
}

/** The whole object the update call takes: what is stored, with the patch laid over it. */
export function mergeForUpdate(current: ProviderWire, patch: Partial<ProviderInput>): ProviderBody {
  const base = toProvider('', current);
  return {
    ...toBody({ ...base, password: current.password ?? '', ...definedOnly(patch) }),
    id: Number(current.id),
  };
}

function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The fields that differ between two stored versions (password compared, never printed). */
export function changedFields(before: ProviderWire, after: ProviderWire): string[] {
  return (Object.keys(before) as Array<keyof ProviderWire>).filter(
    (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
}

const WIRE_FIELD: Record<keyof ProviderInput, keyof ProviderBody & keyof ProviderWire> = {
  name: 'name',
  authMode: 'auth_mode',
  protocol: 'protocol',
  requireRegister: 'require_register',
  password: 'password',
  reregisterInterval: 'reregister_interval',
  port: 'port',
  hostname: 'hostname',
  outboundServer: 'outbound_server',
  outboundServerPort: 'outbound_server_port',
  authId: 'auth_id',
  status: 'status',
  providerInLan: 'provider_in_lan',
  singleViaHeader: 'single_via_header',
  ips: 'ips',
  inParameters: 'in_parameters',
  outParameters: 'out_parameters',
};

/** The wire fields a patch sets (the password is compared too: only its equality is looked at). */
export function patchedWireFields(patch: Partial<ProviderInput>): Array<keyof ProviderBody & keyof ProviderWire> {
  return (Object.keys(patch) as Array<keyof ProviderInput>)
    .filter((k) => patch[k] !== undefined)
    .map((k) => WIRE_FIELD[k]);
}
