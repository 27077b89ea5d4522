/**
 * The auth interceptor signs a call at once when its scheme's headers are a plain object (Basic,
 * ApiKey) and awaits them when they are a promise (Digest, tokens). Both ways the vendor gets the
 * headers, and a scheme that fails sends nothing, fails the call and is settled once.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createInfinityEmulator } from '../../src/emulators/infinity/index.js';
import { basicAuth, type AuthScheme } from '../../src/http/auth.js';
import { UpstreamClient } from '../../src/http/client.js';

const emulator = createInfinityEmulator({ username: 'auth', password: 'auth-password', seed: true });
const server = emulator.server;
let baseUrl: string;
const clients: UpstreamClient[] = [];

function client(auth: AuthScheme): UpstreamClient {
  const made = new UpstreamClient({
    vendor: 'infinity',
    connection: `auth-dispatch-${clients.length}`,
    baseUrl,
    timeoutMs: 2_000,
    maxConcurrency: 2,
    retries: 0,
    dedupeReads: false,
    auth,
  });
  clients.push(made);
  return made;
}

before(async () => {
  baseUrl = `${await server.start()}/config/v2`;
});

after(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await server.stop();
});

const basic = basicAuth('auth', 'auth-password');
const basicHeader = (basic.headers({ method: 'GET', target: '/' }) as Record<string, string>).authorization;

test('headers given at once and headers given by a promise both reach the vendor', async () => {
  const asynchronous: AuthScheme = { headers: async (request) => basic.headers(request) };
  for (const scheme of [basic, asynchronous]) {
    const mark = server.requests.length;
    const responses = await Promise.all(
      [1, 2, 3].map(() => client(scheme).send({ method: 'GET', path: '/sip/domains' })),
    );
    assert.deepEqual(
      responses.map((r) => r.status),
      [200, 200, 200],
    );
    const seen = server.since(mark);
    assert.equal(seen.length, 3);
    assert.ok(seen.every((r) => r.headers.authorization === basicHeader));
  }
});

test('a scheme that throws or rejects sends nothing, fails the call and is settled once', async () => {
  const failing: Array<[string, AuthScheme['headers']]> = [
    [
      'throws',
      () => {
        throw new Error('no credentials');
      },
    ],
    ['rejects', async () => Promise.reject(new Error('no credentials'))],
  ];
  for (const [how, headers] of failing) {
    let settled = 0;
    const upstream = client({ headers, settled: () => void (settled += 1) });
    const mark = server.requests.length;
    await assert.rejects(upstream.send({ method: 'GET', path: '/sip/domains' }), /no credentials/, how);
    assert.equal(server.since(mark).length, 0, `${how}: nothing sent`);
    assert.equal(settled, 1, `${how}: settled once`);
    assert.equal(upstream.sent, 0, `${how}: no attempt reached the connection`);
  }
});
