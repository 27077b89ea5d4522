/**
 * The `auth` section of the config: who may call (API keys, JWT issuers, anonymous callers) and
 * what each may touch (grants). Declared here and added to the file schema in src/config.ts.
 *
 * A config without `auth` parses, but the server refuses to start with it (secure by default):
 * an open gateway must be asked for explicitly with `auth: { anonymous: { admin: true } }`.
 */
import { z } from 'zod';

const secretRef = z
  .object({ env: z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'must be an environment variable name') })
  .strict();

/** The areas a grant gives read or write on; each field and mutation declares its area (@policy). */
export const AREAS = ['directory', 'devices', 'trunks', 'deviceSipConfig', 'accountSettings'] as const;
export type Area = (typeof AREAS)[number];
export type Access = 'read' | 'write';

const access = z.enum(['read', 'write']);

/** One connection (or `*`), optionally narrowed to some of its domains, with access per area. */
export const grantSchema = z
  .object({
    connection: z.string().min(1),
    /** Directory domain keys (Infinity domainId, Stringee projectId); absent = every domain. */
    domains: z.array(z.string().min(1)).min(1).optional(),
    areas: z.partialRecord(z.enum(AREAS), access),
  })
  .strict();

export type Grant = z.infer<typeof grantSchema>;

/** What a credential entitles its holder to: everything (`admin`) or the grants listed. */
export const entitlementSchema = z
  .object({ admin: z.boolean().default(false), grants: z.array(grantSchema).default([]) })
  .strict();

const apiKeyId = z.string().regex(/^[A-Za-z0-9._@-]{1,64}$/, 'letters, digits and . _ @ - only, at most 64');

/** A key is never written in the file: either its SHA-256 (hex) or the env variable holding it. */
const apiKeySchema = z
  .object({
    id: apiKeyId,
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/i, 'the hex SHA-256 of the key')
      .optional(),
    key: secretRef.optional(),
    admin: z.boolean().default(false),
    grants: z.array(grantSchema).default([]),
  })
  .strict()
  .refine((k) => (k.sha256 === undefined) !== (k.key === undefined), {
    message: 'give exactly one of sha256 or key',
    path: ['sha256'],
  });

const jwtSchema = z
  .object({
    /** Where the issuer publishes its signing keys (fetched and cached by jose). */
    jwksUrl: z.url({ protocol: /^https?$/ }).optional(),
    /** Or one verification key: a PEM (SPKI) public key, or an HMAC secret for HS* tokens. */
    publicKey: secretRef.optional(),
    secret: secretRef.optional(),
    algorithms: z
      .array(z.string().regex(/^(RS|PS|ES|HS)(256|384|512)$|^EdDSA$/))
      .min(1)
      .optional(),
    issuer: z.string().min(1),
    audience: z.string().min(1),
    clockSkewSeconds: z.number().int().min(0).max(300).default(30),
    /** The claim holding `{ admin?, grants? }`; a token without it is authenticated but granted nothing. */
    grantsClaim: z.string().min(1).default('sipgraph'),
  })
  .strict()
  .refine((j) => [j.jwksUrl, j.publicKey, j.secret].filter((v) => v !== undefined).length === 1, {
    message: 'give exactly one of jwksUrl, publicKey or secret',
    path: ['jwksUrl'],
  });

/** Probe paths: open by default; a config may close them (then they need a credential like /graphql). */
export const PROBE_PATHS = ['/healthz', '/readyz', '/metrics'];

export const authSchema = z
  .object({
    apiKeys: z.array(apiKeySchema).default([]),
    jwt: jwtSchema.optional(),
    /** Requests without any credential act as this principal; absent = they get HTTP 401. */
    anonymous: entitlementSchema.optional(),
    /** Paths served without a credential (probes and scrapers). */
    openPaths: z
      .array(
        z
          .string()
          .regex(/^\/[A-Za-z0-9/_.-]*$/)
          .refine((p) => p !== '/graphql', 'the GraphQL API is never open'),
      )
      .default(PROBE_PATHS),
  })
  .strict()
  .superRefine((auth, ctx) => {
    const seen = new Set<string>();
    auth.apiKeys.forEach((key, i) => {
      if (seen.has(key.id))
        ctx.addIssue({ code: 'custom', message: `"${key.id}" is used twice`, path: ['apiKeys', i, 'id'] });
      seen.add(key.id);
    });
    if (auth.apiKeys.length === 0 && !auth.jwt && !auth.anonymous) {
      ctx.addIssue({
        code: 'custom',
        message: 'configure apiKeys or jwt, or state anonymous access explicitly',
        path: [],
      });
    }
  });

type Resolved<T> = T extends { env: string } ? string : T extends object ? { [K in keyof T]: Resolved<T[K]> } : T;
export type AuthSettings = Resolved<z.infer<typeof authSchema>>;
export type Entitlement = z.infer<typeof entitlementSchema>;
