/**
 * Global ids: base64url of `v1:Type:vendor:connection:key…`, each part percent-encoded. Clients
 * treat them as opaque; the gateway reads back which type, connection and native key they name.
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
  if (version !== 'v1' || !type || !vendor || !VENDOR_KINDS.has(vendor) || !connection || key.length === 0 || key.some((k) => k === '')) {
    throw badInput(`${field}: "${id}" is not a sipgraph id`, field);
  }
  return { type, vendor: vendor as VendorKind, connection, key };
}

/** Decodes and insists on the type, so a Group id passed as a userId is caught before any vendor call. */
export function decodeIdOf(expected: string | string[], id: string, field = 'id'): GlobalId {
  const decoded = decodeId(id, field);
  const allowed = Array.isArray(expected) ? expected : [expected];
  if (!allowed.includes(decoded.type)) throw badInput(`${field}: expected the id of a ${allowed.join(' or ')}, got the id of a ${decoded.type}`, field);
  // The vendor's descriptor says how many key parts its ids of this type have.
  const shape = descriptorOf(decoded.vendor)?.idKeys[decoded.type];
  if (shape && shape.length !== decoded.key.length) throw badInput(`${field}: "${id}" is not a sipgraph id`, field);
  return decoded;
}
