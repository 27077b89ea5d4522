/**
 * Two gateway processes on one real Redis, as N replicas behind a load balancer: what one learned
 * (a persisted query) the other knows, and a trusted-documents refusal is the same on both.
 */
import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { Redis } from 'ioredis';
import { startDemo, type Demo } from '../../src/demo.js';
import { startReplica, writeTempFile, type Replica } from '../helpers/replica.js';
import { startTestRedis, type TestRedis } from '../helpers/redis.js';

const KEY = `replica-test-${randomUUID()}`;
const TRUSTED = 'query TrustedDomains { domains { name vendor } }';
const UNTRUSTED = 'query Anything { domains { id name } }';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

let demo: Demo;
let redis: TestRedis | { unavailable: string };
let manifest: string;

function configFor(prefix: string, trusted: boolean): Record<string, unknown> {
  const infinity = demo.settings.connections.find((c) => c.kind === 'infinity')!;
  return {
    server: { host: '127.0.0.1', port: 0 },
    log: { level: 'warn' },
    redis: { url: { env: 'REDIS_URL' }, keyPrefix: prefix },
    auth: { apiKeys: [{ id: 'replica-admin', key: { env: 'REPLICA_TEST_KEY' }, admin: true }] },
    trustedDocuments: trusted ? { enabled: true, manifest } : { enabled: false },
    connections: [
      {
        kind: 'infinity',
        name: 'infinity',
        baseUrl: infinity.baseUrl,
        auth: { type: 'basic', username: { env: 'INF_USER' }, password: { env: 'INF_PASSWORD' } },
      },
    ],
  };
}

async function pair(trusted: boolean): Promise<{ prefix: string; a: Replica; b: Replica }> {
  const infinity = demo.settings.connections.find((c) => c.kind === 'infinity')!;
  const auth = infinity.kind === 'infinity' && infinity.auth.type === 'basic' ? infinity.auth : undefined;
  const env = {
    REDIS_URL: (redis as TestRedis).url,
    REPLICA_TEST_KEY: KEY,
    INF_USER: auth!.username,
    INF_PASSWORD: auth!.password,
  };
  const prefix = `replicas-${randomUUID().slice(0, 8)}:`;
  const [a, b] = await Promise.all([
    startReplica(configFor(prefix, trusted), env),
    startReplica(configFor(prefix, trusted), env),
  ]);
  return { prefix, a, b };
}

async function post(replica: Replica, body: Record<string, unknown>): Promise<{ status: number; json: any }> {
  const response = await fetch(replica.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: await response.json() };
}

const byHash = (query: string) => ({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256(query) } } });

before(async () => {
  redis = await startTestRedis();
  demo = await startDemo();
  manifest = writeTempFile('manifest.json', JSON.stringify({ [sha256(TRUSTED)]: TRUSTED }));
});

after(async () => {
  await demo.stop();
  if ('stop' in redis) await redis.stop();
});

describe('two replicas, one Redis', () => {
  let apq: { prefix: string; a: Replica; b: Replica } | undefined;
  let strict: { prefix: string; a: Replica; b: Replica } | undefined;
  before(async () => {
    if ('unavailable' in redis) return;
    [apq, strict] = await Promise.all([pair(false), pair(true)]);
  });
  after(async () => {
    await Promise.all([apq?.a.stop(), apq?.b.stop(), strict?.a.stop(), strict?.b.stop()]);
  });

  test('a persisted query registered through A runs by its hash on B', async (t) => {
    if (!apq) return t.skip((redis as { unavailable: string }).unavailable);
    const query = `query Registered${randomUUID().slice(0, 8)} { domains { name } }`;
    const notYet = await post(apq.b, byHash(query));
    assert.equal(notYet.json.errors?.[0]?.extensions?.code, 'PERSISTED_QUERY_NOT_FOUND');

    const marks = demo.emulators.infinity!.requests.length;
    const registered = await post(apq.a, { query, ...byHash(query) });
    assert.equal(registered.json.errors, undefined, JSON.stringify(registered.json));
    const onB = await post(apq.b, byHash(query));
    assert.equal(onB.json.errors, undefined, JSON.stringify(onB.json));
    assert.deepEqual(onB.json.data, registered.json.data);
    assert.equal(demo.emulators.infinity!.since(marks).length, 2, 'A and B each asked the vendor once');

    const client = new Redis((redis as TestRedis).url);
    try {
      assert.equal(
        await client.get(`${apq.prefix}kv:apq:${sha256(query)}`),
        query,
        'the document is in the shared Redis',
      );
    } finally {
      client.disconnect();
    }
  });

  test('trusted documents: an unknown operation is refused the same way on both, before any vendor call', async (t) => {
    if (!strict) return t.skip((redis as { unavailable: string }).unavailable);
    const marks = demo.emulators.infinity!.requests.length;
    const onA = await post(strict.a, { query: UNTRUSTED });
    const onB = await post(strict.b, { query: UNTRUSTED });
    assert.equal(onA.status, 403, JSON.stringify(onA.json));
    assert.equal(onA.json.errors?.[0]?.extensions?.code, 'OPERATION_NOT_ALLOWED');
    // The same refusal, but each replica names its own request id (every error carries one).
    const withoutRequestId = (reply: typeof onA) => {
      const errors = reply.json.errors?.map((e: any) => {
        assert.match(String(e.extensions?.requestId), /^[\w-]{8,}$/);
        const { requestId: _requestId, ...extensions } = e.extensions ?? {};
        return { ...e, extensions };
      });
      return { status: reply.status, json: { ...reply.json, errors } };
    };
    assert.deepEqual(withoutRequestId(onB), withoutRequestId(onA));
    // Registering it as a persisted query is refused too, and no replica learns it.
    const register = await post(strict.a, { query: UNTRUSTED, ...byHash(UNTRUSTED) });
    assert.equal(register.json.errors?.[0]?.extensions?.code, 'OPERATION_NOT_ALLOWED');
    assert.equal((await post(strict.b, byHash(UNTRUSTED))).json.errors?.[0]?.extensions?.code, 'OPERATION_NOT_ALLOWED');
    const client = new Redis((redis as TestRedis).url);
    try {
      assert.equal(await client.exists(`${strict.prefix}kv:apq:${sha256(UNTRUSTED)}`), 0);
    } finally {
      client.disconnect();
    }
    // A document that does not even parse or validate is refused the same way: nothing of it is read.
    const invalid = await post(strict.b, { query: '{ domains { noSuchField } ' });
    assert.deepEqual(withoutRequestId(invalid).json, withoutRequestId(onA).json);
    assert.equal(demo.emulators.infinity!.since(marks).length, 0, 'refused before execution');

    const full = await post(strict.a, { query: TRUSTED });
    const hashOnly = await post(strict.b, byHash(TRUSTED));
    assert.equal(full.json.errors, undefined, JSON.stringify(full.json));
    assert.deepEqual(hashOnly.json, full.json, 'a manifest document runs by its hash alone on any replica');
    assert.equal(demo.emulators.infinity!.since(marks).length, 2);
  });
});
