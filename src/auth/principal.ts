/**
 * Who is calling. Every request has exactly one principal, decided before execution by the
 * authentication step; resolvers, rate limits, idempotency records and the audit log key on it.
 */
import type { Grant } from './config.js';

export type { Access, Area, Grant } from './config.js';

export interface Principal {
  /** Stable id: the API key's name or the JWT subject. Used in logs, audit and rate-limit keys. */
  id: string;
  /** How the caller proved who it is. */
  via: 'apiKey' | 'jwt' | 'none';
  /** Unrestricted access to every connection and area. */
  admin: boolean;
  /** What a non-admin may touch: connections, domains in them, read/write per area (src/auth/grants.ts). */
  grants: readonly Grant[];
}

/**
 * The principal of requests that no client made (start-up recovery, background jobs), never of a
 * client request.
 */
export const SYSTEM_PRINCIPAL: Principal = Object.freeze({
  id: 'system',
  via: 'none',
  admin: true,
  grants: Object.freeze([]),
});
