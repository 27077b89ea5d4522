/**
 * Turns a request's credential into a principal: an API key (`x-api-key`, or `Authorization:
 * Bearer <key>`) looked up by its SHA-256, or a JWT bearer token verified with jose against the
 * configured issuer, audience and keys. A request with no credential is the configured anonymous
 * principal, or nobody; a credential that does not verify is never downgraded to anonymous.
 */
import { createHash, createSecretKey } from 'node:crypto';
import { createRemoteJWKSet, importSPKI, jwtVerify, type CryptoKey, type JWTVerifyGetKey, type KeyObject } from 'jose';
import type { AuthSettings, Entitlement } from './config.js';
import { entitlementSchema } from './config.js';
import type { Principal } from './principal.js';

export type AuthOutcome = { principal: Principal } | { failure: string };

export interface Authenticator {
  authenticate(headers: Record<string, string | string[] | undefined>): Promise<AuthOutcome>;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

function header(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function principalOf(id: string, via: Principal['via'], entitlement: Entitlement): Principal {
  return Object.freeze({
    id,
    via,
    admin: entitlement.admin,
    grants: Object.freeze(entitlement.grants.map((g) => Object.freeze(g))),
  });
}

type Verify = (token: string) => Promise<Principal>;

async function jwtVerifier(jwt: NonNullable<AuthSettings['jwt']>): Promise<Verify> {
  let key: JWTVerifyGetKey | KeyObject | CryptoKey;
  let algorithms = jwt.algorithms;
  if (jwt.jwksUrl) {
    key = createRemoteJWKSet(new URL(jwt.jwksUrl), { timeoutDuration: 5000, cooldownDuration: 30_000 });
  } else if (jwt.publicKey) {
    algorithms ??= ['RS256', 'ES256', 'PS256', 'EdDSA'];
    const alg = algorithms[0]!;
    key = await importSPKI(jwt.publicKey.replace(/\\n/g, '\n'), alg);
  } else {
    algorithms ??= ['HS256'];
    key = createSecretKey(Buffer.from(jwt.secret ?? '', 'utf8'));
  }
  // An asymmetric key never verifies an HS* token: jose checks the key type against `alg`.
  const options = {
    issuer: jwt.issuer,
    audience: jwt.audience,
    clockTolerance: jwt.clockSkewSeconds,
    algorithms,
    requiredClaims: ['sub', 'exp'],
  };
  return async (token) => {
    const { payload } =
      typeof key === 'function' ? await jwtVerify(token, key, options) : await jwtVerify(token, key, options);
    const claim = payload[jwt.grantsClaim];
    const entitlement = entitlementSchema.safeParse(claim ?? {});
    if (!entitlement.success) throw new Error(`claim ${jwt.grantsClaim} is not { admin?, grants? }`);
    return principalOf(String(payload.sub), 'jwt', entitlement.data);
  };
}

export async function createAuthenticator(auth: AuthSettings): Promise<Authenticator> {
  const byHash = new Map<string, Principal>();
  for (const key of auth.apiKeys) {
    const hash = key.sha256?.toLowerCase() ?? sha256Hex(key.key ?? '');
    byHash.set(hash, principalOf(key.id, 'apiKey', key));
  }
  const verifyJwt = auth.jwt ? await jwtVerifier(auth.jwt) : undefined;
  const anonymous = auth.anonymous ? principalOf('anonymous', 'none', auth.anonymous) : undefined;

  const apiKey = (key: string): AuthOutcome => {
    const principal = byHash.get(sha256Hex(key));
    return principal ? { principal } : { failure: 'unknown API key' };
  };

  return {
    async authenticate(headers) {
      const xApiKey = header(headers, 'x-api-key');
      const authorization = header(headers, 'authorization');
      if (xApiKey !== undefined) return apiKey(xApiKey.trim());
      if (authorization === undefined || authorization.trim() === '') {
        return anonymous
          ? { principal: anonymous }
          : { failure: 'no credential: send x-api-key or Authorization: Bearer' };
      }
      const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
      if (!match) return { failure: 'the Authorization scheme must be Bearer' };
      const token = match[1]!;
      if (verifyJwt && JWT_SHAPE.test(token)) {
        try {
          return { principal: await verifyJwt(token) };
        } catch (error) {
          return {
            failure: `the bearer token did not verify (${(error as { code?: string }).code ?? (error as Error).message})`,
          };
        }
      }
      return apiKey(token);
    },
  };
}
