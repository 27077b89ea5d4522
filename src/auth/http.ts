/**
 * The HTTP edge of authentication: which paths need a credential, and the 401 a request without a
 * valid one gets (with `extensions.code: UNAUTHENTICATED`, so GraphQL clients read it like any
 * other error). Nothing of the request runs before this has decided its principal.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ConfigError } from '../config.js';
import { ErrorCode } from '../errors.js';
import { refuse } from '../http-refusal.js';
import type { Logger } from '../log.js';
import { createAuthenticator } from './authenticate.js';
import { PROBE_PATHS, type AuthSettings } from './config.js';
import type { Principal } from './principal.js';

export interface AuthGate {
  /**
   * Whether `path` needs a credential: the GraphQL API always, a probe path unless the config opens
   * it. The GraphiQL shell and its static assets hold no data; an unknown path is a 404 for anyone.
   */
  guards(path: string): boolean;
  /** The request's principal, or undefined after answering 401 itself. */
  admit(req: IncomingMessage, res: ServerResponse): Promise<Principal | undefined>;
}

export function unauthenticated(res: ServerResponse, message: string): void {
  const headers = { 'www-authenticate': 'Bearer realm="sipgraph"' };
  refuse(res, { status: 401, code: ErrorCode.Unauthenticated, message, headers });
}

/** Refuses to build a gateway without an `auth` section: an open gateway must be configured as one. */
export async function createAuthGate(
  auth: AuthSettings | undefined,
  logger: Logger,
  apiPath: string,
): Promise<AuthGate> {
  if (!auth) {
    throw new ConfigError('config', [
      'auth: no authentication is configured. Add auth.apiKeys or auth.jwt, or, for a gateway anyone who reaches it may ' +
        "use with the vendors' admin credentials, state it: auth: { anonymous: { admin: true } }",
    ]);
  }
  const authenticator = await createAuthenticator(auth);
  const open = new Set(auth.openPaths);
  return {
    guards: (path) => path === apiPath || (PROBE_PATHS.includes(path) && !open.has(path)),
    async admit(req, res) {
      const outcome = await authenticator.authenticate(req.headers);
      if ('principal' in outcome) return outcome.principal;
      logger.info('unauthenticated request', { path: req.url?.split('?')[0], reason: outcome.failure });
      unauthenticated(res, `authentication required: ${outcome.failure}`);
      return undefined;
    },
  };
}
