/**
 * A call that may not retry goes out without undici's retry handler (retry.ts): it must still get
 * exactly one attempt, and a call that may retry must still get its retries. Counted in the
 * emulator's request log, over real sockets.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createInfinityEmulator } from '../../src/emulators/infinity/index.js';
import { basicAuth } from '../../src/http/auth.js';
import { UpstreamClient } from '../../src/http/client.js';

const emulator = createInfinityEmulator({ username: 'retry', password: 'retry-password', seed: true });
const server = emulator.server;
let baseUrl: string;
const clients: UpstreamClient[] = [];

function client(retries: number): UpstreamClient {
  const made = new UpstreamClient({
    vendor: 'infinity',
    connection: `retry-selection-${retries}`,
    baseUrl,
    timeoutMs: 2_000,
    maxConcurrency: 2,
    retries,
    dedupeReads: false,
    auth: basicAuth('retry', 'retry-password'),
  });
  clients.push(made);
  return made;
}

/** Vendor requests to `/sip/domains` made while `run` ran, with every such request answered 503. */
async function attemptsUnder503(run: () => Promise<{ status: number }>): Promise<number> {
  server.injectFault({
    kind: 'status',
    status: 503,
    retryAfterSeconds: 0,
    pathPrefix: `${new URL(baseUrl).pathname}/sip/domains`,
  });
  const mark = server.requests.length;
  try {
    const response = await run();
    assert.equal(response.status, 503, 'the last attempt’s 503 reaches the caller');
    return server.since(mark).filter((r) => r.path.includes('/sip/domains')).length;
  } finally {
    server.clearFaults();
  }
}

before(async () => {
  baseUrl = `${await server.start()}/config/v2`;
});

after(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await server.stop();
});

test('a read on a connection allowed 2 retries is sent 3 times against a 503', async () => {
  const reads = client(2);
  assert.equal(await attemptsUnder503(() => reads.send({ method: 'GET', path: '/sip/domains' })), 3);
  assert.equal(reads.sent, 3, 'the attempt tracer counts each retry');
});

test('a write, and a read marked not idempotent, are sent once even where reads may retry', async () => {
  const writes = client(2);
  const write = {
    method: 'POST' as const,
    path: '/sip/domains',
    body: 'name=x',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  };
  assert.equal(await attemptsUnder503(() => writes.send(write)), 1);
  assert.equal(
    await attemptsUnder503(() => writes.send({ method: 'GET', path: '/sip/domains', idempotent: false })),
    1,
  );
  assert.equal(writes.sent, 2);
});

test('a read on a connection allowed no retries is sent once', async () => {
  const once = client(0);
  assert.equal(await attemptsUnder503(() => once.send({ method: 'GET', path: '/sip/domains' })), 1);
  assert.equal(once.sent, 1);
});

test('with no fault, a read without retries is answered in one request', async () => {
  const once = client(0);
  const mark = server.requests.length;
  const response = await once.send({ method: 'GET', path: '/sip/domains' });
  assert.equal(response.status, 200);
  assert.equal(server.since(mark).length, 1);
});
