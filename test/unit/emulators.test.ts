/**
 * The emulators on their own, driven by plain fetch as a vendor client would: the behaviour the
 * docs and docs/vendors.md promise, independent of the gateway's adapters.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { createTwoNEmulator } from '../../src/emulators/2n/index.js';
import { createInfinityEmulator } from '../../src/emulators/infinity/index.js';
import { createPbxEmulator } from '../../src/emulators/pbx/index.js';
import type { EmulatorServer } from '../../src/emulators/shared/harness.js';

const basic = (u: string, p: string) => `Basic ${Buffer.from(`${u}:${p}`).toString('base64')}`;
const md5 = (s: string) => createHash('md5').update(s).digest('hex');

describe('Infinity emulator', () => {
  let server: EmulatorServer;
  let base: string;
  const auth = { authorization: basic('u', 'p') };
  before(async () => {
    const emulator = createInfinityEmulator({ username: 'u', password: 'p', apiKey: 'key-1', allowedDomainIds: [1], seed: { domains: 2, usersPerDomain: 5, groupsPerDomain: 2 } });
    server = emulator.server;
    base = `${await server.start()}/config/v2/sip`;
  });
  after(() => server.stop());

  test('auth: none → 401 with a Basic challenge, Basic and ApiKey accepted, other domains 403', async () => {
    const anonymous = await fetch(`${base}/domains`);
    assert.equal(anonymous.status, 401);
    assert.match(String(anonymous.headers.get('www-authenticate')), /^Basic/);
    assert.equal((await fetch(`${base}/domains`, { headers: { authorization: basic('u', 'wrong') } })).status, 401);
    assert.equal((await fetch(`${base}/domains/1`, { headers: auth })).status, 200);
    assert.equal((await fetch(`${base}/domains/1`, { headers: { authorization: 'ApiKey key-1' } })).status, 200);
    assert.equal((await fetch(`${base}/domains/2/users`, { headers: auth })).status, 403);
    assert.equal((await fetch(`${base}/domains/99`, { headers: auth })).status, 404);
  });

  test('lists are NDJSON rows of strings, filtered, sorted and paged', async () => {
    const response = await fetch(`${base}/domains/1/users?sort[]=user-desc&limit=3&offset=1`, { headers: auth });
    assert.match(String(response.headers.get('content-type')), /ndjson/);
    const lines = (await response.text()).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.equal(lines.length, 3);
    assert.ok(lines.every((row) => Object.values(row).every((v) => typeof v === 'string')));
    const names = lines.map((r) => r.user as string);
    assert.deepEqual(names, [...names].sort().reverse());
    const filtered = await (await fetch(`${base}/domains/1/users?filter[]=extensionNumber-eq-value-1002`, { headers: auth })).text();
    assert.equal(filtered.trim().split('\n').length, 1);
    assert.equal((await fetch(`${base}/domains/1/users?filter[]=shoeSize-eq-value-9`, { headers: auth })).status, 400);
  });

  test('POST params are read from the body or the query string; arrays as name[]', async () => {
    const viaQuery = await fetch(`${base}/domains/1/groups?groupName=ops&displayName=Ops&extensionNumber=5550`, { method: 'POST', headers: auth });
    assert.equal(viaQuery.status, 201);
    const { groupId } = (await viaQuery.json()) as { groupId: string };
    const add = await fetch(`${base}/domains/1/groups/${groupId}/users`, { method: 'POST', headers: { ...auth, 'content-type': 'application/x-www-form-urlencoded' }, body: 'userSpec[]=1&userSpec[]=2' });
    assert.equal(add.status, 204);
    assert.equal(await add.text(), '');
    const members = (await (await fetch(`${base}/domains/1/groups/${groupId}/users`, { headers: auth })).text()).trim().split('\n');
    assert.equal(members.length, 2);
    const remove = await fetch(`${base}/domains/1/groups/${groupId}/users`, { method: 'DELETE', headers: { ...auth, 'content-type': 'application/x-www-form-urlencoded' }, body: 'userSpec[]=1' });
    assert.equal(remove.status, 204);
  });

  test('bad params are 400 with a message naming them', async () => {
    const post = (path: string, body: string) => fetch(`${base}/domains/1${path}`, { method: 'POST', headers: { ...auth, 'content-type': 'application/x-www-form-urlencoded' }, body });
    const cases: Array<[string, string, RegExp]> = [
      ['/devices', 'pbxDeviceName=x&deviceMacAddress=10:20:30', /deviceMacAddress/],
      ['/trustedNetworks', 'network=10.0.0.0/40', /network/],
      ['/users', 'user=dup&password=x&displayName=D&extensionNumber=1000', /extensionNumber/],
      ['/queues/1/members', 'groupId=1&ringStrategy=random&ringAttempts=1&ringSecs=5', /ringStrategy/],
    ];
    for (const [path, body, names] of cases) {
      const response = await post(path, body);
      assert.equal(response.status, 400, path);
      assert.match(((await response.json()) as { message: string }).message, names);
    }
  });

  test('the order endpoint must name every member once; "order" is never a member id', async () => {
    const members = (await (await fetch(`${base}/domains/1/queues/1/members`, { headers: auth })).text()).trim().split('\n').map((l) => (JSON.parse(l) as { queueMemberId: string }).queueMemberId);
    const put = (ids: string[]) => fetch(`${base}/domains/1/queues/1/members/order`, { method: 'PUT', headers: { ...auth, 'content-type': 'application/x-www-form-urlencoded' }, body: ids.map((i) => `queueMemberId[]=${i}`).join('&') });
    assert.equal((await put(members.slice(1))).status, 400);
    assert.equal((await put([...members].reverse())).status, 204);
    assert.equal((await fetch(`${base}/domains/1/queues/1/members/order`, { headers: auth })).status, 404);
  });

  test('faults: 503, reset, latency, and the request log', async () => {
    const mark = server.requests.length;
    server.injectFault({ kind: 'status', status: 503, times: 1 });
    assert.equal((await fetch(`${base}/domains`, { headers: auth })).status, 503);
    server.injectFault({ kind: 'reset', times: 1 });
    await assert.rejects(fetch(`${base}/domains`, { headers: auth }));
    server.injectFault({ kind: 'latency', latencyMs: 60, times: 1 });
    const started = performance.now();
    await fetch(`${base}/domains`, { headers: auth });
    assert.ok(performance.now() - started >= 55);
    assert.deepEqual(server.since(mark).map((r) => r.status), [503, 0, 200]);
  });
});

describe('2N emulator', () => {
  let server: EmulatorServer;
  let base: string;
  before(async () => {
    server = createTwoNEmulator({ macAddr: '7c-1e-b3-00-00-09', username: 'admin', password: 'pw' }).server;
    base = await server.start();
  });
  after(() => server.stop());

  async function digestGet(path: string, nc: number, nonce?: string, password = 'pw'): Promise<{ status: number; nonce: string; body: any }> {
    let challengeNonce = nonce;
    if (!challengeNonce) {
      const challenge = await fetch(`${base}${path}`);
      assert.equal(challenge.status, 401);
      challengeNonce = /nonce="([^"]+)"/.exec(String(challenge.headers.get('www-authenticate')))![1]!;
    }
    const ncHex = nc.toString(16).padStart(8, '0');
    const response = md5(`${md5(`admin:2N Helios IP:${password}`)}:${challengeNonce}:${ncHex}:abc:auth:${md5(`GET:${path}`)}`);
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
    const bad = await fetch(`${base}/api/account/credentials/verify`, { method: 'POST', body: JSON.stringify({ username: 'admin', password: 'x' }) });
    assert.equal(bad.status, 400);
    assert.equal(((await bad.json()) as { err_code: string }).err_code, '1040001');
    const login = (await (await fetch(`${base}/api/account/credentials/verify`, { method: 'POST', body: JSON.stringify({ username: 'admin', password: 'pw' }) })).json()) as { access_token: string; expires: number };
    assert.match(login.access_token, /^[0-9A-F]{32}$/);
    assert.equal((await fetch(`${base}/api/providers/list?pagination=1&pagesize=5`)).status, 401);
    const page = (await (await fetch(`${base}/api/providers/list?pagination=3&pagesize=5`, { headers: { access_token: login.access_token } })).json()) as { count: number; page_count: number; providers: unknown[] };
    assert.deepEqual([page.count, page.page_count, page.providers.length], [12, 3, 2]);
    const create = await fetch(`${base}/api/providers/create`, { method: 'POST', headers: { access_token: login.access_token }, body: JSON.stringify({ name: 'x', auth_mode: 'BOGUS' }) });
    assert.equal(create.status, 400);
    assert.deepEqual(await create.json(), { err_code: '1050002', msg: 'invalid value for field: auth_mode' });
    const missing = await fetch(`${base}/api/providers/create`, { method: 'POST', headers: { access_token: login.access_token }, body: JSON.stringify({ name: 'x', auth_mode: 'IP_AUTH' }) });
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
