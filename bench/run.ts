/**
 * `npm run bench`: upstream calls, rounds, requests/s, latency, gateway CPU and memory for
 * sipgraph, a naive Apollo resolver set and (when installed) GraphQL Mesh, over the same Infinity
 * emulator, side by side in one run. Writes bench/results/latest.json. See bench/README.md.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { request } from 'undici';
import { parseSettings, type Settings } from '../src/config.js';
import { createInfinityEmulator, type InfinitySeedOptions } from '../src/emulators/infinity/index.js';
import { countRounds, type EmulatorServer } from '../src/emulators/shared/harness.js';
import { encodeId } from '../src/ids.js';
import { startMesh, type MeshGateway } from './mesh.js';

const USER = 'bench';
const PASSWORD = 'bench-password';
/** The key clients send to sipgraph (the other gateways ignore the header). */
const API_KEY = 'bench-api-key-0123456789';
const AUTH = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;
const LOAD_SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const CONNECTIONS = 10;
const PROBE_LATENCY_MS = 20;
/** 100 users in 6 groups (3 each), one device each: the peers' published setup. */
const SEED: InfinitySeedOptions = {
  domains: 1,
  usersPerDomain: 100,
  groupsPerDomain: 6,
  groupsPerUser: 3,
  devicesPerUser: 1,
  usersWithoutDevices: 0,
  extraDevices: 0,
  spareDevices: 0,
  queuesPerDomain: 0,
};
const GROUPS = 6;

const QUERIES = {
  nested:
    'query($id: ID!) { domain(id: $id) { users(first: 100) { nodes { userName extension groups { name } devices { name macAddress } } } } }',
  flat: 'query($id: ID!) { domain(id: $id) { users(first: 100) { nodes { userName extension } } } }',
  passthrough: 'query($id: ID!) { domain(id: $id) { name } }',
};
type Shape = keyof typeof QUERIES;

/** The fewest calls the documented endpoints allow (derivations in bench/README.md). */
const MINIMUM_CALLS: Record<Shape, number> = { nested: 1 + (1 + GROUPS) + 1, flat: 1, passthrough: 1 };

interface Figures {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  cpuMsPerQuery: number;
  upstreamCalls: number;
  rounds: number;
  peakRssMb: number;
}

interface Gateway {
  name: 'sipgraph' | 'naive' | 'mesh';
  url: string;
  pid: number;
  query(shape: Shape): { query: string; variables: Record<string, unknown> };
  stats?(): Promise<{ cache: { hits: number; misses: number } | null }>;
  stop(): Promise<void>;
}

// ---- process probes (Linux /proc): a gateway's own CPU time and peak memory

function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

function peakRssMb(pid: number): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Math.round(Number(match[1]) / 1024) : 0;
}

// ---- gateways

async function forkGateway(kind: 'sipgraph' | 'naive', config: unknown, query: Gateway['query']): Promise<Gateway> {
  const child: ChildProcess = fork(
    fileURLToPath(new URL('./gateway-process.ts', import.meta.url)),
    [kind, JSON.stringify(config)],
    {
      execArgv: ['--import', 'tsx', '--max-semi-space-size=32'],
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (m) => resolve((m as { url: string }).url));
    child.once('exit', (code) => reject(new Error(`${kind} exited with ${code}`)));
  });
  return {
    name: kind,
    url,
    pid: child.pid!,
    query,
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

/** sipgraph as production runs it: validated config, an API key checked on every request. */
function sipgraphSettings(baseUrl: string, cache = false): Settings {
  const raw = {
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
        maxConcurrency: 32,
        retries: 0,
      },
    ],
  };
  return parseSettings(raw, { BENCH_API_KEY: API_KEY, BENCH_USER: USER, BENCH_PASSWORD: PASSWORD }, 'bench');
}

const sipgraphQuery = (shape: Shape) => ({
  query: QUERIES[shape],
  variables: { id: encodeId('Domain', 'infinity', 'infinity', ['1']) },
});
const naiveQuery = (shape: Shape) => ({ query: QUERIES[shape], variables: { id: '1' } });

// ---- measurements

async function post(url: string, body: unknown): Promise<unknown> {
  const { body: response } = await request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': API_KEY },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as { errors?: unknown[] };
  if (json.errors) throw new Error(`query failed: ${JSON.stringify(json.errors).slice(0, 300)}`);
  return json;
}

/** Waits until the vendor has seen no request for a while: the previous load's stragglers are done. */
async function quiet(emulator: EmulatorServer): Promise<void> {
  for (let seen = -1; seen !== emulator.requests.length;) {
    seen = emulator.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Calls and rounds of one query, probed with the vendor 20 ms away. */
async function probe(
  emulator: EmulatorServer,
  gateway: Gateway,
  shape: Shape,
): Promise<{ calls: number; rounds: number }> {
  await quiet(emulator);
  const saved = emulator.latencyMs;
  emulator.latencyMs = PROBE_LATENCY_MS;
  try {
    await post(gateway.url, gateway.query(shape));
    const mark = emulator.requests.length;
    await post(gateway.url, gateway.query(shape));
    const calls = emulator.since(mark);
    return { calls: calls.length, rounds: countRounds(calls, PROBE_LATENCY_MS) };
  } finally {
    emulator.latencyMs = saved;
  }
}

async function load(emulator: EmulatorServer, gateway: Gateway, shape: Shape, latencyMs: number): Promise<Figures> {
  const { calls, rounds } = await probe(emulator, gateway, shape);
  emulator.latencyMs = latencyMs;
  const cpuBefore = cpuMs(gateway.pid);
  const result = await autocannon({
    url: gateway.url,
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': API_KEY },
    body: JSON.stringify(gateway.query(shape)),
    connections: CONNECTIONS,
    duration: LOAD_SECONDS,
  });
  const cpuAfter = cpuMs(gateway.pid);
  emulator.latencyMs = 0;
  emulator.clearLog();
  const total = Math.max(1, result.requests.total);
  if (result.non2xx > 0 || result.errors > 0)
    console.warn(`  ! ${gateway.name} ${shape}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return {
    rps: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    cpuMsPerQuery: Math.round(((cpuAfter - cpuBefore) / total) * 100) / 100,
    upstreamCalls: calls,
    rounds,
    peakRssMb: peakRssMb(gateway.pid),
  };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** p50 added by the gateway to a query that is exactly one vendor call. */
async function overhead(
  emulatorUrl: string,
  gateway: Gateway,
  samples = 400,
): Promise<{ directP50: number; gatewayP50: number; addedP50: number }> {
  const time = async (run: () => Promise<unknown>) => {
    const started = performance.now();
    await run();
    return performance.now() - started;
  };
  const direct: number[] = [];
  const via: number[] = [];
  for (let i = 0; i < samples; i += 1) {
    direct.push(
      await time(async () =>
        (await request(`${emulatorUrl}/config/v2/sip/domains/1`, { headers: { authorization: AUTH } })).body.text(),
      ),
    );
    via.push(await time(() => post(gateway.url, gateway.query('passthrough'))));
  }
  const directP50 = percentile(direct.slice(50), 50);
  const gatewayP50 = percentile(via.slice(50), 50);
  return { directP50: round(directP50), gatewayP50: round(gatewayP50), addedP50: round(gatewayP50 - directP50) };
}

const round = (n: number) => Math.round(n * 100) / 100;

/** Pages through a domain of `users` users; time and peak RSS should follow the page, not the domain. */
async function scale(
  users: number,
  pageSize: number,
): Promise<{ users: number; pageSize: number; seconds: number; peakRssMb: number }> {
  const emulator = createInfinityEmulator({
    username: USER,
    password: PASSWORD,
    seed: {
      domains: 1,
      usersPerDomain: users,
      groupsPerDomain: 1,
      devicesPerUser: 0,
      usersWithoutDevices: 0,
      extraDevices: 0,
      spareDevices: 0,
      queuesPerDomain: 0,
    },
  });
  const baseUrl = await emulator.server.start();
  const gateway = await forkGateway('sipgraph', { settings: sipgraphSettings(baseUrl) }, sipgraphQuery);
  const started = performance.now();
  let after: string | null = null;
  let seen = 0;
  for (;;) {
    const page = (await post(gateway.url, {
      query:
        'query($id: ID!, $after: String, $first: Int) { domain(id: $id) { users(first: $first, after: $after) { nodes { userName extension } pageInfo { hasNextPage endCursor } } } }',
      variables: { id: sipgraphQuery('flat').variables.id, after, first: pageSize },
    })) as any;
    const users = page.data.domain.users;
    seen += users.nodes.length;
    if (!users.pageInfo.hasNextPage) break;
    after = users.pageInfo.endCursor;
  }
  const seconds = round((performance.now() - started) / 1000);
  const rss = peakRssMb(gateway.pid);
  await gateway.stop();
  await emulator.server.stop();
  if (seen !== users) throw new Error(`paged ${seen} of ${users} users`);
  return { users, pageSize, seconds, peakRssMb: rss };
}

// ---- the run

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows
    .map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '))
    .join('\n');
}

async function main(): Promise<void> {
  const started = performance.now();
  const emulator = createInfinityEmulator({ username: USER, password: PASSWORD, seed: SEED });
  const baseUrl = await emulator.server.start();
  const gateways: Gateway[] = [
    await forkGateway('sipgraph', { settings: sipgraphSettings(baseUrl) }, sipgraphQuery),
    await forkGateway('naive', { baseUrl: `${baseUrl}/config/v2`, auth: AUTH }, naiveQuery),
  ];
  let mesh: MeshGateway | undefined;
  try {
    mesh = await startMesh(`${baseUrl}/config/v2`, AUTH);
    gateways.push(mesh);
  } catch (error) {
    console.log(`GraphQL Mesh: not run (${(error as Error).message})`);
  }

  const cases: Array<{ name: string; shape: Shape; latencyMs: number }> = [
    { name: 'nested-0ms', shape: 'nested', latencyMs: 0 },
    { name: 'nested-20ms', shape: 'nested', latencyMs: 20 },
    { name: 'flat-0ms', shape: 'flat', latencyMs: 0 },
    { name: 'flat-20ms', shape: 'flat', latencyMs: 20 },
  ];
  const results: Array<Record<string, unknown>> = [];
  const rows = [['case', 'gateway', 'calls', 'min', 'rounds', 'req/s', 'p50 ms', 'p99 ms', 'CPU ms/q', 'RSS MB']];
  for (const c of cases) {
    const entry: Record<string, unknown> = { name: c.name, minimumCalls: MINIMUM_CALLS[c.shape] };
    for (const gateway of gateways) {
      const figures = await load(emulator.server, gateway, c.shape, c.latencyMs);
      entry[gateway.name] = figures;
      rows.push([
        c.name,
        gateway.name,
        String(figures.upstreamCalls),
        String(MINIMUM_CALLS[c.shape]),
        String(figures.rounds),
        String(figures.rps),
        String(figures.p50Ms),
        String(figures.p99Ms),
        String(figures.cpuMsPerQuery),
        String(figures.peakRssMb),
      ]);
    }
    entry.naiveCalls = (entry.naive as Figures).upstreamCalls;
    results.push(entry);
  }
  console.log(`\n${table(rows)}\n`);

  const ratios = [['case', 'sipgraph/naive req/s', 'sipgraph/mesh req/s', 'naive calls / sipgraph calls']];
  for (const r of results) {
    const s = r.sipgraph as Figures;
    const n = r.naive as Figures;
    const m = r.mesh as Figures | undefined;
    ratios.push([
      String(r.name),
      `${round(s.rps / Math.max(1, n.rps))}x`,
      m ? `${round(s.rps / Math.max(1, m.rps))}x` : 'n/a',
      `${round(n.upstreamCalls / Math.max(1, s.upstreamCalls))}x`,
    ]);
  }
  console.log(`${table(ratios)}\n`);

  const added = await overhead(baseUrl, gateways[0]!);
  console.log(
    `overhead (one vendor call): direct p50 ${added.directP50} ms, through sipgraph ${added.gatewayP50} ms, added ${added.addedP50} ms\n`,
  );

  for (const gateway of gateways) await gateway.stop();

  const cached = await forkGateway('sipgraph', { settings: sipgraphSettings(baseUrl, true) }, sipgraphQuery);
  const withCache = await load(emulator.server, cached, 'nested', 0);
  const cacheStats = (await cached.stats!()).cache ?? { hits: 0, misses: 0 };
  await cached.stop();
  const uncached = results[0]!.sipgraph as Figures;
  const hitRate = round(cacheStats.hits / Math.max(1, cacheStats.hits + cacheStats.misses));
  console.log(
    `cache (in memory, nested-0ms): hit rate ${hitRate}, ${withCache.rps} req/s vs ${uncached.rps} without (${round(withCache.rps / Math.max(1, uncached.rps))}x)\n`,
  );

  const scaled = [await scale(1000, 100), await scale(10_000, 100)];
  for (const s of scaled)
    console.log(`scale: ${s.users} users paged ${s.pageSize} at a time: ${s.seconds} s, peak RSS ${s.peakRssMb} MB`);

  await emulator.server.stop();
  const report = {
    machine: `${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    date: new Date().toISOString(),
    settings: { loadSeconds: LOAD_SECONDS, connections: CONNECTIONS, seed: SEED },
    cases: results,
    overhead: added,
    cache: {
      case: 'nested-0ms',
      hitRate,
      rps: withCache.rps,
      uncachedRps: uncached.rps,
      speedup: round(withCache.rps / Math.max(1, uncached.rps)),
    },
    scale: scaled,
  };
  writeFileSync(new URL('./results/latest.json', import.meta.url), `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nwrote bench/results/latest.json in ${Math.round((performance.now() - started) / 1000)} s`);
}

await main();
