/**
 * The per-connection limit shared by replicas through a real Redis (src/http/shared-slots.ts): two
 * gateways over one vendor keep at most `maxConcurrency` calls in flight together, where each alone
 * would have that many; a crashed replica's slots come back when their leases expire; with Redis
 * unreachable a call takes a local slot at once instead of waiting.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, test } from 'node:test';
import type { Settings } from '../../src/config.js';
import { startDemo, type Demo } from '../../src/demo.js';
import type { EmulatorServer } from '../../src/emulators/shared/harness.js';
import type { Lease } from '../../src/http/fair-queue.js';
import { RedisSlots } from '../../src/http/shared-slots.js';
import { silentLogger } from '../../src/log.js';
import { registry } from '../../src/observability/metrics.js';
import { createSharedRedis, type SharedRedis } from '../../src/redis.js';
import { startTestRedis, type TestRedis } from '../helpers/redis.js';
import { startGateway } from '../helpers/stack.js';

const LIMIT = 3;
let redis: TestRedis | undefined;
let skip: string | undefined;
let demo: Demo;
let infinity: EmulatorServer;
let domainId: string;

function largeQuery(pages: number, from: number): string {
  const fields = Array.from({ length: pages }, (_, i) => `p${i}: users(first: ${from + i}) { nodes { id } }`);
  return `query($id: ID!) { domain(id: $id) { ${fields.join(' ')} } }`;
}

function replicaSettings(redisSettings?: Settings['redis']): Settings {
  const connections = demo.settings.connections.map((c) =>
    c.kind === 'infinity' ? { ...c, maxConcurrency: LIMIT } : c,
  );
  return { ...demo.settings, connections, ...(redisSettings ? { redis: redisSettings } : {}) } as Settings;
}

/**
 * Two replicas, each sending two large queries at once, the calls held at the vendor until every
 * call not held is waiting for a slot on one replica or the other: how many were held then, and the
 * vendor's peak of concurrent calls over the whole run.
 */
async function twoReplicas(held: number, redisSettings?: Settings['redis']): Promise<{ held: number; peak: number }> {
  const replicas = [
    await startGateway(replicaSettings(redisSettings)),
    await startGateway(replicaSettings(redisSettings)),
  ];
  try {
    infinity.resetPeak();
    const hold = infinity.hold({ method: 'GET', pathPrefix: '/config/v2/sip/domains/1/' });
    const froms = [1, 21, 41, 61];
    const answers = Promise.all(froms.map((from, i) => replicas[i % 2]!.gql(largeQuery(20, from), { id: domainId })));
    await hold.arrived(held);
    while ((await queuedCalls()) < froms.length * 20 - held) await sleep(5);
    const heldThen = hold.held();
    hold.release();
    for (const answer of await answers) assert.equal(answer.errors, undefined, JSON.stringify(answer.errors));
    return { held: heldThen, peak: infinity.peakInFlight };
  } finally {
    for (const replica of replicas) await replica.gateway.stop();
  }
}

async function queuedCalls(): Promise<number> {
  const metric = await registry.getSingleMetric('sipgraph_upstream_queued_calls')?.get();
  return (metric?.values ?? []).reduce((sum, v) => sum + v.value, 0);
}

before(async () => {
  const started = await startTestRedis();
  if ('unavailable' in started) skip = started.unavailable;
  else redis = started;
  demo = await startDemo({ latencyMs: 30 });
  infinity = demo.emulators.infinity!;
  const probe = await startGateway(demo.settings);
  domainId = ((await probe.gql('{ domains(vendor: INFINITY) { id } }')).data as any).domains[0].id;
  await probe.gateway.stop();
});
after(async () => {
  await demo.stop();
  await redis?.stop();
});

test('two replicas without Redis reach 2 × the limit together; sharing one Redis, never more than the limit', async (t) => {
  if (skip) return t.skip(skip);
  const alone = await twoReplicas(2 * LIMIT);
  assert.deepEqual(alone, { held: 2 * LIMIT, peak: 2 * LIMIT }, 'each replica alone fills its own limit');
  const shared = { url: redis!.url, keyPrefix: `test-${randomUUID()}:` };
  const together = await twoReplicas(LIMIT, shared);
  assert.deepEqual(together, { held: LIMIT, peak: LIMIT }, 'with every other call waiting, they keep the one limit');
});

test(
  "a crashed replica's leases come back after their TTL; a released lease is free at once",
  { timeout: 10_000 },
  async (t) => {
    if (skip) return t.skip(skip);
    const shared = createSharedRedis(redis!.url, `test-${randomUUID()}:`, silentLogger);
    await shared.ready(2_000);
    // timeoutMs 100: a lease lives 2 × 100 + 1000 ms.
    const crashed = new RedisSlots(shared, 'intercom', 2, 100, silentLogger);
    const survivor = new RedisSlots(shared, 'intercom', 2, 100, silentLogger);
    try {
      const taken = [await crashed.tryAcquire(), await crashed.tryAcquire()];
      assert.ok(taken.every(Boolean), 'both slots taken');
      crashed.close(); // never releases: as if the process died
      assert.equal(await survivor.tryAcquire(), undefined, 'no slot while the leases live');
      let refusals = 0;
      let lease: Lease | undefined;
      while (!(lease = await survivor.tryAcquire())) {
        refusals += 1;
        await survivor.freed();
      }
      assert.ok(refusals >= 1, 'it had to wait for the expiry');
      // The crashed replica took its leases one Redis round apart, so the other expires that much later
      // (the test's timeout fails it if it never comes back).
      while (!(await survivor.tryAcquire())) await survivor.freed();
      assert.equal(await survivor.tryAcquire(), undefined, 'and the limit still holds');
      const woken = survivor.freed();
      lease.release();
      await woken;
      assert.ok(await survivor.tryAcquire(), 'the released slot is taken again');
    } finally {
      survivor.close();
      await shared.close();
    }
  },
);

test('Redis unreachable: a call takes a local slot at once, counted as a fallback', async (t) => {
  if (skip) return t.skip(skip);
  const dead: SharedRedis = createSharedRedis('redis://127.0.0.1:1', 'test:', silentLogger);
  const slots = new RedisSlots(dead, 'down', 1, 1_000, silentLogger);
  try {
    const before = await fallbacks();
    const leases = [await slots.tryAcquire(), await slots.tryAcquire()];
    assert.ok(leases.every(Boolean), 'local slots (the fair queue caps them at the limit per replica)');
    assert.equal((await fallbacks()) - before, 2);
  } finally {
    slots.close();
    await dead.close();
  }
});

async function fallbacks(): Promise<number> {
  const metric = await registry.getSingleMetric('sipgraph_upstream_shared_limit_fallbacks_total')?.get();
  return (metric?.values ?? []).reduce((sum, v) => sum + v.value, 0);
}
