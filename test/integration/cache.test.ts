/**
 * The cross-request read cache: a repeated query costs no vendor call, a mutation makes the next
 * read go to the vendor again, and with Redis two replicas share both the answers and the
 * invalidation.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { randomUUID } from 'node:crypto';
import { startGateway, startStack, type Stack } from '../helpers/stack.js';
import { startTestRedis, type TestRedis } from '../helpers/redis.js';

const USERS = `query($d: ID!) { domain(id: $d) { users(first: 5) { nodes { id displayName } } } }`;

async function infinityDomain(gql: Stack['gql']): Promise<string> {
  const { data } = await gql<{ domains: Array<{ id: string }> }>('{ domains(vendor: INFINITY) { id } }');
  return data!.domains[0]!.id;
}

describe('in memory', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack({ cache: { enabled: true, ttlSeconds: 60 } });
  });
  after(() => stack.stop());

  test('a repeated read is served from the cache; a mutation invalidates it', async () => {
    const d = await infinityDomain(stack.gql);
    const first = await stack.counting(() => stack.gql(USERS, { d }));
    assert.equal(first.calls.infinity?.length, 1);
    const second = await stack.counting(() => stack.gql(USERS, { d }));
    assert.equal(second.calls.infinity?.length, 0, 'served from the cache');
    assert.deepEqual(second.result.data, first.result.data);

    const user = (first.result.data as any).domain.users.nodes[0];
    await stack.gql(`mutation($id: ID!) { updateUser(id: $id, input: {displayName: "Cached No More"}) { id } }`, {
      id: user.id,
    });
    const third = await stack.counting(() => stack.gql(USERS, { d }));
    assert.equal(third.calls.infinity?.length, 1, 'the write invalidated the domain');
    assert.equal((third.result.data as any).domain.users.nodes[0].displayName, 'Cached No More');
    const stats = stack.gateway.cacheStats();
    assert.ok(stats && stats.hits >= 1 && stats.misses >= 2, JSON.stringify(stats));
  });
});

describe('in Redis, shared by two replicas', () => {
  let stack: Stack;
  let redis: TestRedis | { unavailable: string };
  before(async () => {
    redis = await startTestRedis();
    stack = await startStack();
  });
  after(async () => {
    await stack.stop();
    if ('stop' in redis) await redis.stop();
  });

  test("replica B is served what replica A read; B's write makes A read the vendor again", async (t) => {
    if ('unavailable' in redis) {
      t.skip(redis.unavailable);
      return;
    }
    const cache = { enabled: true, ttlSeconds: 60, redisUrl: redis.url };
    // Other test runs share this Redis: a prefix of this run's own keeps their answers out.
    const redisSettings = { ...stack.demo.settings.redis, keyPrefix: `t${randomUUID().slice(0, 8)}:` };
    const a = await startGateway({ ...stack.demo.settings, cache, redis: redisSettings });
    const b = await startGateway({ ...stack.demo.settings, cache, redis: redisSettings });
    try {
      const d = await infinityDomain(a.gql);
      const viaA = await stack.counting(() => a.gql(USERS, { d }));
      assert.equal(viaA.calls.infinity?.length, 1);
      const viaB = await stack.counting(() => b.gql(USERS, { d }));
      assert.equal(viaB.calls.infinity?.length, 0, 'B is served from the shared cache');
      assert.deepEqual(viaB.result.data, viaA.result.data);

      const user = (viaA.result.data as any).domain.users.nodes[1];
      await b.gql(`mutation($id: ID!) { updateUser(id: $id, input: {displayName: "Written on B"}) { id } }`, {
        id: user.id,
      });
      const again = await stack.counting(() => a.gql(USERS, { d }));
      assert.equal(again.calls.infinity?.length, 1, "A does not serve B's stale answer");
      assert.equal((again.result.data as any).domain.users.nodes[1].displayName, 'Written on B');
    } finally {
      await a.gateway.stop();
      await b.gateway.stop();
    }
  });
});
