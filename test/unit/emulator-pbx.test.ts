/**
 * The PortSIP PBX providers (SIP trunks) emulator over real HTTP: token login, refresh and expiry,
 * every operation, every validation error with its err_code, and the 1-based pagination.
 */
import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import { createPbxEmulator, PbxState, seedPbx, type PbxEmulatorOptions } from '../../src/emulators/pbx/index.js';

const USERNAME = 'admin';
const PASSWORD = 'pbx-admin-password';
const SEEDED = 12;

/** A provider every field of which is valid; tests spoil one field at a time. */
const VALID = {
  name: 'Test trunk',
  auth_mode: 'REGISTER_AUTH',
  protocol: 'UDP',
  require_register: true,
  password: 'trunk-Secret-1',
  reregister_interval: 300,
  port: 5060,
  hostname: 'sip.test.example',
  outbound_server: 'outbound.test.example',
  outbound_server_port: 5070,
  auth_id: 'acct-1',
  status: 'ONLINE',
  provider_in_lan: false,
  single_via_header: false,
  ips: ['192.0.2.10', '198.51.100.0/24'],
  in_parameters: [{ name: 'X-Tag', value: 'in' }],
  out_parameters: [],
} as const;

async function started(t: TestContext, options: Partial<PbxEmulatorOptions> = {}) {
  const emulator = createPbxEmulator({ username: USERNAME, password: PASSWORD, seed: true, ...options });
  const base = await emulator.server.start();
  t.after(() => emulator.server.stop());
  return { ...emulator, base };
}

interface Reply {
  status: number;
  text: string;
  /** The body parsed as JSON; undefined when it is not JSON. */
  json: any;
}

async function send(
  base: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.token !== undefined) headers.access_token = options.token;
  const body =
    options.body === undefined || typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  const response = await fetch(`${base}${path}`, { method, headers, body });
  const text = await response.text();
  const isJson = response.headers.get('content-type')?.startsWith('application/json') ?? false;
  return { status: response.status, text, json: isJson ? JSON.parse(text) : undefined };
}

async function login(base: string): Promise<string> {
  const reply = await send(base, 'POST', '/api/account/credentials/verify', {
    body: { username: USERNAME, password: PASSWORD },
  });
  assert.equal(reply.status, 200, reply.text);
  return reply.json.access_token as string;
}

/** A session: the token from one login, sent with every call. */
async function session(base: string) {
  const token = await login(base);
  return {
    token,
    get: (path: string) => send(base, 'GET', path, { token }),
    post: (path: string, body: unknown) => send(base, 'POST', path, { token, body }),
  };
}

const error = (reply: Reply): [number, string, string] => [reply.status, reply.json?.err_code, reply.json?.msg];

test('login: the right credentials give a 32 upper-case hex token, its ttl, no refresh token', async (t) => {
  const { base } = await started(t, { tokenTtlSeconds: 900 });
  const reply = await send(base, 'POST', '/api/account/credentials/verify', {
    body: { username: USERNAME, password: PASSWORD },
  });
  assert.equal(reply.status, 200);
  assert.match(reply.json.access_token, /^[0-9A-F]{32}$/);
  assert.deepEqual({ ...reply.json, access_token: 'T' }, { access_token: 'T', expires: 900, refresh_token: null });
  assert.notEqual(await login(base), await login(base), 'every login has its own token');
});

test('login: wrong or missing credentials → 400 with 1040001', async (t) => {
  const { base } = await started(t);
  for (const body of [
    { username: USERNAME, password: 'wrong' },
    { username: 'root', password: PASSWORD },
    { username: USERNAME },
    {},
    { username: USERNAME.toUpperCase(), password: PASSWORD },
  ]) {
    const reply = await send(base, 'POST', '/api/account/credentials/verify', { body });
    assert.deepEqual(error(reply).slice(0, 2), [400, '1040001'], JSON.stringify(body));
    assert.match(reply.json.msg, /username or password/);
  }
  assert.deepEqual(
    error(await send(base, 'POST', '/api/account/credentials/verify', { body: 'not json' })).slice(0, 2),
    [400, '1050002'],
  );
});

test('every other call needs a live token in the access_token header → 401 with 1040003', async (t) => {
  const { base, state } = await started(t);
  const calls: Array<[string, string, unknown]> = [
    ['POST', '/api/account/token/refresh', undefined],
    ['GET', '/api/providers/list?pagination=1&pagesize=10', undefined],
    ['GET', '/api/providers/show?id=1', undefined],
    ['POST', '/api/providers/create', VALID],
    ['POST', '/api/providers/update', { ...VALID, id: 1 }],
    ['POST', '/api/providers/destroy', { id: 1 }],
  ];
  const valid = await login(base);
  for (const [method, path, body] of calls) {
    for (const token of [undefined, '', '0123456789ABCDEF0123456789ABCDEF', valid.toLowerCase()]) {
      const reply = await send(base, method, path, { token, body });
      assert.deepEqual(error(reply).slice(0, 2), [401, '1040003'], `${method} ${path} with ${String(token)}`);
    }
  }
  const tokenInQuery = await send(base, 'GET', `/api/providers/show?id=1&access_token=${valid}`);
  assert.equal(tokenInQuery.status, 401, 'the token travels only as a header');
  assert.equal(state.get(1)?.name, 'Twilio Elastic SIP – EU', 'nothing was destroyed or changed');
  assert.equal(state.list('DEFAULT').length, SEEDED, 'nothing was created');
});

test('tokens live ttl seconds after their last successful call; refused calls do not extend them', async (t) => {
  let clock = 1_700_000_000_000;
  const { base } = await started(t, { tokenTtlSeconds: 60, now: () => clock });
  const { token } = await session(base);
  const show = (id: number) => send(base, 'GET', `/api/providers/show?id=${id}`, { token });

  clock += 59_000;
  assert.equal((await show(1)).status, 200, '59 s after login');
  clock += 59_000;
  assert.equal((await show(1)).status, 200, '118 s after login, 59 s after the last success');
  clock += 30_000;
  assert.equal((await show(999)).status, 404, 'still authenticated, but the call failed');
  clock += 30_000;
  assert.deepEqual(error(await show(1)).slice(0, 2), [401, '1040003'], '60 s after the last success');
  clock -= 1_000_000;
  assert.equal((await show(1)).status, 401, 'an expired token is forgotten, not revived by a clock step');
});

test('refresh: a new token of the same shape; the old one stays usable until it expires', async (t) => {
  let clock = 0;
  const { base } = await started(t, { tokenTtlSeconds: 120, now: () => clock });
  const old = await login(base);
  clock += 100_000;
  const refreshed = await send(base, 'POST', '/api/account/token/refresh', { token: old });
  assert.equal(refreshed.status, 200);
  assert.match(refreshed.json.access_token, /^[0-9A-F]{32}$/);
  assert.notEqual(refreshed.json.access_token, old);
  assert.deepEqual({ ...refreshed.json, access_token: 'T' }, { access_token: 'T', expires: 120, refresh_token: null });
  for (const token of [old, refreshed.json.access_token as string]) {
    assert.equal((await send(base, 'GET', '/api/providers/show?id=1', { token })).status, 200);
  }
  clock += 121_000;
  assert.equal(
    (await send(base, 'POST', '/api/account/token/refresh', { token: refreshed.json.access_token })).status,
    401,
    'an expired token cannot be refreshed',
  );
});

test('expireAllTokens: every token issued so far is refused; a new login works', async (t) => {
  const { base, state } = await started(t);
  const [first, second] = [await login(base), await login(base)];
  state.expireAllTokens();
  for (const token of [first, second])
    assert.equal((await send(base, 'GET', '/api/providers/show?id=1', { token })).status, 401);
  assert.equal((await send(base, 'GET', '/api/providers/show?id=1', { token: await login(base) })).status, 200);
});

test('create, show, update, destroy: one trunk through its life, kept between calls', async (t) => {
  const { base } = await started(t);
  const pbx = await session(base);

  const created = await pbx.post('/api/providers/create', VALID);
  assert.deepEqual([created.status, created.json], [200, { id: SEEDED + 1 }]);
  const shown = await pbx.get(`/api/providers/show?id=${SEEDED + 1}`);
  assert.equal(shown.status, 200);
  assert.deepEqual(shown.json, { id: SEEDED + 1, ...VALID }, 'show includes the password, as the doc lists it');

  const changed = { ...shown.json, name: 'Renamed trunk', port: 5080, protocol: 'TCP', ips: [] };
  const updated = await pbx.post('/api/providers/update', changed);
  assert.deepEqual([updated.status, updated.text], [200, ''], 'update answers 200 with an empty body');
  assert.deepEqual((await pbx.get(`/api/providers/show?id=${SEEDED + 1}`)).json, changed);

  const destroyed = await pbx.post('/api/providers/destroy', { id: SEEDED + 1 });
  assert.deepEqual([destroyed.status, destroyed.text], [200, '']);
  assert.deepEqual(error(await pbx.get(`/api/providers/show?id=${SEEDED + 1}`)).slice(0, 2), [404, '1050003']);
  assert.deepEqual(error(await pbx.post('/api/providers/destroy', { id: SEEDED + 1 })).slice(0, 2), [400, '1050003']);
  assert.deepEqual(error(await pbx.post('/api/providers/update', changed)).slice(0, 2), [400, '1050003']);

  const next = await pbx.post('/api/providers/create', VALID);
  assert.deepEqual(next.json, { id: SEEDED + 2 }, 'ids are not reused');
});

test('create: fields outside the doc are not stored, header parameters keep only name and value', async (t) => {
  const { base } = await started(t);
  const pbx = await session(base);
  const { json } = await pbx.post('/api/providers/create', {
    ...VALID,
    id: 77,
    color: 'red',
    in_parameters: [{ name: 'X-A', value: '1', extra: true }],
  });
  assert.equal(json.id, SEEDED + 1, 'a client-sent id is ignored');
  const shown = (await pbx.get(`/api/providers/show?id=${json.id}`)).json;
  assert.equal('color' in shown, false);
  assert.deepEqual(shown.in_parameters, [{ name: 'X-A', value: '1' }]);
});

test('create: each missing (or null) field → 400 with 1050001 naming it; nothing created', async (t) => {
  const { base, state } = await started(t);
  const pbx = await session(base);
  for (const field of Object.keys(VALID)) {
    const { [field]: _dropped, ...withoutField } = VALID as Record<string, unknown>;
    assert.deepEqual(error(await pbx.post('/api/providers/create', withoutField)), [
      400,
      '1050001',
      `missing required field: ${field}`,
    ]);
    assert.deepEqual(error(await pbx.post('/api/providers/create', { ...VALID, [field]: null })), [
      400,
      '1050001',
      `missing required field: ${field}`,
    ]);
  }
  assert.deepEqual(
    error(await pbx.post('/api/providers/create', {})),
    [400, '1050001', 'missing required field: name'],
    'the first field is reported',
  );
  assert.equal(state.list('DEFAULT').length, SEEDED);
});

test('create: a bad enum, port, range, type, address or parameter → 400 with 1050002 naming the field', async (t) => {
  const { base, state } = await started(t);
  const pbx = await session(base);
  const invalid: Array<[string, unknown]> = [
    ['name', ''],
    ['name', '   '],
    ['name', 42],
    ['auth_mode', 'DIGEST'],
    ['auth_mode', 'ip_auth'],
    ['protocol', 'TLS'],
    ['protocol', 'udp'],
    ['status', 'REGISTERED'],
    ['port', 0],
    ['port', 65_536],
    ['port', 5060.5],
    ['port', '5060'],
    ['outbound_server_port', 70_000],
    ['reregister_interval', -1],
    ['reregister_interval', 86_401],
    ['reregister_interval', '300'],
    ['require_register', 'true'],
    ['provider_in_lan', 1],
    ['single_via_header', 'false'],
    ['hostname', ''],
    ['password', 123],
    ['auth_id', false],
    ['outbound_server', []],
    ['ips', '192.0.2.1'],
    ['ips', ['300.1.1.1']],
    ['ips', ['192.0.2.0/33']],
    ['ips', ['192.0.2.0/']],
    ['ips', ['192.0.2.0/24/8']],
    ['ips', ['sip.example.com']],
    ['ips', ['2001:db8::1']],
    ['ips', ['192.0.2.1', 5]],
    ['in_parameters', {}],
    ['in_parameters', [{ name: 'X-Only-Name' }]],
    ['in_parameters', [{ name: 'X-Number', value: 1 }]],
    ['in_parameters', [{ name: '', value: 'x' }]],
    ['out_parameters', [['X-Pair', 'value']]],
    ['out_parameters', [null]],
  ];
  for (const [field, value] of invalid) {
    assert.deepEqual(
      error(await pbx.post('/api/providers/create', { ...VALID, [field]: value })),
      [400, '1050002', `invalid value for field: ${field}`],
      `${field} = ${JSON.stringify(value)}`,
    );
  }
  assert.deepEqual(error(await pbx.post('/api/providers/create', '[1]')).slice(0, 2), [400, '1050002']);
  assert.equal(state.list('DEFAULT').length, SEEDED);
});

test('create: the limits themselves are accepted', async (t) => {
  const { base } = await started(t);
  const pbx = await session(base);
  const edges: Array<Record<string, unknown>> = [
    { port: 1, outbound_server_port: 65_535, reregister_interval: 0 },
    {
      reregister_interval: 86_400,
      ips: ['0.0.0.0/0', '255.255.255.255/32'],
      auth_mode: 'IP_AUTH',
      protocol: 'TCP',
      status: 'OFFLINE',
    },
    {
      password: '',
      auth_id: '',
      outbound_server: '',
      ips: [],
      in_parameters: [],
      out_parameters: [{ name: 'X-Empty', value: '' }],
    },
  ];
  for (const [i, edge] of edges.entries()) {
    const reply = await pbx.post('/api/providers/create', { ...VALID, name: `Edge ${i}`, ...edge });
    assert.equal(reply.status, 200, `${JSON.stringify(edge)}: ${reply.text}`);
  }
});

test('names are unique: 1050004 on create and on a rename; an update may keep its own name', async (t) => {
  const { base, state } = await started(t);
  const pbx = await session(base);
  assert.deepEqual(error(await pbx.post('/api/providers/create', { ...VALID, name: 'sipgate trunking' })), [
    400,
    '1050004',
    'provider name already exists: sipgate trunking',
  ]);
  const own = (await pbx.get('/api/providers/show?id=3')).json;
  assert.deepEqual(error(await pbx.post('/api/providers/update', { ...own, name: 'Zadarma' })).slice(0, 2), [
    400,
    '1050004',
  ]);
  assert.equal((await pbx.post('/api/providers/update', { ...own, port: 5062 })).status, 200);
  assert.equal(state.get(3)?.port, 5062);
  assert.equal(state.get(3)?.name, own.name);
});

test('update: the whole object with its id is required; a refused update changes nothing', async (t) => {
  const { base, state } = await started(t);
  const pbx = await session(base);
  const current = (await pbx.get('/api/providers/show?id=2')).json;
  const { id: _id, ...withoutId } = current;
  const { hostname: _hostname, ...withoutHostname } = current;
  assert.deepEqual(error(await pbx.post('/api/providers/update', withoutId)), [
    400,
    '1050001',
    'missing required field: id',
  ]);
  assert.deepEqual(error(await pbx.post('/api/providers/update', { ...current, id: '2' })), [
    400,
    '1050002',
    'invalid value for field: id',
  ]);
  assert.deepEqual(error(await pbx.post('/api/providers/update', { ...current, id: 0 })), [
    400,
    '1050002',
    'invalid value for field: id',
  ]);
  assert.deepEqual(error(await pbx.post('/api/providers/update', withoutHostname)), [
    400,
    '1050001',
    'missing required field: hostname',
  ]);
  assert.deepEqual(error(await pbx.post('/api/providers/update', { id: 2, port: 5099 })), [
    400,
    '1050001',
    'missing required field: name',
  ]);
  assert.deepEqual(error(await pbx.post('/api/providers/update', { ...current, protocol: 'SCTP' })), [
    400,
    '1050002',
    'invalid value for field: protocol',
  ]);
  assert.deepEqual(error(await pbx.post('/api/providers/update', { ...current, id: 999 })).slice(0, 2), [
    400,
    '1050003',
  ]);
  assert.deepEqual(state.get(2), current);
});

test('show: id is a required positive integer of an existing provider', async (t) => {
  const { base } = await started(t);
  const pbx = await session(base);
  assert.deepEqual(error(await pbx.get('/api/providers/show')), [400, '1050001', 'missing required field: id']);
  for (const id of ['abc', '0', '-1', '1.5'])
    assert.deepEqual(
      error(await pbx.get(`/api/providers/show?id=${id}`)),
      [400, '1050002', 'invalid value for field: id'],
      id,
    );
  assert.deepEqual(error(await pbx.get('/api/providers/show?id=999')).slice(0, 2), [404, '1050003']);
  const first = (await pbx.get('/api/providers/show?id=1')).json;
  assert.equal(first.name, 'Twilio Elastic SIP – EU');
  assert.equal(typeof first.password, 'string');
});

test('destroy: id required and an integer; unknown ids → 400 with 1050003', async (t) => {
  const { base, state } = await started(t);
  const pbx = await session(base);
  assert.deepEqual(error(await pbx.post('/api/providers/destroy', {})), [400, '1050001', 'missing required field: id']);
  assert.deepEqual(error(await pbx.post('/api/providers/destroy', { id: '1' })), [
    400,
    '1050002',
    'invalid value for field: id',
  ]);
  assert.deepEqual(error(await pbx.post('/api/providers/destroy', { id: 4242 })).slice(0, 2), [400, '1050003']);
  assert.equal(state.list('DEFAULT').length, SEEDED);
});

test('list: 1-based pages of pagesize, page_count and count over everything, parameters echoed', async (t) => {
  const { base } = await started(t);
  const pbx = await session(base);
  const page = async (query: string) => (await pbx.get(`/api/providers/list?${query}`)).json;

  const pages = [
    await page('pagination=1&pagesize=5'),
    await page('pagination=2&pagesize=5'),
    await page('pagination=3&pagesize=5'),
  ];
  assert.deepEqual(
    pages.map(({ providers, ...rest }) => ({ ...rest, size: providers.length })),
    [1, 2, 3].map((n, i) => ({
      pagination: n,
      pagesize: 5,
      sort_by: 'DEFAULT',
      page_count: 3,
      count: SEEDED,
      size: [5, 5, 2][i],
    })),
  );
  assert.deepEqual(
    pages.flatMap((p) => p.providers.map((provider: { id: number }) => provider.id)),
    Array.from({ length: SEEDED }, (_, i) => i + 1),
  );
  assert.deepEqual(
    pages[0].providers[0],
    (await pbx.get('/api/providers/show?id=1')).json,
    'list rows are whole providers',
  );

  const beyond = await page('pagination=4&pagesize=5');
  assert.deepEqual([beyond.providers, beyond.page_count, beyond.count], [[], 3, SEEDED]);
  for (const [size, count] of [
    [1, 12],
    [7, 2],
    [12, 1],
    [13, 1],
    [100, 1],
  ]) {
    assert.equal((await page(`pagination=1&pagesize=${size}`)).page_count, count, `pagesize ${size}`);
  }

  const byName = await page('pagination=1&pagesize=100&sort_by=OPTIONAL');
  const names = byName.providers.map((p: { name: string }) => p.name);
  assert.equal(byName.sort_by, 'OPTIONAL');
  assert.deepEqual(
    names,
    [...names].sort((a: string, b: string) => a.localeCompare(b)),
  );
  assert.notDeepEqual(
    names,
    pages.flatMap((p) => p.providers.map((provider: { name: string }) => provider.name)),
    'the seed is not already in name order',
  );
  assert.equal((await page('pagination=1&pagesize=5&sort_by=DEFAULT')).providers[0].id, 1);
});

test('list: pagination from 1, pagesize 1-100, sort_by DEFAULT|OPTIONAL', async (t) => {
  const { base } = await started(t);
  const pbx = await session(base);
  const refused: Array<[string, string, string]> = [
    ['pagesize=5', '1050001', 'missing required field: pagination'],
    ['pagination=1', '1050001', 'missing required field: pagesize'],
    ['pagination=0&pagesize=5', '1050002', 'invalid value for field: pagination'],
    ['pagination=-1&pagesize=5', '1050002', 'invalid value for field: pagination'],
    ['pagination=one&pagesize=5', '1050002', 'invalid value for field: pagination'],
    ['pagination=1&pagesize=0', '1050002', 'invalid value for field: pagesize'],
    ['pagination=1&pagesize=101', '1050002', 'invalid value for field: pagesize'],
    ['pagination=1&pagesize=5&sort_by=NAME', '1050002', 'invalid value for field: sort_by'],
    ['pagination=1&pagesize=5&sort_by=optional', '1050002', 'invalid value for field: sort_by'],
  ];
  for (const [query, code, msg] of refused)
    assert.deepEqual(error(await pbx.get(`/api/providers/list?${query}`)), [400, code, msg], query);
});

test('list: an empty PBX has no pages', async (t) => {
  const { base } = await started(t, { seed: false });
  const pbx = await session(base);
  assert.deepEqual((await pbx.get('/api/providers/list?pagination=1&pagesize=10')).json, {
    pagination: 1,
    pagesize: 10,
    sort_by: 'DEFAULT',
    page_count: 0,
    count: 0,
    providers: [],
  });
});

test('paths off the API: 404, and a method the path does not take: 405', async (t) => {
  const { base } = await started(t);
  const pbx = await session(base);
  assert.deepEqual(
    await pbx.get('/api/providers/all'),
    { status: 404, text: 'not found', json: undefined },
    'not a PortSIP error body',
  );
  assert.equal((await pbx.get('/api/providers/show/1')).status, 404);
  assert.equal((await pbx.post('/api/providers/list', {})).status, 405);
  assert.equal((await pbx.get('/api/providers/create')).status, 405);
});

test('the request log records each call with its status, query and body', async (t) => {
  const { base, server } = await started(t);
  const mark = server.requests.length;
  const pbx = await session(base);
  await send(base, 'GET', '/api/providers/list?pagination=1&pagesize=2');
  await pbx.get('/api/providers/list?pagination=1&pagesize=2');
  await pbx.post('/api/providers/destroy', { id: 12 });
  const log = server.since(mark);
  assert.deepEqual(
    log.map((r) => `${r.status} ${r.method} ${r.path}`),
    [
      '200 POST /api/account/credentials/verify',
      '401 GET /api/providers/list',
      '200 GET /api/providers/list',
      '200 POST /api/providers/destroy',
    ],
  );
  assert.equal(log[2]!.query, 'pagination=1&pagesize=2');
  assert.equal(log[2]!.headers.access_token, pbx.token);
  assert.deepEqual(JSON.parse(log[3]!.body), { id: 12 });
  assert.ok(log.every((r) => r.finishedAt >= r.startedAt));
});

test('faults: a 503 hits only the matching calls it was armed for, a reset creates nothing, a malformed body is not JSON', async (t) => {
  const { base, server, state } = await started(t);
  const pbx = await session(base);
  server.injectFault({ kind: 'status', status: 503, pathPrefix: '/api/providers/list', times: 2 });
  assert.equal((await pbx.get('/api/providers/show?id=1')).status, 200, 'another path is not hit');
  for (let i = 0; i < 2; i += 1) {
    const response = await fetch(`${base}/api/providers/list?pagination=1&pagesize=5`, {
      headers: { access_token: pbx.token },
    });
    assert.equal(response.status, 503);
  }
  assert.equal((await pbx.get('/api/providers/list?pagination=1&pagesize=5')).status, 200, 'spent after two');

  server.injectFault({ kind: 'reset', pathPrefix: '/api/providers/create' });
  await assert.rejects(pbx.post('/api/providers/create', VALID));
  assert.equal(state.list('DEFAULT').length, SEEDED);
  server.clearFaults();
  assert.equal((await pbx.post('/api/providers/create', VALID)).status, 200);

  server.injectFault({ kind: 'malformed', method: 'GET', times: 1 });
  const garbled = await fetch(`${base}/api/providers/show?id=1`, { headers: { access_token: pbx.token } });
  assert.equal(garbled.status, 200);
  await assert.rejects(garbled.json(), SyntaxError);
});

test("seedPbx: the same 12 trunks every time, every one valid by the emulator's own rules", async (t) => {
  const [first, second] = [new PbxState(600), new PbxState(600)];
  seedPbx(first);
  seedPbx(second);
  assert.deepEqual(first.list('DEFAULT'), second.list('DEFAULT'));
  const trunks = first.list('DEFAULT');
  assert.equal(trunks.length, SEEDED);
  assert.ok(trunks.some((p) => p.name === 'sipgate trunking'));
  assert.deepEqual(new Set(trunks.map((p) => p.auth_mode)), new Set(['IP_AUTH', 'REGISTER_AUTH']));
  assert.deepEqual(new Set(trunks.map((p) => p.port)), new Set([5060, 5061]));

  const { base } = await started(t);
  const pbx = await session(base);
  for (const trunk of trunks) {
    const reply = await pbx.post('/api/providers/update', trunk);
    assert.equal(reply.status, 200, `${trunk.name}: ${reply.text}`);
  }
});
