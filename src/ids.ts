/**
 * Global ids: base64url of `v1:Type:vendor:connection:key…`, each part percent-encoded. Clients
 * treat them as opaque; the gateway reads back which type, connection and native key they name.
 *
 * An id comes from the client, so its key parts are checked against the shape of the vendor's own
 * key (each vendor descriptor's `idKeys`) before anything uses them: a crafted id can name only a key the vendor could
 * have issued, never a path fragment such as `..`.
 */
import { badInput } from './errors.js';
import type { VendorKind } from './model.js';
import { VENDOR_KINDS, descriptorOf } from './vendors/catalog.js';

export interface GlobalId {
  type: string;
  vendor: VendorKind;
  connection: string;
  key: string[];
}

/** The connection names config.ts allows. */
const CONNECTION_NAME = /^[a-z0-9][a-z0-9-]{0,39}$/;

export function encodeId(type: string, vendor: VendorKind, connection: string, key: string[]): string {
  const parts = ['v1', type, vendor, connection, ...key].map(encodeURIComponent);
  return Buffer.from(parts.join(':'), 'utf8').toString('base64url');
}

/** The vendor of each configured connection (`ctx.connectionVendors`). */
export type ConnectionVendors = ReadonlyMap<string, string>;

/** The decoded id, or why it is not one; the message never repeats the id's key parts. */
function parse(id: string, connections?: ConnectionVendors): GlobalId | string {
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
  if (version !== 'v1' || !type || !vendor || !VENDOR_KINDS.has(vendor) || !connection) return 'is not a sipgraph id';
  if (!CONNECTION_NAME.test(connection)) return 'names no possible connection';
  // The key shape checked below is the claimed vendor's: the connection must be of that vendor.
  const actual = connections?.get(connection);
  if (actual && actual !== vendor) return `names connection "${connection}", which is not a ${vendor} connection`;
  const shape = descriptorOf(vendor)?.idKeys[type];
  if (!shape) return `is not an id a ${vendor} connection issues (${type})`;
  if (key.length !== shape.length || key.some((part, i) => !shape[i]!.test(part)))
    return `does not hold a ${vendor} ${type} key`;
  return { type, vendor: vendor as VendorKind, connection, key };
}

/** `connections`: the server's, so an id naming a configured connection must name it with its vendor. */
export function decodeId(id: string, field = 'id', connections?: ConnectionVendors): GlobalId {
  const result = parse(id, connections);
  if (typeof result === 'string') throw badInput(`${field}: the id ${result}`, field);
  return result;
}

/** Decodes and insists on the type, so a Group id passed as a userId is caught before any vendor call. */
export function decodeIdOf(
  expected: string | string[],
  id: string,
  field = 'id',
  connections?: ConnectionVendors,
): GlobalId {
  const decoded = decodeId(id, field, connections);
  const allowed = Array.isArray(expected) ? expected : [expected];
  if (!allowed.includes(decoded.type))
    throw badInput(`${field}: expected the id of a ${allowed.join(' or ')}, got the id of a ${decoded.type}`, field);
  return decoded;
}
