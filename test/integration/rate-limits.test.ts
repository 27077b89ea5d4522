/**
 * Per-principal rate limits and vendor-call budgets (429 + Retry-After, RATE_LIMITED, no vendor
 * call), shared by two replicas through a real Redis; and a too-large body answered 413 on a
 * connection that is then closed.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { Settings } from '../../src/config.js';
import { startDemo, type Demo } from '../../src/demo.js';
import { callerHeaders, startGateway } from '../helpers/stack.js';
import { startTestRedis, type TestRedis } from '../helpers/redis.js';

let demo: Demo;
let redis: TestRedis | { unavailable: string };
before(async () => {
  demo = await startDemo();
  redis = await startTestRedis();
});
after(async () => {
  await demo.stop();
  if ('stop' in redis) await redis.stop();
});

function withLimits(rate: Settings['limits']['rate'], redisUrl?: string): Settings {
  const keyPrefix = `test-${randomUUID().slice(0, 8)}:`;
  return {
    ...demo.settings,
    limits: { ...demo.settings.limits, rate },
    redis: redisUrl ? { url: redisUrl, keyPrefix } : { keyPrefix },
  };
}

async function post(url: string, query: string): Promise<{ status: number; retryAfter: string | null; body: any }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: callerHeaders(demo.keys.admin),
    body: JSON.stringify({ query }),
  });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: await response.json() };
}

function vendorCalls(): number {
  return Object.values(demo.emulators).reduce((sum, server) => sum + server.requests.length, 0);
}

const CHEAP = '{ connections { name } }';
const USERS = '{ domains(vendor: INFINITY) { users(first: 5) { nodes { userName } } } }';

describe('per-principal limits', () => {
  test('the request after the per-minute allowance gets 429, Retry-After and RATE_LIMITED, and reaches no vendor', async () => {
    const { gateway, url } = await startGateway(withLimits({ requestsPerMinute: 3, vendorCallsPerMinute: 10_000 }));
    try {
      for (let i = 0; i < 3; i += 1) assert.equal((await post(url, CHEAP)).status, 200);
      const before = vendorCalls();
      const refused = await post(url, USERS);
      assert.equal(refused.status, 429);
      assert.equal(refused.body.errors[0].extensions.code, 'RATE_LIMITED');
      assert.ok(
        Number(refused.retryAfter) >= 1 && Number(refused.retryAfter) <= 20,
        `Retry-After ${refused.retryAfter}`,
      );
      assert.equal(vendorCalls(), before);
    } finally {
      await gateway.stop();
    }
  });

  test('a spent vendor-call budget refuses the next request until it refills', async () => {
    const { gateway, url } = await startGateway(withLimits({ requestsPerMinute: 1000, vendorCallsPerMinute: 2 }));
    try {
      const before = vendorCalls();
      const first = await post(url, USERS);
      assert.equal(first.status, 200, JSON.stringify(first.body));
      const spent = vendorCalls() - before;
      assert.ok(spent >= 2, `the first request made ${spent} calls`);
      const refused = await post(url, USERS);
      assert.equal(refused.status, 429);
      assert.equal(refused.body.errors[0].extensions.code, 'RATE_LIMITED');
      assert.equal(refused.body.errors[0].extensions.limit, 'vendorCalls');
      assert.ok(Number(refused.retryAfter) >= 1);
      assert.equal(vendorCalls() - before, spent, 'the refused request made no call');
    } finally {
      await gateway.stop();
    }
  });

  test('two replicas over one Redis share the allowance', async (t) => {
    if ('unavailable' in redis) {
      t.skip(redis.unavailable);
      return;
    }
    const settings = withLimits({ requestsPerMinute: 4, vendorCallsPerMinute: 10_000 }, redis.url);
    const a = await startGateway(settings);
    const b = await startGateway(settings);
    try {
      const statuses = [];
      for (const url of [a.url, b.url, a.url, b.url, a.url, b.url]) statuses.push((await post(url, CHEAP)).status);
      assert.deepEqual(statuses, [200, 200, 200, 200, 429, 429]);
    } finally {
      await a.gateway.stop();
      await b.gateway.stop();
    }
  });
});

describe('request body limit', () => {
  test('a body over the limit is answered 413 with Connection: close, and the socket is closed', async () => {
    const { gateway, url } = await startGateway({
      ...demo.settings,
      limits: { ...demo.settings.limits, maxBodyBytes: 4096 },
    });
    try {
      const { port } = new URL(url);
      for (const framing of ['length', 'chunked'] as const) {
        const socket = connect(Number(port), '127.0.0.1');
        let text = '';
        socket.on('data', (chunk) => (text += chunk.toString('latin1')));
        const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
        socket.on('error', () => {});
        const body = JSON.stringify({ query: `{ connections { name } } # ${'x'.repeat(10_000)}` });
        const head = framing === 'length' ? `content-length: ${body.length}` : 'transfer-encoding: chunked';
        socket.write(
          `POST /graphql HTTP/1.1\r\nhost: x\r\nauthorization: Bearer ${demo.keys.admin}\r\ncontent-type: application/json\r\n${head}\r\n\r\n`,
        );
        socket.write(framing === 'length' ? body : `${body.length.toString(16)}\r\n${body}\r\n0\r\n\r\n`);
        await closed;
        assert.match(text, /^HTTP\/1\.1 413 /, framing);
        assert.match(text, /\r\nconnection: close\r\n/i, framing);
      }
    } finally {
      await gateway.stop();
    }
  });
});
