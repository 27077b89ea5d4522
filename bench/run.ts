/**
 * `npm run bench`: upstream calls, rounds, requests/s, latency, gateway CPU and memory for
 * sipgraph, a naive Apollo resolver set and (when installed) GraphQL Mesh, over the same Infinity
 * emulator, side by side in one run, at 0, 20 and 50 ms of vendor latency. Writes
 * bench/results/latest.json. See bench/README.md.
 */
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { createInfinityEmulator, type InfinitySeedOptions } from '../src/emulators/infinity/index.js';
import {
  AUTH,
  DOMAIN_SEED,
  PASSWORD,
  startNaiveGateway,
  startSipgraph,
  USER,
  type Gateway,
  type Shape,
} from './gateways.js';
import { firstTouch, load, overhead, round, warmUp, type Figures } from './measure.js';
import { startMesh } from './mesh.js';
import { printCases, printRatios, type CaseResult } from './report.js';
import { scale } from './scale.js';

const LOAD_SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const WARM_UP_SECONDS = Math.min(2, LOAD_SECONDS);
const CONNECTIONS = 10;
const MANY_CONNECTIONS = 50;
/**
 * Domains the distinct case rotates through: twice the connections, so the requests in flight
 * together ask different domains even when one request is slower than the others.
 */
const DISTINCT_DOMAINS = 2 * CONNECTIONS;
const SEED: InfinitySeedOptions = { domains: DISTINCT_DOMAINS, ...DOMAIN_SEED };
const GROUPS = DOMAIN_SEED.groupsPerDomain;

/** The fewest calls the documented endpoints allow, per query and so per domain (bench/README.md). */
const MINIMUM_CALLS: Record<Shape, number> = { nested: 1 + (1 + GROUPS) + 1, flat: 1, passthrough: 1 };
/** Dependent levels of the query: no gateway can need fewer rounds of vendor calls. */
const MINIMUM_ROUNDS: Record<Shape, number> = { nested: 2, flat: 1, passthrough: 1 };

interface Case {
  name: string;
  shape: Shape;
  latencyMs: number;
  connections: number;
  /** How many domains the requests rotate through: 1 = every request asks the same. */
  domains: number;
}

const CASES: Case[] = [
  { name: 'nested-0ms', shape: 'nested', latencyMs: 0, connections: CONNECTIONS, domains: 1 },
  { name: 'nested-20ms', shape: 'nested', latencyMs: 20, connections: CONNECTIONS, domains: 1 },
  { name: 'nested-distinct-20ms', shape: 'nested', latencyMs: 20, connections: CONNECTIONS, domains: DISTINCT_DOMAINS },
  { name: 'nested-20ms-50conn', shape: 'nested', latencyMs: 20, connections: MANY_CONNECTIONS, domains: 1 },
  { name: 'nested-50ms', shape: 'nested', latencyMs: 50, connections: CONNECTIONS, domains: 1 },
  { name: 'flat-0ms', shape: 'flat', latencyMs: 0, connections: CONNECTIONS, domains: 1 },
  { name: 'flat-20ms', shape: 'flat', latencyMs: 20, connections: CONNECTIONS, domains: 1 },
  { name: 'flat-50ms', shape: 'flat', latencyMs: 50, connections: CONNECTIONS, domains: 1 },
];

/** The physical ceiling in requests/s: every connection waits `rounds × latency` per query at best. */
function ceiling(c: Case): number | null {
  return c.latencyMs === 0 ? null : round(c.connections / ((MINIMUM_ROUNDS[c.shape] * c.latencyMs) / 1000));
}

const domainIds = (count: number) => Array.from({ length: count }, (_, i) => i + 1);

async function main(): Promise<void> {
  const started = performance.now();
  const emulator = createInfinityEmulator({ username: USER, password: PASSWORD, seed: SEED });
  const baseUrl = await emulator.server.start();
  const gateways: Gateway[] = [await startSipgraph(baseUrl), await startNaiveGateway(baseUrl)];
  const runtime = gateways[0]!.runtime!;
  console.log(`sipgraph and naive: compiled (dist/), Node ${runtime.node}, NODE_OPTIONS=${runtime.nodeOptions}`);
  try {
    gateways.push(await startMesh(`${baseUrl}/config/v2`, AUTH));
  } catch (error) {
    console.log(`GraphQL Mesh: not run (${(error as Error).message})`);
  }

  for (const gateway of gateways) await warmUp(gateway, gateway.query('nested'), WARM_UP_SECONDS);

  const results: CaseResult[] = [];
  for (const c of CASES) {
    const entry: CaseResult = {
      name: c.name,
      minimumCalls: MINIMUM_CALLS[c.shape],
      shape: c.shape,
      latencyMs: c.latencyMs,
      connections: c.connections,
      domains: c.domains,
      minimumRounds: MINIMUM_ROUNDS[c.shape],
      ceiling: ceiling(c),
      predictedCalls: null,
    };
    for (const gateway of gateways) {
      const bodies = domainIds(c.domains).map((id) => gateway.query(c.shape, id));
      if (c.domains > 1 && gateway.explains)
        entry.firstTouch = await firstTouch(emulator.server, gateway, bodies.at(-1)!);
      const { predictedCalls, ...figures } = await load(
        emulator.server,
        gateway,
        { name: c.name, latencyMs: c.latencyMs, connections: c.connections, bodies },
        LOAD_SECONDS,
      );
      if (gateway.name === 'sipgraph') entry.predictedCalls = predictedCalls;
      entry[gateway.name] = {
        ...figures,
        ofCeiling: entry.ceiling === null ? null : round(figures.rps / entry.ceiling),
      };
    }
    entry.naiveCalls = entry.naive!.upstreamCalls;
    results.push(entry);
  }
  printCases(results);
  printRatios(results);
  for (const r of results.filter((r) => r.firstTouch))
    console.log(
      `${r.name}, sipgraph's first query to a domain it had not seen: predicted ${r.firstTouch!.predictedCalls ?? 'n/a'}, made ${r.firstTouch!.calls} calls\n`,
    );

  const added = await overhead(baseUrl, gateways[0]!);
  console.log(
    `overhead (one vendor call): direct p50 ${added.directP50} ms, through sipgraph ${added.gatewayP50} ms, added ${added.addedP50} ms\n`,
  );

  for (const gateway of gateways) await gateway.stop();

  const cached = await startSipgraph(baseUrl, { cache: true });
  const nested = { name: 'cache', latencyMs: 0, connections: CONNECTIONS, bodies: [cached.query('nested')] };
  const withCache = await load(emulator.server, cached, nested, LOAD_SECONDS);
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
    settings: {
      loadSeconds: LOAD_SECONDS,
      connections: CONNECTIONS,
      seed: SEED,
      gatewayNode: runtime.node,
      gatewayNodeOptions: runtime.nodeOptions,
    },
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
