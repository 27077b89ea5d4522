/**
 * Global ids: base64url of `v1:Type:vendor:connection:key…`, each part percent-encoded. Clients
 * treat them as opaque; the gateway reads back which type, connection and native key they name.
 *
 * An id comes from the client, so its key parts are checked against the shape of the vendor's own
 * key (KEY_SHAPES) before anything uses them: a crafted id can name only a key the vendor could
 * have issued, never a path fragment such as `..`.
 */
import { badInput } from './errors.js';
import type { VendorKind } from './model.js';

export interface GlobalId {
  type: string;
  vendor: VendorKind;
  connection: string;
  key: string[];
}

/** Infinity ids are integers (infinity-config-v2-sip.txt: "domainId (integer)", …); so are PortSIP ids. */
const NUMERIC = /^[0-9]{1,19}$/;
/** Stringee usernames as its API accepts them: 1–32 of A-Z a-z 0-9 . _ - (docs/vendors.md). */
const STRINGEE_USERNAME = /^[A-Za-z0-9._-]{1,32}$/;
/** 2N intercoms have exactly two SIP accounts, numbered 1 and 2 (2n-phone-config.txt). */
const TWO_N_ACCOUNT = /^[12]$/;
/** SIP Thor accounts are SIP addresses `user@domain` (sipthor-settings.txt). */
const SIP_ADDRESS = /^[A-Za-z0-9._~+!$&'*=-]{1,64}@[A-Za-z0-9.-]{1,253}$/;
/** The connection names config.ts allows. */
const CONNECTION_NAME = /^[a-z0-9][a-z0-9-]{0,39}$/;

type Shape = RegExp[];

/** Per type, per vendor: the shape of each key part. A pair missing here is an id no vendor issues. */
const KEY_SHAPES: Record<string, Partial<Record<VendorKind, Shape>>> = {
  Domain: { infinity: [NUMERIC], stringee: [NUMERIC] },
  User: { infinity: [NUMERIC, NUMERIC], stringee: [NUMERIC, STRINGEE_USERNAME] },
  Group: { infinity: [NUMERIC, NUMERIC] },
  Queue: { infinity: [NUMERIC, NUMERIC] },
  QueueMember: { infinity: [NUMERIC, NUMERIC, NUMERIC] },
  TrustedNetwork: { infinity: [NUMERIC, NUMERIC] },
  Device: { infinity: [NUMERIC, NUMERIC] },
  Provider: { pbx: [NUMERIC] },
  Account: { stringee: [STRINGEE_USERNAME], '2n': [TWO_N_ACCOUNT], sipthor: [SIP_ADDRESS] },
};

const VENDORS: ReadonlySet<string> = new Set(['infinity', 'stringee', 'pbx', '2n', 'sipthor']);

export function encodeId(type: string, vendor: VendorKind, connection: string, key: string[]): string {
  const parts = ['v1', type, vendor, connection, ...key].map(encodeURIComponent);
  return Buffer.from(parts.join(':'), 'utf8').toString('base64url');
}

/** The decoded id, or why it is not one; the message never repeats the id's key parts. */
function parse(id: string): GlobalId | string {
  if (id.length > 512 || !/^[A-Za-z0-9_-]*$/.test(id)) return 'is not a sipgraph id';
  const parts = Buffer.from(id, 'base64url').toString('utf8').split(':');
  const decoded: string[] = [];
  for (const part of parts) {
    try {
      decoded.push(decodeURIComponent(part));
    } catch {
      return 'is not a sipgraph id';
    }
  }
  const [version, type, vendor, connection, ...key] = decoded;
  if (version !== 'v1' || !type || !vendor || !VENDORS.has(vendor) || !connection) return 'is not a sipgraph id';
  if (!CONNECTION_NAME.test(connection)) return 'names no possible connection';
  const shape = KEY_SHAPES[type]?.[vendor as VendorKind];
  if (!shape) return `is not an id a ${vendor} connection issues (${type})`;
  if (key.length !== shape.length || key.some((part, i) => !shape[i]!.test(part))) return `does not hold a ${vendor} ${type} key`;
  return { type, vendor: vendor as VendorKind, connection, key };
}

export function decodeId(id: string, field = 'id'): GlobalId {
  const result = parse(id);
  if (typeof result === 'string') throw badInput(`${field}: the id ${result}`, field);
  return result;
}

/** Decodes and insists on the type, so a Group id passed as a userId is caught before any vendor call. */
export function decodeIdOf(expected: string | string[], id: string, field = 'id'): GlobalId {
  const decoded = decodeId(id, field);
  const allowed = Array.isArray(expected) ? expected : [expected];
  if (!allowed.includes(decoded.type)) throw badInput(`${field}: expected the id of a ${allowed.join(' or ')}, got the id of a ${decoded.type}`, field);
  return decoded;
}
