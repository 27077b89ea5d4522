/**
 * The per-connection limit and its fair queue (src/http/fair-queue.ts), over real sockets: the
 * vendor never sees more than `maxConcurrency` calls at once from one gateway; a small query that
 * arrives while a large one's calls are queued is served within the next few slots, not after all
 * of them (read from the ORDER of calls in the emulator's log); a waiter whose request times out or
 * whose client hangs up leaves the queue and does not count against the breaker.
 */
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, test } from 'node:test';
import type { Settings } from '../../src/config.js';
import { startDemo, type Demo } from '../../src/demo.js';
import type { EmulatorServer } from '../../src/emulators/shared/harness.js';
import { upstreamHealth } from '../../src/http/transport.js';
import { registry } from '../../src/observability/metrics.js';
import { adminKeyOf, callerHeaders, startGateway } from '../helpers/stack.js';

const LATENCY_MS = 50;
let demo: Demo;
let infinity: EmulatorServer;
let domainIds: string[];

/** One call per alias: `users(first: k)` pages of distinct sizes are distinct vendor calls. */
function largeQuery(pages: number, from = 1): string {
  const fields = Array.from({ length: pages }, (_, i) => `p${i}: users(first: ${from + i}) { nodes { id } }`);
  return `query($id: ID!) { domain(id: $id) { ${fields.join(' ')} } }`;
}

function withInfinity(extra: Record<string, unknown>, upstream?: Settings['upstream']): Settings {
  const connections = demo.settings.connections.map((c) => (c.kind === 'infinity' ? { ...c, ...extra } : c));
  return { ...demo.settings, connections, ...(upstream ? { upstream } : {}) } as Settings;
}

async function gauge(name: string): Promise<number> {
  const metric = await registry.getSingleMetric(name)?.get();
  return (metric?.values ?? []).filter((v) => v.labels.connection === 'infinity').reduce((s, v) => s + v.value, 0);
}

/** Requests that reached the emulator since `mark`: answered (logged) or being handled. */
const arrivedSince = (mark: number): number => infinity.requests.length - mark + infinity.inProgress;

before(async () => {
  demo = await startDemo({ latencyMs: LATENCY_MS });
  infinity = demo.emulators.infinity!;
  const probe = await startGateway(demo.settings);
  const answer = await probe.gql('{ domains(vendor: INFINITY) { id } }');
  domainIds = (answer.data as any).domains.map((d: any) => d.id);
  await probe.gateway.stop();
});
after(() => demo.stop());

test('three large queries at once: the vendor never sees more than maxConcurrency (3) calls together', async () => {
  const { gateway, gql } = await startGateway(withInfinity({ maxConcurrency: 3 }));
  try {
    const mark = infinity.requests.length;
    infinity.resetPeak();
    const answers = await Promise.all([1, 26, 51].map((from) => gql(largeQuery(25, from), { id: domainIds[0] })));
    for (const answer of answers) assert.equal(answer.errors, undefined, JSON.stringify(answer.errors));
    assert.ok(infinity.since(mark).length >= 75, `${infinity.since(mark).length} calls`);
    assert.equal(infinity.peakInFlight, 3, 'the limit is reached and never passed');
  } finally {
    await gateway.stop();
  }
});

test('a small query arriving behind a large one is served within the next few slots', async () => {
  const maxConcurrency = 2;
  const { gateway, gql } = await startGateway(withInfinity({ maxConcurrency }));
  try {
    const mark = infinity.requests.length;
    // The large query's first calls are held at the vendor: the rest of it stays queued until release.
    const hold = infinity.hold({ method: 'GET', pathPrefix: '/config/v2/sip/domains/1/' });
    const large = gql(largeQuery(25), { id: domainIds[0] });
    await hold.arrived(maxConcurrency);
    while ((await gauge('sipgraph_upstream_queued_calls')) < 1) await sleep(2);
    const arrivedBefore = arrivedSince(mark);
    const small = gql('query($id: ID!) { domain(id: $id) { displayName } }', { id: domainIds[1] });
    const largeQueued = await gauge('sipgraph_upstream_queued_calls');
    while ((await gauge('sipgraph_upstream_queued_calls')) < largeQueued + 1) await sleep(2);
    hold.release();
    assert.equal((await small).errors, undefined);
    assert.equal((await large).errors, undefined);
    const order = infinity.since(mark).sort((a, b) => a.startedAt - b.startedAt);
    const smallAt = order.findIndex((r) => r.path === '/config/v2/sip/domains/2');
    assert.ok(smallAt >= 0, 'the small query reached the vendor');
    const largeCalls = order.filter((r) => r.path.startsWith('/config/v2/sip/domains/1/')).length;
    assert.ok(largeCalls >= 25, `${largeCalls} large calls`);
    // FIFO would serve it after every large call; round-robin after the calls already out plus one turn.
    assert.ok(
      smallAt <= arrivedBefore + maxConcurrency,
      `served ${smallAt}th of ${order.length}, ${arrivedBefore} calls were at the vendor when it was asked`,
    );
  } finally {
    await gateway.stop();
  }
});

test('waiters cut by their request deadline leave the queue without opening the breaker', async () => {
  const breaker = { failureThreshold: 2, windowMs: 60_000, openMs: 60_000 };
  const settings = withInfinity({ maxConcurrency: 1, breaker, dedupeReads: false }, { requestTimeoutMs: 400 });
  const { gateway, gql } = await startGateway(settings);
  try {
    const mark = infinity.requests.length;
    // 25 calls one at a time at 50 ms each cannot fit in 400 ms: most are still queued at the deadline.
    const answer = await gql(largeQuery(25), { id: domainIds[0] });
    assert.ok(answer.errors && answer.errors.length > 0, 'the request ran out of time');
    while (infinity.inProgress > 0) await sleep(5);
    const sent = infinity.since(mark).length;
    assert.ok(sent < 20, `${sent} calls reached the vendor: the rest left the queue`);
    assert.equal(await gauge('sipgraph_upstream_queued_calls'), 0, 'nobody is left waiting');
    const health = upstreamHealth().find((h) => h.connection === 'infinity')!;
    assert.equal(health.breaker.state, 'closed');
    assert.ok(
      health.breaker.recentFailures <= 1,
      `${health.breaker.recentFailures}: at most the call cut at the vendor`,
    );
    assert.equal((await gql('{ domains(vendor: INFINITY) { id } }')).errors, undefined, 'the connection still serves');
  } finally {
    await gateway.stop();
  }
});

test('a waiter whose client hangs up leaves the queue at once; the vendor never sees its call', async () => {
  const breaker = { failureThreshold: 1, windowMs: 60_000, openMs: 60_000 };
  const { gateway, url, gql } = await startGateway(withInfinity({ maxConcurrency: 1, breaker }));
  try {
    const mark = infinity.requests.length;
    const hold = infinity.hold({ method: 'GET', pathPrefix: '/config/v2/sip/domains/2', exact: true });
    const holder = gql('query($id: ID!) { domain(id: $id) { displayName } }', { id: domainIds[1] });
    await hold.arrived(1);
    const leaving = new AbortController();
    const body = JSON.stringify({ query: '{ domain(id: "' + domainIds[0] + '") { displayName } }' });
    const headers = callerHeaders(adminKeyOf(demo.settings));
    const gone = fetch(url, { method: 'POST', headers, body, signal: leaving.signal }).catch(() => 'hung up');
    while ((await gauge('sipgraph_upstream_queued_calls')) < 1) await sleep(2);
    leaving.abort();
    assert.equal(await gone, 'hung up');
    while ((await gauge('sipgraph_upstream_queued_calls')) > 0) await sleep(2);
    assert.equal(hold.held(), 1, 'it left while the only slot was still taken');
    hold.release();
    assert.equal((await holder).errors, undefined);
    const calls = infinity.since(mark).map((r) => r.path);
    assert.deepEqual(calls, ['/config/v2/sip/domains/2'], 'only the holder reached the vendor');
    const health = upstreamHealth().find((h) => h.connection === 'infinity')!;
    assert.deepEqual([health.breaker.state, health.breaker.recentFailures], ['closed', 0]);
  } finally {
    await gateway.stop();
  }
});
