/**
 * Idempotency keys over real HTTP: duplicates (concurrent or late, through one gateway or two
 * processes sharing one real redis-server) cause exactly one vendor write, counted from the
 * Infinity emulator's request log.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { startDemo, type Demo } from '../../src/demo.js';
import {
  postGql,
  spawnGateway,
  tempJournalPath,
  writeTempConfig,
  type ChildGateway,
} from '../helpers/child-gateway.js';
import { startTestRedis, type TestRedis } from '../helpers/redis.js';
import { startGateway, startStack, type Stack } from '../helpers/stack.js';

const CREATE_USER = `mutation($d: ID!, $name: String!, $ext: Extension!) {
  createUser(input: {domainId: $d, userName: $name, password: "S3cret!pass", displayName: "Idem", extension: $ext}) { id userName }
}`;

function userWrites(demo: Demo, mark: number): number {
  return demo.emulators
    .infinity!.since(mark)
    .filter((r) => r.method === 'POST' && /\/domains\/[^/]+\/users$/.test(r.path)).length;
}

async function firstDomainId(gql: Stack['gql']): Promise<string> {
  const result = await gql<{ domains: Array<{ id: string; vendor: string }> }>(`{ domains { id vendor } }`);
  return result.data!.domains.find((d) => d.vendor === 'INFINITY')!.id;
}

describe('idempotency keys on one gateway (records in memory)', () => {
  let stack: Stack;
  let domainId: string;
  before(async () => {
    stack = await startStack();
    domainId = await firstDomainId(stack.gql);
  });
  after(() => stack.stop());

  test('five concurrent duplicates with one Idempotency-Key make one vendor write and get one answer', async () => {
    const key = randomUUID();
    const mark = stack.demo.emulators.infinity!.requests.length;
    const variables = { d: domainId, name: 'idem.concurrent', ext: '7801' };
    const responses = await Promise.all(
      Array.from({ length: 5 }, () =>
        fetch(stack.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${stack.demo.keys.admin}`,
            'idempotency-key': key,
          },
          body: JSON.stringify({ query: CREATE_USER, variables }),
        }),
      ),
    );
    const bodies = await Promise.all(
      responses.map((r) => r.json() as Promise<{ data: { createUser: { id: string } } }>),
    );
    assert.equal(userWrites(stack.demo, mark), 1, 'one POST /users reached the vendor');
    assert.equal(new Set(bodies.map((b) => JSON.stringify(b))).size, 1, 'every duplicate got the first answer');
    assert.ok(bodies[0]!.data.createUser.id);
    assert.equal(responses.filter((r) => r.headers.get('idempotency-replayed') === 'true').length, 4);
  });

  test('the same key with a different input is IDEMPOTENCY_KEY_REUSED and writes nothing', async () => {
    const key = randomUUID();
    const first = await stack.gql(
      `mutation($d: ID!) { createTrustedNetwork(input: {domainId: $d, network: "10.77.0.0/24"}, idempotencyKey: "${key}") { id } }`,
      { d: domainId },
    );
    assert.equal(first.errors, undefined, JSON.stringify(first.errors));
    const mark = stack.demo.emulators.infinity!.requests.length;
    const again = await stack.gql(
      `mutation($d: ID!) { createTrustedNetwork(input: {domainId: $d, network: "10.77.0.0/24"}, idempotencyKey: "${key}") { id } }`,
      { d: domainId },
    );
    assert.deepEqual(again, first, 'the argument key replays the first result');
    const other = await stack.gql(
      `mutation($d: ID!) { createTrustedNetwork(input: {domainId: $d, network: "10.78.0.0/24"}, idempotencyKey: "${key}") { id } }`,
      { d: domainId },
    );
    assert.equal(other.errors?.[0]?.extensions?.code, 'IDEMPOTENCY_KEY_REUSED');
    assert.equal(
      stack.demo.emulators.infinity!.since(mark).length,
      0,
      'no vendor call for the replay nor for the reuse',
    );
  });

  test('an answer that proves nothing was written (VENDOR_UNAVAILABLE) releases the key: the retry writes once', async () => {
    const key = randomUUID();
    const infinity = stack.demo.emulators.infinity!;
    const variables = { d: domainId, name: 'idem.released', ext: '7802' };
    infinity.injectFault({
      kind: 'status',
      status: 503,
      method: 'POST',
      pathPrefix: '/config/v2/sip/domains/',
      times: 1,
    });
    const mark = infinity.requests.length;
    const refused = await stack.gql(
      CREATE_USER.replace('createUser(', `createUser(idempotencyKey: "${key}", `),
      variables,
    );
    assert.equal(refused.errors?.[0]?.extensions?.code, 'VENDOR_UNAVAILABLE', JSON.stringify(refused.errors));
    const retry = await stack.gql(
      CREATE_USER.replace('createUser(', `createUser(idempotencyKey: "${key}", `),
      variables,
    );
    assert.equal(retry.errors, undefined, JSON.stringify(retry.errors));
    const posts = infinity.since(mark).filter((r) => r.method === 'POST' && r.path.endsWith('/users'));
    assert.deepEqual(
      posts.map((r) => r.status),
      [503, 201],
    );
  });
});

describe('idempotency keys across two gateway processes on one redis-server', () => {
  let redis: TestRedis | undefined;
  let skip: string | undefined;
  let demo: Demo;
  let local: Awaited<ReturnType<typeof startGateway>>;
  let remote: ChildGateway;
  let domainId: string;

  before(async () => {
    const started = await startTestRedis();
    if ('unavailable' in started) {
      skip = started.unavailable;
      return;
    }
    redis = started;
    demo = await startDemo();
    const keyPrefix = `idemtest${randomUUID().slice(0, 8)}:`;
    local = await startGateway({ ...demo.settings, redis: { url: redis.url, keyPrefix } });
    const config = {
      ...demo.configFile.config,
      server: { host: '127.0.0.1', port: 0 },
      log: { level: 'warn' },
      redis: { url: { env: 'TEST_REDIS_URL' }, keyPrefix },
      durability: { journal: { path: tempJournalPath() } },
    };
    remote = await spawnGateway(
      writeTempConfig(config),
      { ...demo.configFile.env, TEST_REDIS_URL: redis.url },
      demo.keys.admin,
    );
    domainId = await firstDomainId(local.gql);
  });
  after(async () => {
    remote?.child.kill('SIGTERM');
    await remote?.exited;
    await local?.gateway.stop();
    await demo?.stop();
    await redis?.stop();
  });

  test('duplicates sent at once to both replicas, then a late retry to the other one: one vendor write', async (t) => {
    if (skip) return t.skip(skip);
    const key = randomUUID();
    const variables = { d: domainId, name: 'idem.replicas', ext: '7803' };
    const mark = demo.emulators.infinity!.requests.length;
    const answers = await Promise.all([
      postGql(local.url, demo.keys.admin, CREATE_USER, variables, { 'idempotency-key': key }),
      postGql(remote.url, demo.keys.admin, CREATE_USER, variables, { 'idempotency-key': key }),
      postGql(local.url, demo.keys.admin, CREATE_USER, variables, { 'idempotency-key': key }),
      postGql(remote.url, demo.keys.admin, CREATE_USER, variables, { 'idempotency-key': key }),
    ]);
    const late = await postGql(remote.url, demo.keys.admin, CREATE_USER, variables, { 'idempotency-key': key });
    assert.equal(userWrites(demo, mark), 1, 'writes doubled: 0');
    for (const answer of [...answers, late]) assert.deepEqual(answer, answers[0]);
    assert.ok(answers[0]!.data, JSON.stringify(answers[0]));
    const reused = await postGql(
      remote.url,
      demo.keys.admin,
      CREATE_USER,
      { ...variables, ext: '7804' },
      { 'idempotency-key': key },
    );
    assert.equal(reused.errors?.[0]?.extensions?.code, 'IDEMPOTENCY_KEY_REUSED');
  });
});
