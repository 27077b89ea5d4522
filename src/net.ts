/**
 * Network values in one neutral place: MAC addresses, CIDR networks and ports, normalised or
 * refused. The GraphQL scalars, the config schema and the adapters all use these, so an adapter
 * never has to load graphql-js to compare two MACs.
 */
import { isIP } from 'node:net';

const MAC =
  /^([0-9A-Fa-f]{2})[:-]([0-9A-Fa-f]{2})[:-]([0-9A-Fa-f]{2})[:-]([0-9A-Fa-f]{2})[:-]([0-9A-Fa-f]{2})[:-]([0-9A-Fa-f]{2})$/;

/** The gateway's one spelling, which most vendors already send: returned as it is, no regex groups. */
const CANONICAL_MAC = /^[0-9A-F]{2}(?::[0-9A-F]{2}){5}$/;

/** `7c-1e-b3-0a-00-01` → `7C:1E:B3:0A:00:01`; anything that is not six hex octets → null. */
export function normalizeMac(value: string): string | null {
  if (CANONICAL_MAC.test(value)) return value;
  const match = MAC.exec(value.trim());
  return match ? match.slice(1).join(':').toUpperCase() : null;
}

export function isMac(value: string): boolean {
  return normalizeMac(value) !== null;
}

/** An IPv4 or IPv6 network with a prefix that fits its family; IPv6 lower-cased. */
export function normalizeCidr(value: string): string | null {
  const match = /^([^/\s]+)\/(\d{1,3})$/.exec(value.trim());
  if (!match) return null;
  const family = isIP(match[1]!);
  const prefix = Number(match[2]);
  if (family === 4 && prefix <= 32) return value.trim();
  if (family === 6 && prefix <= 128) return value.trim().toLowerCase();
  return null;
}

export const MIN_PORT = 1;
export const MAX_PORT = 65_535;

/** A TCP/UDP port from a number or a decimal string; anything else → null. */
export function normalizePort(value: unknown): number | null {
  const port = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  return typeof port === 'number' && Number.isInteger(port) && port >= MIN_PORT && port <= MAX_PORT ? port : null;
}
