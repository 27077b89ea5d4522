/**
 * The gateways under test, each in a process of its own so its CPU and memory are its own:
 * sipgraph and the naive resolver set run COMPILED (`npm run build` → dist/bench/gateway-process.js)
 * under plain `node`, with the Node options production uses (config/node.env, read by `npm start`
 * and the Dockerfile too). GraphQL Mesh is started by bench/mesh.ts.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseSettings, type Settings } from '../src/config.js';
import type { InfinitySeedOptions } from '../src/emulators/infinity/index.js';
import { encodeId } from '../src/ids.js';

export const USER = 'bench';
export const PASSWORD = 'bench-password';
/** The key clients send to sipgraph (the other gateways ignore the header). */
export const API_KEY = 'bench-api-key-0123456789';
export const AUTH = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;

/** Per domain: 100 users in 6 groups (3 each), one device each: the peers' published setup. */
export const DOMAIN_SEED = {
  usersPerDomain: 100,
  groupsPerDomain: 6,
  groupsPerUser: 3,
  devicesPerUser: 1,
  usersWithoutDevices: 0,
  extraDevices: 0,
  spareDevices: 0,
  queuesPerDomain: 0,
} satisfies Omit<InfinitySeedOptions, 'domains'>;

export const QUERIES = {
  nested:
    'query($id: ID!) { domain(id: $id) { users(first: 100) { nodes { userName extension groups { name } devices { name macAddress } } } } }',
  flat: 'query($id: ID!) { domain(id: $id) { users(first: 100) { nodes { userName extension } } } }',
  passthrough: 'query($id: ID!) { domain(id: $id) { name } }',
};
export type Shape = keyof typeof QUERIES;

export interface QueryBody {
  query: string;
  variables: Record<string, unknown>;
}

export interface Gateway {
  name: 'sipgraph' | 'naive' | 'mesh';
  url: string;
  pid: number;
  /** The body asking `shape` of the emulator's domain `domainId` (1-based), in this gateway's schema. */
  query(shape: Shape, domainId?: number): QueryBody;
  /** Whether the gateway answers `extensions.explain` (sipgraph only). */
  explains?: boolean;
  /** The Node version and NODE_OPTIONS the gateway process runs with. */
  runtime?: { node: string; nodeOptions: string };
  stats?(): Promise<{ cache: { hits: number; misses: number } | null }>;
  stop(): Promise<void>;
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const COMPILED_GATEWAY = `${ROOT}dist/bench/gateway-process.js`;
/** The one place the gateway's Node options live (NODE_OPTIONS=…), shared with `npm start` and the Dockerfile. */
export const NODE_ENV_FILE = `${ROOT}config/node.env`;

const sipgraphQuery = (shape: Shape, domainId = 1): QueryBody => ({
  query: QUERIES[shape],
  variables: { id: encodeId('Domain', 'infinity', 'infinity', [String(domainId)]) },
});
const naiveQuery = (shape: Shape, domainId = 1): QueryBody => ({
  query: QUERIES[shape],
  variables: { id: String(domainId) },
});

/**
 * Forks the compiled gateway with plain `node` (BENCH_NODE picks another binary, e.g. Node 24).
 * An operator's NODE_OPTIONS, if set, wins over the file, as it does for `npm start`.
 */
async function forkGateway(kind: 'sipgraph' | 'naive', config: unknown): Promise<Gateway> {
  if (!existsSync(COMPILED_GATEWAY)) throw new Error(`${COMPILED_GATEWAY} is missing: run \`npm run build\` first`);
  const child: ChildProcess = fork(COMPILED_GATEWAY, [kind, JSON.stringify(config)], {
    execPath: process.env.BENCH_NODE ?? process.execPath,
    execArgv: [`--env-file=${NODE_ENV_FILE}`],
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const ready = await new Promise<{ url: string; node: string; nodeOptions: string }>((resolve, reject) => {
    child.once('message', (m) => resolve(m as { url: string; node: string; nodeOptions: string }));
    child.once('exit', (code) => reject(new Error(`${kind} exited with ${code}`)));
  });
  return {
    name: kind,
    url: ready.url,
    pid: child.pid!,
    query: kind === 'sipgraph' ? sipgraphQuery : naiveQuery,
    explains: kind === 'sipgraph',
    runtime: { node: ready.node, nodeOptions: ready.nodeOptions },
    stats: () =>
      new Promise((resolve) => {
        child.once('message', (m) => resolve(m as { cache: { hits: number; misses: number } | null }));
        child.send('stats');
      }),
    stop: async () => {
      child.kill();
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

/**
 * sipgraph as production runs it: validated config, an API key checked on every request, and the
 * product's defaults for everything the bench does not have to set (per-connection concurrency
 * included: the goals are stated for the default settings).
 */
export function sipgraphConfig(baseUrl: string, cache: boolean) {
  return {
    server: { host: '127.0.0.1', port: 0, graphiql: false, introspection: true },
    cache: { enabled: cache, ttlSeconds: 60 },
    // One client drives thousands of requests a minute here: the per-principal allowance must not be what is measured.
    limits: { rate: { requestsPerMinute: 10_000_000, vendorCallsPerMinute: 100_000_000 } },
    log: { level: 'silent' },
    auth: { apiKeys: [{ id: 'bench', key: { env: 'BENCH_API_KEY' }, admin: true }] },
    connections: [
      {
        kind: 'infinity',
        name: 'infinity',
        baseUrl: `${baseUrl}/config/v2`,
        auth: { type: 'basic', username: { env: 'BENCH_USER' }, password: { env: 'BENCH_PASSWORD' } },
        timeoutMs: 10_000,
        retries: 0,
      },
    ],
  };
}

/** The environment `sipgraphConfig`'s secrets are read from. */
export const BENCH_ENV = { BENCH_API_KEY: API_KEY, BENCH_USER: USER, BENCH_PASSWORD: PASSWORD };

function sipgraphSettings(baseUrl: string, cache: boolean): Settings {
  return parseSettings(sipgraphConfig(baseUrl, cache), BENCH_ENV, 'bench');
}

export const startSipgraph = (emulatorUrl: string, options: { cache?: boolean } = {}): Promise<Gateway> =>
  forkGateway('sipgraph', { settings: sipgraphSettings(emulatorUrl, options.cache ?? false) });

export const startNaiveGateway = (emulatorUrl: string): Promise<Gateway> =>
  forkGateway('naive', { baseUrl: `${emulatorUrl}/config/v2`, auth: AUTH });
