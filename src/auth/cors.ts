/**
 * CORS for browser clients on configured origins. A preflight from an allowed origin gets 204 and
 * the headers a GraphQL client sends (credentials travel in headers, never cookies, so no
 * Allow-Credentials); any other origin gets no Access-Control-* header at all, and the browser
 * stops there. Preflights carry no credential, so this runs before authentication. Apollo's CSRF
 * prevention stays on: a cross-origin "simple" request without a preflight is still refused.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';

export const corsSchema = z
  .object({
    /** Exact origins (`https://admin.example.com`); `*` allows any origin. Empty: no cross-origin calls. */
    origins: z
      .array(z.union([z.literal('*'), z.url({ protocol: /^https?$/ }).transform((u) => new URL(u).origin)]))
      .default([]),
    maxAgeSeconds: z.number().int().min(0).max(86_400).default(600),
  })
  .strict()
  .default({ origins: [], maxAgeSeconds: 600 });

export type CorsSettings = z.infer<typeof corsSchema>;

const ALLOWED_METHODS = 'GET, POST, OPTIONS';
const ALLOWED_HEADERS = [
  'content-type',
  'authorization',
  'x-api-key',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'idempotency-key',
  'x-request-id',
];
const EXPOSED_HEADERS = 'retry-after, x-request-id';

export interface Cors {
  /** Sets the CORS headers of `req`'s answer; true when it was a preflight, answered here. */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
}

export function createCors(settings: CorsSettings): Cors {
  const any = settings.origins.includes('*');
  const allowed = new Set(settings.origins);
  const originAllowed = (origin: string | undefined): origin is string =>
    origin !== undefined && (any || allowed.has(origin));
  return {
    handle(req, res) {
      const origin = req.headers.origin;
      const preflight = req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
      res.setHeader('vary', 'Origin');
      if (!originAllowed(origin)) {
        if (preflight) res.writeHead(403).end();
        return preflight;
      }
      res.setHeader('access-control-allow-origin', origin);
      if (!preflight) {
        res.setHeader('access-control-expose-headers', EXPOSED_HEADERS);
        return false;
      }
      const asked = String(req.headers['access-control-request-headers'] ?? '')
        .toLowerCase()
        .split(',')
        .map((h) => h.trim())
        .filter(Boolean);
      res.writeHead(204, {
        'access-control-allow-methods': ALLOWED_METHODS,
        'access-control-allow-headers':
          asked.filter((h) => ALLOWED_HEADERS.includes(h)).join(', ') || ALLOWED_HEADERS.join(', '),
        'access-control-max-age': String(settings.maxAgeSeconds),
      });
      res.end();
      return true;
    },
  };
}
