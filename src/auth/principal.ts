/**
 * Who is calling. Every request has exactly one principal, decided before execution by the
 * authentication step; resolvers, rate limits, idempotency records and the audit log key on it.
 */
export interface Principal {
  /** Stable id: the API key's name or the JWT subject. Used in logs, audit and rate-limit keys. */
  id: string;
  /** How the caller proved who it is. */
  via: 'apiKey' | 'jwt' | 'none';
  /** Unrestricted access to every connection and area. */
  admin: boolean;
}

/**
 * The principal of requests that no client made (start-up recovery, background jobs) and, until
 * authentication is configured, of every request.
 */
export const SYSTEM_PRINCIPAL: Principal = Object.freeze({ id: 'system', via: 'none', admin: true });
