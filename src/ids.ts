/**
 * Global ids: base64url of `v1:Type:vendor:connection:key…`, each part percent-encoded. Clients
 * treat them as opaque; the gateway reads back which type, connection and native key they name.
 */
import { badInput } from './errors.js';
import type { VendorKind } from './model.js';

export interface GlobalId {
  type: string;
  vendor: VendorKind;
  connection: string;
  key: string[];
}

const VENDORS: ReadonlySet<string> = new Set(['infinity', 'stringee', 'pbx', '2n', 'sipthor']);

export function encodeId(type: string, vendor: VendorKind, connection: string, key: string[]): string {
  const parts = ['v1', type, vendor, connection, ...key].map(encodeURIComponent);
  return Buffer.from(parts.join(':'), 'utf8').toString('base64url');
}

export function decodeId(id: string, field = 'id'): GlobalId {
  const parts = Buffer.from(id, 'base64url').toString('utf8').split(':').map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return '';
    }
  });
  const [version, type, vendor, connection, ...key] = parts;
  if (version !== 'v1' || !type || !vendor || !VENDORS.has(vendor) || !connection || key.length === 0 || key.some((k) => k === '')) {
    throw badInput(`${field}: "${id}" is not a sipgraph id`, field);
  }
  return { type, vendor: vendor as VendorKind, connection, key };
}

/** Decodes and insists on the type, so a Group id passed as a userId is caught before any vendor call. */
export function decodeIdOf(expected: string | string[], id: string, field = 'id'): GlobalId {
  const decoded = decodeId(id, field);
  const allowed = Array.isArray(expected) ? expected : [expected];
  if (!allowed.includes(decoded.type)) throw badInput(`${field}: expected the id of a ${allowed.join(' or ')}, got the id of a ${decoded.type}`, field);
  return decoded;
}
