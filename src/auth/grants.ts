/**
 * What a principal's grants allow: `access` on an area of one connection, in one domain of it or
 * in any. Admins are allowed everything. Write implies read.
 */
import { ErrorCode, GatewayError } from '../errors.js';
import type { VendorKind } from '../model.js';
import type { PortName } from '../vendors/descriptor.js';
import { VENDORS } from '../vendors/catalog.js';
import type { Access, Area, Grant, Principal } from './principal.js';

/**
 * The area each port's data belongs to; `accounts` (SIP accounts) belongs to whatever its vendor
 * otherwise serves (a Stringee phone's directory, a 2N device's config, SIP Thor's settings). A
 * Record, so a new port does not compile until it is given an area here.
 */
const AREA_OF_PORT: Record<PortName, Area | null> = {
  directory: 'directory',
  groups: 'directory',
  queues: 'directory',
  trustedNetworks: 'directory',
  pbxDevices: 'devices',
  providers: 'trunks',
  deviceConfig: 'deviceSipConfig',
  accountSettings: 'accountSettings',
  accounts: null,
};

/** The areas each vendor's data belongs to, from the ports its descriptor lists. */
export const VENDOR_AREAS: Record<VendorKind, readonly Area[]> = Object.fromEntries(
  VENDORS.map((v) => [v.kind, [...new Set(v.ports.map((p) => AREA_OF_PORT[p]).filter((a) => a !== null))]]),
) as unknown as Record<VendorKind, readonly Area[]>;

/** Vendors whose ids carry a directory domain (the first key part) that grants may narrow to. */
export const DOMAIN_SCOPED: ReadonlySet<VendorKind> = new Set(
  VENDORS.filter((v) => (v.ports as readonly PortName[]).includes('directory')).map((v) => v.kind),
);

const LEVEL: Record<Access, number> = { read: 1, write: 2 };

export interface Need {
  /** Areas any one of which suffices; undefined = any area of the connection. */
  areas?: readonly Area[];
  access: Access;
}

/** The areas `area` means on a connection of `vendor`: itself where the vendor has it, else the vendor's own. */
export function areasOn(area: Area | undefined, vendor: VendorKind): readonly Area[] {
  if (area && VENDOR_AREAS[vendor].includes(area)) return [area];
  return VENDOR_AREAS[vendor];
}

function grantAllows(grant: Grant, connection: string, need: Need, domain: string | undefined): boolean {
  if (grant.connection !== connection && grant.connection !== '*') return false;
  if (domain !== undefined && grant.domains && !grant.domains.includes(domain)) return false;
  const areas = need.areas ?? (Object.keys(grant.areas) as Area[]);
  return areas.some((area) => {
    const given = grant.areas[area];
    return given !== undefined && LEVEL[given] >= LEVEL[need.access];
  });
}

/** Whether `principal` may have `need` on `connection` (in `domain`, when one is named). */
export function allows(principal: Principal, connection: string, need: Need, domain?: string): boolean {
  return principal.admin || principal.grants.some((g) => grantAllows(g, connection, need, domain));
}

/** Whether `principal` has `access` on `area` anywhere: the cheap first check of every field. */
export function allowsSomewhere(principal: Principal, area: Area | undefined, access: Access): boolean {
  if (principal.admin) return true;
  return principal.grants.some((g) =>
    (area ? [area] : (Object.keys(g.areas) as Area[])).some(
      (a) => g.areas[a] !== undefined && LEVEL[g.areas[a]!] >= LEVEL[access],
    ),
  );
}

export function forbidden(principal: Principal, what: string, details: Record<string, unknown> = {}): GatewayError {
  return new GatewayError(ErrorCode.Forbidden, `principal "${principal.id}" is not granted ${what}`, details);
}

export function describeNeed(need: Need, connection?: string, domain?: string): string {
  const areas = need.areas ? need.areas.join(' or ') : 'any area';
  return `${need.access} on ${areas}${connection ? ` of connection ${connection}` : ''}${domain ? ` domain ${domain}` : ''}`;
}
