/**
 * The Stringee `/v1/sipphone` emulator over real HTTP, with JWTs minted here by jose so that its
 * verification is tested honestly: every operation, every refusal and its result code.
 */
import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import { SignJWT } from 'jose';
import { createStringeeEmulator, seedStringee, StringeeState } from '../../src/emulators/stringee/index.js';

const PROJECT_ID = '10042';
const KEY_SID = 'SKtestKeySid0001';
const KEY_SECRET = 'test-stringee-api-key-secret-0123456789';

interface TokenOptions {
  secret?: string;
  issuer?: string;
  /** Unix seconds; null leaves `exp` out. */
  exp?: number | null;
  /** Merged over `{rest_api: true}`; a claim set to undefined is left out. */
  claims?: Record<string, unknown>;
  /** undefined leaves `cty` out. */
  cty?: string | undefined;
  alg?: 'HS256' | 'HS512';
}

const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/** A REST token as WIRE-NOTES.md describes it, unless an option spoils one part of it. */
async function mint(options: TokenOptions = {}): Promise<string> {
  const { secret = KEY_SECRET, issuer = KEY_SID, exp = nowSeconds() + 600, alg = 'HS256' } = options;
  const cty = 'cty' in options ? options.cty : 'stringee-api;v=1';
  const jwt = new SignJWT({ rest_api: true, ...options.claims })
    .setProtectedHeader({ typ: 'JWT', alg, cty })
    .setJti(`${issuer}-${nowSeconds()}`)
    .setIssuer(issuer);
  if (exp !== null) jwt.setExpirationTime(exp);
  return jwt.sign(new TextEncoder().encode(secret));
}

async function started(t: TestContext, seed = true) {
  const emulator = createStringeeEmulator({
    projectId: PROJECT_ID,
    apiKeySid: KEY_SID,
    apiKeySecret: KEY_SECRET,
    seed,
  });
  const base = await emulator.server.start();
  t.after(() => emulator.server.stop());
  return { ...emulator, base };
}

interface Envelope {
  r: number;
  message: string;
  sipusername?: string;
  data?: { sipphones: Array<Record<string, unknown>>; total: string };
}

interface CallOptions {
  token?: string | null;
  /** Sent as JSON unless it is already a string. */
  body?: unknown;
}

/** One request with a valid token unless `token` says otherwise (null: no token at all). */
async function call(
  base: string,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<{ status: number; body: Envelope }> {
  const token = options.token === undefined ? await mint() : options.token;
  const headers: Record<string, string> = { accept: 'application/json', 'content-type': 'application/json' };
  if (token !== null) headers['x-stringee-auth'] = token;
  const body =
    options.body === undefined || typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  const response = await fetch(`${base}${path}`, { method, headers, body });
  return { status: response.status, body: (await response.json()) as Envelope };
}

async function listed(base: string): Promise<Map<string, Record<string, unknown>>> {
  const { body } = await call(base, 'GET', '/v1/sipphone');
  return new Map((body.data?.sipphones ?? []).map((phone) => [String(phone.username), phone]));
}

test('list: the seeded phones by SIP username, total as a string, extension only when set, no passwords', async (t) => {
  const { base, state } = await started(t);
  const response = await fetch(`${base}/v1/sipphone`, { headers: { 'x-stringee-auth': await mint() } });
  assert.equal(response.status, 200);
  const text = await response.text();
  const body = JSON.parse(text) as Envelope;
  assert.equal(body.r, 0);
  assert.equal(body.message, 'Success');
  assert.equal(body.data?.total, '8');
  assert.equal(body.data?.sipphones.length, 8);
  assert.ok(body.data?.sipphones.every((p) => String(p.username).startsWith(`${PROJECT_ID}_`)));
  const phones = new Map(body.data?.sipphones.map((p) => [p.username, p]));
  assert.deepEqual(phones.get('10042_100'), {
    username: '10042_100',
    extension: 100,
    email_address: 'reception@hanoi-office.example',
  });
  assert.deepEqual(phones.get('10042_102'), { username: '10042_102', email_address: null });
  assert.doesNotMatch(text, /password/i);
  assert.ok(state.all().every((phone) => !text.includes(phone.password)));
});

test('list: an empty project has no phones and total "0"', async (t) => {
  const { base } = await started(t, false);
  const { body } = await call(base, 'GET', '/v1/sipphone');
  assert.deepEqual(body, { r: 0, message: 'Success', data: { sipphones: [], total: '0' } });
});

test('create: answers the SIP username; the phone is kept and listed without extension or e-mail', async (t) => {
  const { base, state } = await started(t);
  const created = await call(base, 'POST', '/v1/sipphone', { body: { username: 'reception', password: 'Recept1on!' } });
  assert.deepEqual(created, { status: 200, body: { r: 0, sipusername: '10042_reception', message: 'Success' } });
  assert.deepEqual((await listed(base)).get('10042_reception'), { username: '10042_reception', email_address: null });
  assert.equal((await call(base, 'GET', '/v1/sipphone')).body.data?.total, '9');
  assert.equal(state.get('reception')?.password, 'Recept1on!');
});

test('create: fields the doc does not list, like extension, are ignored', async (t) => {
  const { base } = await started(t);
  const created = await call(base, 'POST', '/v1/sipphone', {
    body: { username: 'door', password: 'Door-pass1', extension: 555 },
  });
  assert.equal(created.body.r, 0);
  assert.deepEqual((await listed(base)).get('10042_door'), { username: '10042_door', email_address: null });
});

test('create: an existing username → r=2 on HTTP 200, the phone untouched', async (t) => {
  const { base, state } = await started(t);
  const before = state.get('100')?.password;
  const duplicate = await call(base, 'POST', '/v1/sipphone', { body: { username: '100', password: 'another-pass' } });
  assert.equal(duplicate.status, 200);
  assert.equal(duplicate.body.r, 2);
  assert.match(duplicate.body.message, /100/);
  assert.equal(state.get('100')?.password, before);
});

test('create: a missing or invalid parameter → r=4 naming it, nothing stored', async (t) => {
  const { base } = await started(t);
  const cases: Array<[unknown, RegExp]> = [
    [{ password: 'secret12' }, /username is required/],
    [{ username: null, password: 'secret12' }, /username is required/],
    [{ username: '', password: 'secret12' }, /^username must be/],
    [{ username: 'has space', password: 'secret12' }, /^username must be/],
    [{ username: 'ümlaut', password: 'secret12' }, /^username must be/],
    [{ username: 'x'.repeat(33), password: 'secret12' }, /^username must be/],
    [{ username: 100, password: 'secret12' }, /^username must be/],
    [{ username: 'okname' }, /password is required/],
    [{ username: 'okname', password: '12345' }, /^password must be a string of 6-64 characters/],
    [{ username: 'okname', password: 'x'.repeat(65) }, /^password must be/],
    [{ username: 'okname', password: 12345678 }, /^password must be/],
    ['not json', /JSON object/],
    ['[1,2]', /JSON object/],
    ['null', /JSON object/],
  ];
  for (const [body, message] of cases) {
    const response = await call(base, 'POST', '/v1/sipphone', { body });
    assert.equal(response.status, 200, JSON.stringify(body));
    assert.equal(response.body.r, 4, JSON.stringify(body));
    assert.match(response.body.message, message, JSON.stringify(body));
  }
  assert.equal((await call(base, 'GET', '/v1/sipphone')).body.data?.total, '8');
});

test('create: the limits themselves are accepted (32-character username, 6- and 64-character passwords)', async (t) => {
  const { base } = await started(t);
  for (const [username, password] of [
    ['a'.repeat(32), '123456'],
    ['Mixed.Case_name-9', 'p'.repeat(64)],
    ['emoji', '🔑🔑🔑🔑🔑🔑'],
  ]) {
    const response = await call(base, 'POST', '/v1/sipphone', { body: { username, password } });
    assert.equal(response.body.r, 0, `${username} / ${password}: ${response.body.message}`);
  }
});

test('update: password and extension change, the extension appears in the list and stays', async (t) => {
  const { base, state } = await started(t);
  const updated = await call(base, 'PUT', '/v1/sipphone/102', { body: { password: 'N3w-pass!', extension: 150 } });
  assert.deepEqual(updated, { status: 200, body: { r: 0, message: 'Success' } });
  assert.deepEqual((await listed(base)).get('10042_102'), {
    username: '10042_102',
    extension: 150,
    email_address: null,
  });
  assert.equal(state.get('102')?.password, 'N3w-pass!');

  assert.equal((await call(base, 'PUT', '/v1/sipphone/102', { body: { password: 'Another-1' } })).body.r, 0);
  assert.equal((await listed(base)).get('10042_102')?.extension, 150);
  assert.equal(state.get('102')?.password, 'Another-1');
});

test('update: password required, extension a positive integer, unknown phones r=3; nothing changes', async (t) => {
  const { base, state } = await started(t);
  const before = structuredClone(state.get('100'));
  const cases: Array<[unknown, number, RegExp]> = [
    [{ extension: 150 }, 4, /password is required/],
    [{ password: 'short' }, 4, /^password must be/],
    ...[0, -3, 1.5, '150', null, true].map((extension): [unknown, number, RegExp] => [
      { password: 'Valid-pass1', extension },
      4,
      /extension must be a positive integer/,
    ]),
    ['{"password":', 4, /JSON object/],
  ];
  for (const [body, r, message] of cases) {
    const response = await call(base, 'PUT', '/v1/sipphone/100', { body });
    assert.equal(response.status, 200);
    assert.equal(response.body.r, r, JSON.stringify(body));
    assert.match(response.body.message, message, JSON.stringify(body));
  }
  assert.deepEqual(state.get('100'), before);

  for (const path of ['/v1/sipphone/nobody', `/v1/sipphone/${PROJECT_ID}_100`]) {
    const response = await call(base, 'PUT', path, { body: { password: 'Valid-pass1' } });
    assert.deepEqual([response.status, response.body.r], [200, 3], path);
    assert.match(response.body.message, /not found/);
  }
});

test('delete: the phone is gone from the list and the state; a second delete → r=3', async (t) => {
  const { base, state } = await started(t);
  assert.deepEqual(await call(base, 'DELETE', '/v1/sipphone/sales.lan'), {
    status: 200,
    body: { r: 0, message: 'Success' },
  });
  assert.equal((await listed(base)).has('10042_sales.lan'), false);
  assert.equal(state.get('sales.lan'), undefined);
  assert.equal((await call(base, 'GET', '/v1/sipphone')).body.data?.total, '7');

  const again = await call(base, 'DELETE', '/v1/sipphone/sales.lan');
  assert.deepEqual([again.status, again.body.r], [200, 3]);
  assert.equal(
    (await call(base, 'DELETE', `/v1/sipphone/${PROJECT_ID}_101`)).body.r,
    3,
    'the path takes the plain username',
  );
});

test('create, update, delete: one phone through its whole life, state kept between calls', async (t) => {
  const { base } = await started(t, false);
  assert.equal(
    (await call(base, 'POST', '/v1/sipphone', { body: { username: 'life', password: 'first-pass' } })).body.r,
    0,
  );
  assert.equal(
    (await call(base, 'PUT', '/v1/sipphone/life', { body: { password: 'second-pass', extension: 7 } })).body.r,
    0,
  );
  assert.deepEqual([...(await listed(base)).values()], [{ username: '10042_life', extension: 7, email_address: null }]);
  assert.equal((await call(base, 'DELETE', '/v1/sipphone/life')).body.r, 0);
  assert.equal((await listed(base)).size, 0);
  assert.equal(
    (await call(base, 'POST', '/v1/sipphone', { body: { username: 'life', password: 'third-pass' } })).body.r,
    0,
    'the name is free again',
  );
});

test('auth: every bad token → HTTP 401 with r=1, and nothing is changed', async (t) => {
  const { base } = await started(t);
  const now = nowSeconds();
  const refusals: Array<[string, string | null, RegExp]> = [
    ['no token', null, /missing token/],
    ['empty token', '', /missing token/],
    ['not a JWT', 'abc.def.ghi', /invalid token/],
    ['forged signature', await mint({ secret: 'not-the-api-key-secret-0123456789' }), /signature/],
    ['expired', await mint({ exp: now - 10 }), /"exp"/],
    ['without exp', await mint({ exp: null }), /"exp"/],
    ['rest_api false', await mint({ claims: { rest_api: false } }), /rest_api/],
    ['rest_api missing', await mint({ claims: { rest_api: undefined } }), /rest_api/],
    ['rest_api "true"', await mint({ claims: { rest_api: 'true' } }), /rest_api/],
    ['another key SID as iss', await mint({ issuer: 'SKsomeoneElse' }), /"iss"/],
    ['cty missing', await mint({ cty: undefined }), /cty/],
    ['cty of another API', await mint({ cty: 'stringee-api;v=2' }), /cty/],
    ['HS512', await mint({ alg: 'HS512' }), /alg/],
  ];
  for (const [what, token, message] of refusals) {
    const response = await call(base, 'GET', '/v1/sipphone', { token });
    assert.equal(response.status, 401, what);
    assert.equal(response.body.r, 1, what);
    assert.match(response.body.message, message, `${what}: ${response.body.message}`);
  }
  const forged = await mint({ secret: 'not-the-api-key-secret-0123456789' });
  for (const [method, path, body] of [
    ['POST', '/v1/sipphone', { username: 'intruder', password: 'intruder1' }],
    ['PUT', '/v1/sipphone/100', { password: 'hijacked1' }],
    ['DELETE', '/v1/sipphone/101', undefined],
  ] as const) {
    const response = await call(base, method, path, { token: forged, body });
    assert.deepEqual([response.status, response.body.r], [401, 1], `${method} ${path}`);
  }
  const phones = await listed(base);
  assert.equal(phones.size, 8);
  assert.ok(phones.has('10042_101'));
  assert.ok(!phones.has('10042_intruder'));
});

test('auth: the token is also accepted as ?access_token=, and the header wins over it', async (t) => {
  const { base } = await started(t);
  const viaQuery = await fetch(`${base}/v1/sipphone?access_token=${await mint()}`);
  assert.equal(viaQuery.status, 200);
  assert.equal(((await viaQuery.json()) as Envelope).r, 0);
  const forgedHeader = await fetch(`${base}/v1/sipphone?access_token=${await mint()}`, {
    headers: { 'x-stringee-auth': await mint({ secret: 'wrong-secret-wrong-secret-01' }) },
  });
  assert.equal(forgedHeader.status, 401);
});

test('paths off the API: 404, and a method the path does not take: 405', async (t) => {
  const { base } = await started(t);
  const token = await mint();
  assert.equal((await fetch(`${base}/v1/sipphones`, { headers: { 'x-stringee-auth': token } })).status, 404);
  assert.equal((await fetch(`${base}/v1/sipphone/100/extra`, { headers: { 'x-stringee-auth': token } })).status, 404);
  assert.equal(
    (await fetch(`${base}/v1/sipphone`, { method: 'DELETE', headers: { 'x-stringee-auth': token } })).status,
    405,
  );
  assert.equal((await fetch(`${base}/v1/sipphone/100`, { headers: { 'x-stringee-auth': token } })).status, 405);
});

test('the request log records each call with its method, path, body and status', async (t) => {
  const { base, server } = await started(t);
  const mark = server.requests.length;
  await call(base, 'GET', '/v1/sipphone');
  await call(base, 'POST', '/v1/sipphone', { body: { username: '100', password: 'dup-pass1' } });
  await call(base, 'GET', '/v1/sipphone', { token: null });
  await fetch(`${base}/v1/sipphone?access_token=${await mint()}`);
  const log = server.since(mark);
  assert.deepEqual(
    log.map((r) => `${r.status} ${r.method} ${r.path}`),
    ['200 GET /v1/sipphone', '200 POST /v1/sipphone', '401 GET /v1/sipphone', '200 GET /v1/sipphone'],
  );
  assert.deepEqual(JSON.parse(log[1]!.body), { username: '100', password: 'dup-pass1' });
  assert.match(String(log[0]!.headers['x-stringee-auth']), /^ey/);
  assert.match(log[3]!.query, /^access_token=ey/);
  server.clearLog();
  assert.equal(server.requests.length, 0);
});

test('faults: an injected 503 hits once, a reset drops the connection, a malformed body is not JSON', async (t) => {
  const { base, server, state } = await started(t);
  server.injectFault({ kind: 'status', status: 503, pathPrefix: '/v1/sipphone', times: 1 });
  const unavailable = await fetch(`${base}/v1/sipphone`, { headers: { 'x-stringee-auth': await mint() } });
  assert.equal(unavailable.status, 503);
  assert.match(await unavailable.text(), /503/);
  assert.equal((await call(base, 'GET', '/v1/sipphone')).status, 200, 'the fault was spent');

  server.injectFault({ kind: 'reset', method: 'POST', times: 1 });
  await assert.rejects(call(base, 'POST', '/v1/sipphone', { body: { username: 'lost', password: 'lost-pass1' } }));
  assert.equal(state.get('lost'), undefined, 'a reset request never reaches the handler');

  server.injectFault({ kind: 'malformed', times: 1 });
  const garbled = await fetch(`${base}/v1/sipphone`, { headers: { 'x-stringee-auth': await mint() } });
  assert.equal(garbled.status, 200);
  await assert.rejects(garbled.json(), SyntaxError);
  assert.deepEqual(
    server.requests.slice(-3).map((r) => r.status),
    [200, 0, 200],
  );
});

test('seedStringee: the same 8 phones every time, some with an extension, some with an e-mail', () => {
  const [first, second] = [new StringeeState(PROJECT_ID), new StringeeState(PROJECT_ID)];
  seedStringee(first);
  seedStringee(second);
  assert.deepEqual(first.all(), second.all());
  assert.equal(first.all().length, 8);
  assert.ok(first.all().some((p) => p.extension === undefined));
  assert.ok(first.all().some((p) => p.extension !== undefined));
  assert.ok(first.all().some((p) => p.email_address === null));
  assert.ok(first.all().some((p) => p.email_address !== null));
  assert.ok(first.all().every((p) => /^[A-Za-z0-9._-]{1,32}$/.test(p.username) && p.password.length >= 6));
});
