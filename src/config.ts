/**
 * Settings: the config file (YAML or JSON) plus secrets from the environment, validated at
 * start-up. Every problem is reported at once, each naming its field, so a bad deployment fails
 * in one round. This is the only module that reads process.env.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { federationSchema, type FederationSettings } from './federation/config.js';
import { authSchema, type AuthSettings } from './auth/config.js';
import { upstreamSchema } from './http/config.js';
import { corsSchema, type CorsSettings } from './auth/cors.js';
import type { LogLevel } from './log.js';
import { observabilitySchema, type ObservabilitySettings } from './observability/config.js';
import { trustedDocumentsSchema, type TrustedDocumentsSettings } from './shared-state/config.js';
import { limitsSchema } from './abuse/config.js';
import { secretRef, type Resolved } from './config-fields.js';
import { connectionSettingsSchemas } from './vendors/catalog.js';
import { DURABILITY_DEFAULTS, durabilitySchema, type DurabilitySettings } from './durability/config.js';

/** One connection: the settings schema of the vendor its `kind` names (src/vendors/<kind>/settings.ts). */
const connectionSchema = z.discriminatedUnion('kind', connectionSettingsSchemas);

const fileSchema = z
  .object({
    server: z
      .object({
        host: z.string().default('0.0.0.0'),
        port: z.number().int().min(0).max(65_535).default(4000),
        // Production defaults: a deployment shows its schema and GraphiQL only when it says so.
        graphiql: z.boolean().default(false),
        introspection: z.boolean().default(false),
      })
      .strict()
      .default({ host: '0.0.0.0', port: 4000, graphiql: false, introspection: false }),
    limits: limitsSchema,
    cache: z
      .object({
        enabled: z.boolean().default(false),
        ttlSeconds: z.number().int().min(1).max(86_400).default(30),
        redisUrl: secretRef.optional(),
      })
      .strict()
      .default({ enabled: false, ttlSeconds: 30 }),
    redis: z
      .object({
        url: secretRef.optional(),
        keyPrefix: z
          .string()
          .regex(/^[A-Za-z0-9:_-]{1,40}$/)
          .default('sipgraph:'),
      })
      .strict()
      .default({ keyPrefix: 'sipgraph:' }),
    log: z
      .object({ level: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info') })
      .strict()
      .default({ level: 'info' }),
    observability: observabilitySchema,
    trustedDocuments: trustedDocumentsSchema,
    federation: federationSchema,
    auth: authSchema.optional(),
    durability: durabilitySchema.default(DURABILITY_DEFAULTS),
    upstream: upstreamSchema,
    cors: corsSchema,
    connections: z.array(connectionSchema).min(1, 'at least one connection is required'),
  })
  .strict();

type FileConfig = z.infer<typeof fileSchema>;

export type ConnectionSettings = Resolved<z.infer<typeof connectionSchema>>;
export type ConnectionKind = ConnectionSettings['kind'];
export type ConnectionOf<K extends ConnectionKind> = Extract<ConnectionSettings, { kind: K }>;

export interface Settings {
  server: FileConfig['server'];
  limits: FileConfig['limits'];
  cache: { enabled: boolean; ttlSeconds: number; redisUrl?: string };
  /** The one Redis of this deployment, shared by every feature that keeps cross-replica state. */
  redis: { url?: string; keyPrefix: string };
  log: { level: LogLevel };
  observability: ObservabilitySettings;
  trustedDocuments: TrustedDocumentsSettings;
  /** The deadline every GraphQL request's vendor calls share. */
  upstream: FileConfig['upstream'];
  federation: FederationSettings;
  /** Absent: the server refuses to start (src/auth/http.ts). */
  auth?: AuthSettings;
  durability: DurabilitySettings;
  /** Browser origins allowed to call (src/auth/cors.ts); absent = none. */
  cors?: CorsSettings;
  connections: ConnectionSettings[];
}

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(source: string, problems: string[]) {
    super(`invalid configuration in ${source}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

function formatPath(path: PropertyKey[]): string {
  return path
    .map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`))
    .join('')
    .replace(/^\./, '');
}

/** Replaces every `{env: NAME}` with the variable's value, collecting the missing ones. */
function resolveSecrets(value: unknown, env: NodeJS.ProcessEnv, path: PropertyKey[], missing: string[]): unknown {
  if (Array.isArray(value)) return value.map((item, i) => resolveSecrets(item, env, [...path, i], missing));
  if (value && typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === 'env') {
      const name = (value as { env: string }).env;
      const secret = env[name];
      if (secret === undefined || secret === '')
        missing.push(`${formatPath(path)}: environment variable ${name} is not set`);
      return secret ?? '';
    }
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, resolveSecrets(v, env, [...path, k], missing)]),
    );
  }
  return value;
}

export function parseSettings(raw: unknown, env: NodeJS.ProcessEnv, source = 'config'): Settings {
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(
      source,
      parsed.error.issues.map((issue) => `${formatPath(issue.path) || '(root)'}: ${issue.message}`),
    );
  }
  const problems: string[] = [];
  const settings = resolveSecrets(parsed.data, env, [], problems) as Settings;
  const seen = new Set<string>();
  settings.connections.forEach((connection, i) => {
    if (seen.has(connection.name)) problems.push(`connections[${i}].name: "${connection.name}" is used twice`);
    seen.add(connection.name);
  });
  if (settings.cache.redisUrl === '') delete settings.cache.redisUrl;
  if (settings.redis.url === '') delete settings.redis.url;
  if (problems.length > 0) throw new ConfigError(source, problems);
  return settings;
}

export function loadSettingsFile(path: string, env: NodeJS.ProcessEnv = process.env): Settings {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(path, [`cannot read the file: ${(error as Error).message}`]);
  }
  let raw: unknown;
  try {
    raw = path.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new ConfigError(path, [`not valid ${path.endsWith('.json') ? 'JSON' : 'YAML'}: ${(error as Error).message}`]);
  }
  return parseSettings(raw, env, path);
}

/** What `main` needs from the command line and environment, read in this one place. */
export interface LaunchOptions {
  /** A config file to run against real vendors; absent = the embedded demo. */
  configPath?: string;
  port?: number;
  /** `--subgraph <name>`: serve as a federation subgraph (overrides `federation.subgraph`). */
  subgraph?: string;
  /** Known API keys for the demo's admin and tenant (scripts); random when absent. */
  demoAdminKey?: string;
  demoTenantKey?: string;
}

export function readLaunchOptions(
  argv: string[] = process.argv.slice(2),
  env: NodeJS.ProcessEnv = process.env,
): LaunchOptions {
  const options: LaunchOptions = {};
  const flag = argv.indexOf('--config');
  const configPath = flag >= 0 ? argv[flag + 1] : env.SIPGRAPH_CONFIG;
  if (configPath) options.configPath = configPath;
  if (env.PORT) options.port = Number(env.PORT);
  const subgraph = argv.indexOf('--subgraph');
  if (subgraph >= 0) options.subgraph = argv[subgraph + 1] ?? '';
  if (env.SIPGRAPH_DEMO_ADMIN_KEY) options.demoAdminKey = env.SIPGRAPH_DEMO_ADMIN_KEY;
  if (env.SIPGRAPH_DEMO_TENANT_KEY) options.demoTenantKey = env.SIPGRAPH_DEMO_TENANT_KEY;
  return options;
}
