/**
 * The 2N and PBX emulators and the shared harness, driven by plain fetch as a vendor client would
 * (each emulator also has a file of its own; the Infinity one is in emulator-infinity.test.ts).
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { createTwoNEmulator } from '../../src/emulators/2n/index.js';
import { createPbxEmulator } from '../../src/emulators/pbx/index.js';
import type { EmulatorServer } from '../../src/emulators/shared/harness.js';

const md5 = (s: string) => createHash('md5').update(s).digest('hex');

describe('2N emulator', () => {
  let server: EmulatorServer;
  let base: string;
  before(async () => {
    server = createTwoNEmulator({ macAddr: '7c-1e-b3-00-00-09', username: 'admin', password: 'pw' }).server;
    base = await server.start();
  });
  after(() => server.stop());

  async function digestGet(
    path: string,
    nc: number,
    nonce?: string,
    password = 'pw',
  ): Promise<{ status: number; nonce: string; body: any }> {
    let challengeNonce = nonce;
    if (!challengeNonce) {
      const challenge = await fetch(`${base}${path}`);
      assert.equal(challenge.status, 401);
      challengeNonce = /nonce="([^"]+)"/.exec(String(challenge.headers.get('www-authenticate')))![1]!;
    }
    const ncHex = nc.toString(16).padStart(8, '0');
    const response = md5(
      `${md5(`admin:2N Helios IP:${password}`)}:${challengeNonce}:${ncHex}:abc:auth:${md5(`GET:${path}`)}`,
    );
    const header = `Digest username="admin", realm="2N Helios IP", nonce="${challengeNonce}", uri="${path}", qop=auth, nc=${ncHex}, cnonce="abc", response="${response}"`;
    const answer = await fetch(`${base}${path}`, { headers: { authorization: header } });
    return { status: answer.status, nonce: challengeNonce, body: await answer.json() };
  }

  test('system info needs no auth and carries the MAC', async () => {
    const info = (await (await fetch(`${base}/api/system/info`)).json()) as { result: { macAddr: string } };
    assert.equal(info.result.macAddr, '7C:1E:B3:00:00:09');
  });

  test('Digest: good credentials pass, a replayed nonce count or a wrong password do not', async () => {
    const first = await digestGet('/api/phone/config', 1);
    assert.equal(first.status, 200);
    assert.ok(first.body.result.accounts.every((a: Record<string, unknown>) => !('password' in a)));
    assert.equal((await digestGet('/api/phone/config', 1, first.nonce)).status, 401, 'replay');
    assert.equal((await digestGet('/api/phone/config', 2, first.nonce)).status, 200);
    assert.equal((await digestGet('/api/phone/config?account=1', 1, undefined, 'wrong')).status, 401);
  });
});

test('PBX emulator: login, token required, whole-object validation', async () => {
  const { server } = createPbxEmulator({ username: 'admin', password: 'pw', seed: true });
  const base = await server.start();
  try {
    const bad = await fetch(`${base}/api/account/credentials/verify`, {
      method: 'POST',
      body: JSON.stringify({ username: 'admin', password: 'x' }),
    });
    assert.equal(bad.status, 400);
    assert.equal(((await bad.json()) as { err_code: string }).err_code, '1040001');
    const login = (await (
      await fetch(`${base}/api/account/credentials/verify`, {
        method: 'POST',
        body: JSON.stringify({ username: 'admin', password: 'pw' }),
      })
    ).json()) as { access_token: string; expires: number };
    assert.match(login.access_token, /^[0-9A-F]{32}$/);
    assert.equal((await fetch(`${base}/api/providers/list?pagination=1&pagesize=5`)).status, 401);
    const page = (await (
      await fetch(`${base}/api/providers/list?pagination=3&pagesize=5`, {
        headers: { access_token: login.access_token },
      })
    ).json()) as { count: number; page_count: number; providers: unknown[] };
    assert.deepEqual([page.count, page.page_count, page.providers.length], [12, 3, 2]);
    const create = await fetch(`${base}/api/providers/create`, {
      method: 'POST',
      headers: { access_token: login.access_token },
      body: JSON.stringify({ name: 'x', auth_mode: 'BOGUS' }),
    });
    assert.equal(create.status, 400);
    assert.deepEqual(await create.json(), { err_code: '1050002', msg: 'invalid value for field: auth_mode' });
    const missing = await fetch(`${base}/api/providers/create`, {
      method: 'POST',
      headers: { access_token: login.access_token },
      body: JSON.stringify({ name: 'x', auth_mode: 'IP_AUTH' }),
    });
    assert.deepEqual(await missing.json(), { err_code: '1050001', msg: 'missing required field: protocol' });
  } finally {
    await server.stop();
  }
});

test('harness: a bad percent-escape is a 404, and a throwing intercept still answers', async () => {
  const { server } = createPbxEmulator({ username: 'admin', password: 'pw' });
  const base = await server.start();
  try {
    assert.equal((await fetch(`${base}/api/providers/%E0`)).status, 404);
    server.interceptOnce({ method: 'GET', pathPrefix: '/api/providers/list' }, async () => {
      throw new Error('staged failure');
    });
    const response = await fetch(`${base}/api/providers/list?pagination=1&pagesize=1`);
    assert.equal(response.status, 500);
    assert.match(await response.text(), /staged failure/);
  } finally {
    await server.stop();
  }
});
