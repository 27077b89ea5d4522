/**
 * What the bench measures of one gateway: upstream calls and rounds of one query (from the
 * emulator's request log), sipgraph's own prediction of them (`explain`), and the figures of a
 * load run (autocannon) with the gateway process's CPU and peak memory from /proc.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { request } from 'undici';
import { countRounds, type EmulatorServer } from '../src/emulators/shared/harness.js';
import { API_KEY, AUTH, type Gateway, type QueryBody } from './gateways.js';

export const PROBE_LATENCY_MS = 20;

export interface Figures {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  cpuMsPerQuery: number;
  upstreamCalls: number;
  rounds: number;
  peakRssMb: number;
  /**
   * Upstream calls per query when as many requests as the case has connections arrive at once (the
   * vendor 20 ms away): below `upstreamCalls` when the gateway shares reads in flight.
   */
  concurrentCallsPerQuery: number;
  /** Answers during the load run that were not 2xx or carried GraphQL errors (still counted in req/s). */
  failedResponses: number;
}

export interface LoadCase {
  name: string;
  latencyMs: number;
  connections: number;
  /** One body per request in turn; more than one: every request in flight asks something else. */
  bodies: QueryBody[];
}

export const round = (n: number) => Math.round(n * 100) / 100;

// ---- process probes (Linux /proc): a gateway's own CPU time and peak memory

export function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

export function peakRssMb(pid: number): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Math.round(Number(match[1]) / 1024) : 0;
}

/** Starts the peak-RSS mark again from the current RSS (Linux `clear_refs` 5), so a case's peak is its own. */
function resetPeakRss(pid: number): void {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    // an older kernel: the peak stays the process's lifetime peak
  }
}

// ---- one query

async function postJson(url: string, body: unknown): Promise<any> {
  const { body: response } = await request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': API_KEY },
    body: JSON.stringify(body),
  });
  return response.json();
}

export async function post(url: string, body: unknown): Promise<any> {
  const json = await postJson(url, body);
  if (json.errors) throw new Error(`query failed: ${JSON.stringify(json.errors).slice(0, 300)}`);
  return json;
}

/**
 * sipgraph's prediction of the vendor calls of `body`, asked as a dry run (no vendor is called);
 * null when the gateway does not answer `extensions.explain`.
 */
async function predictCalls(gateway: Gateway, body: QueryBody): Promise<number | null> {
  if (!gateway.explains) return null;
  const json = await postJson(gateway.url, { ...body, extensions: { explain: 'dry-run' } });
  const calls = json?.extensions?.explain?.calls;
  return typeof calls === 'number' ? calls : null;
}

/** Waits until the vendor has seen no request for a while: the previous load's stragglers are done. */
async function quiet(emulator: EmulatorServer): Promise<void> {
  for (let seen = -1; seen !== emulator.requests.length;) {
    seen = emulator.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/**
 * Calls and rounds of one query, with the vendor 20 ms away, after the same query once, as in the
 * steady state of the case (the gateway has learnt what it learns from traffic; the distinct case
 * asks each domain again every lap); the gateway's prediction of those calls; then the calls per
 * query of one request per connection sent at once.
 */
export async function probe(
  emulator: EmulatorServer,
  gateway: Gateway,
  run: LoadCase,
): Promise<{ calls: number; rounds: number; predictedCalls: number | null; concurrentCallsPerQuery: number }> {
  const { bodies } = run;
  const measured = bodies[0]!;
  await quiet(emulator);
  const saved = emulator.latencyMs;
  emulator.latencyMs = PROBE_LATENCY_MS;
  try {
    await post(gateway.url, measured);
    const predictedCalls = await predictCalls(gateway, measured);
    let mark = emulator.requests.length;
    await post(gateway.url, measured);
    const calls = emulator.since(mark);
    mark = emulator.requests.length;
    const burst = Array.from({ length: run.connections }, (_, i) => bodies[i % bodies.length]!);
    const answers = await Promise.all(burst.map((body) => postJson(gateway.url, body).catch((error: Error) => error)));
    // A gateway that fails some of a burst still made its calls: counted, and said.
    const failed = answers.filter((a) => a instanceof Error || a?.errors).length;
    if (failed > 0)
      console.warn(`  ! ${run.name} ${gateway.name}: ${failed} of ${burst.length} requests sent at once failed`);
    const concurrentCallsPerQuery = round(emulator.since(mark).length / burst.length);
    return {
      calls: calls.length,
      rounds: countRounds(calls, PROBE_LATENCY_MS),
      predictedCalls,
      concurrentCallsPerQuery,
    };
  } finally {
    emulator.latencyMs = saved;
  }
}

/**
 * The first query the gateway sees for a domain: what it predicted (dry run) and the calls it made.
 * Its list counts for the domain are unknown then, so the prediction can only be an estimate.
 */
export async function firstTouch(
  emulator: EmulatorServer,
  gateway: Gateway,
  body: QueryBody,
): Promise<{ predictedCalls: number | null; calls: number }> {
  await quiet(emulator);
  const predictedCalls = await predictCalls(gateway, body);
  const mark = emulator.requests.length;
  await post(gateway.url, body);
  return { predictedCalls, calls: emulator.since(mark).length };
}

// ---- load

export async function load(
  emulator: EmulatorServer,
  gateway: Gateway,
  run: LoadCase,
  seconds: number,
): Promise<Figures & { predictedCalls: number | null }> {
  const { calls, rounds, predictedCalls, concurrentCallsPerQuery } = await probe(emulator, gateway, run);
  emulator.latencyMs = run.latencyMs;
  let next = 0;
  const encoded = run.bodies.map((b) => JSON.stringify(b));
  resetPeakRss(gateway.pid);
  const cpuBefore = cpuMs(gateway.pid);
  const result = await autocannon({
    url: gateway.url,
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': API_KEY },
    body: encoded[0],
    // A body per request, in turn across all connections: requests in flight together differ.
    ...(encoded.length > 1 && {
      requests: [{ setupRequest: (req: object) => ({ ...req, body: encoded[next++ % encoded.length] }) }],
    }),
    connections: run.connections,
    duration: seconds,
    // An answer with GraphQL errors is counted by autocannon like any other: counted here, and said.
    verifyBody: (body: string) => !body.includes('"errors":'),
  });
  const cpuAfter = cpuMs(gateway.pid);
  const peak = peakRssMb(gateway.pid);
  emulator.latencyMs = 0;
  emulator.clearLog();
  const total = Math.max(1, result.requests.total);
  if (result.non2xx > 0 || result.errors > 0 || result.mismatches > 0)
    console.warn(
      `  ! ${run.name} ${gateway.name}: ${result.non2xx} non-2xx, ${result.errors} socket errors, ${result.mismatches} with GraphQL errors`,
    );
  return {
    rps: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    cpuMsPerQuery: round((cpuAfter - cpuBefore) / total),
    upstreamCalls: calls,
    rounds,
    peakRssMb: peak,
    concurrentCallsPerQuery,
    failedResponses: result.non2xx + result.mismatches,
    predictedCalls,
  };
}

/** Load that is not measured: the gateway's JIT and pools warm before the first case counts. */
export async function warmUp(gateway: Gateway, body: QueryBody, seconds: number): Promise<void> {
  await autocannon({
    url: gateway.url,
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': API_KEY },
    body: JSON.stringify(body),
    connections: 10,
    duration: seconds,
  });
}

// ---- overhead of a 1:1 query

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** p50 added by the gateway to a query that is exactly one vendor call. */
export async function overhead(
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
