/**
 * The 2N intercom emulator over real HTTP, with a Digest client written here from RFC 2617 (not the
 * gateway's), so the server's side of Digest is checked against an independent implementation.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { createTwoNEmulator, type TwoNEmulatorOptions } from '../../src/emulators/2n/index.js';
import { createDigestVerifier } from '../../src/emulators/shared/digest.js';
import type { EmulatorRequest, EmulatorServer } from '../../src/emulators/shared/harness.js';

const md5 = (text: string): string => createHash('md5').update(text).digest('hex');

interface Challenge {
  realm: string;
  nonce: string;
  opaque: string;
  qop: string;
}

function parseChallenge(header: string | null): Challenge {
  if (!header?.startsWith('Digest ')) assert.fail(`a Digest challenge, got ${header}`);
  const field = (name: string): string =>
    new RegExp(`${name}="([^"]*)"`).exec(header)?.[1] ?? assert.fail(`no ${name} in ${header}`);
  return { realm: field('realm'), nonce: field('nonce'), opaque: field('opaque'), qop: field('qop') };
}

function digestAuthorization(a: {
  method: string;
  uri: string;
  username: string;
  password: string;
  challenge: Challenge;
  nc: number;
}): string {
  const nc = a.nc.toString(16).padStart(8, '0');
  const cnonce = 'f00dcafe';
  const ha1 = md5(`${a.username}:${a.challenge.realm}:${a.password}`);
  const ha2 = md5(`${a.method}:${a.uri}`);
  const response = md5(`${ha1}:${a.challenge.nonce}:${nc}:${cnonce}:auth:${ha2}`);
  return `Digest username="${a.username}", realm="${a.challenge.realm}", nonce="${a.challenge.nonce}", uri="${a.uri}", algorithm=MD5, qop=auth, nc=${nc}, cnonce="${cnonce}", response="${response}", opaque="${a.challenge.opaque}"`;
}

function blobForm(blob: unknown): FormData {
  const form = new FormData();
  form.set('blob-json', JSON.stringify(blob));
  return form;
}

/** A client that answers the device's challenge once and then counts nonce uses, like a browser would. */
class DigestSession {
  private challenge: Challenge | undefined;
  private nc = 0;

  constructor(
    private readonly base: string,
    private readonly username = 'admin',
    private readonly password = 'secret',
  ) {}

  async send(method: string, uri: string, body?: FormData): Promise<Response> {
    if (!this.challenge) {
      const refused = await fetch(`${this.base}${uri}`, { method });
      assert.equal(refused.status, 401);
      this.challenge = parseChallenge(refused.headers.get('www-authenticate'));
    }
    this.nc += 1;
    const authorization = digestAuthorization({
      method,
      uri,
      username: this.username,
      password: this.password,
      challenge: this.challenge,
      nc: this.nc,
    });
    return fetch(`${this.base}${uri}`, { method, body, headers: { authorization } });
  }

  async json(method: string, uri: string, body?: FormData): Promise<any> {
    const response = await this.send(method, uri, body);
    assert.equal(response.status, 200);
    return response.json();
  }

  put(blob: unknown): Promise<any> {
    return this.json('PUT', '/api/phone/config', blobForm(blob));
  }
}

const CONFIG_FIELDS = [
  'account',
  'enabled',
  'displayName',
  'sipNumber',
  'domain',
  'domainPort',
  'authId',
  'proxyAddress',
  'proxyPort',
  'registrationEnabled',
  'registrarAddress',
  'registrarPort',
  'answerMode',
];

describe('2N emulator (Digest, the default)', () => {
  let clock = new Date('2025-03-10T12:00:00Z');
  const unix = (date: Date): number => Math.floor(date.getTime() / 1000);
  const created = clock;
  let server: EmulatorServer;
  let base: string;
  let session: DigestSession;
  before(async () => {
    ({ server } = createTwoNEmulator({
      macAddr: '7c-1e-b3-0a-0b-0c',
      deviceName: 'Lobby',
      username: 'admin',
      password: 'secret',
      now: () => clock,
    }));
    base = await server.start();
    session = new DigestSession(base);
  });
  after(() => server.stop());

  test('system info needs no auth: identity with the MAC upper case and colon separated', async () => {
    const response = await fetch(`${base}/api/system/info`);
    assert.equal(response.status, 200);
    const body = (await response.json()) as any;
    assert.equal(body.success, true);
    assert.deepEqual(Object.keys(body.result).sort(), [
      'buildType',
      'deviceName',
      'hwVersion',
      'macAddr',
      'serialNumber',
      'swVersion',
      'variant',
    ]);
    assert.equal(body.result.macAddr, '7C:1E:B3:0A:0B:0C');
    assert.equal(body.result.deviceName, 'Lobby');
    assert.match(body.result.serialNumber, /^54-\d{4}-\d{4}$/);
  });

  test('without credentials: 401, a Digest challenge and the 2N error object', async () => {
    const response = await fetch(`${base}/api/phone/config`);
    assert.equal(response.status, 401);
    const header = response.headers.get('www-authenticate');
    assert.match(
      String(header),
      /^Digest realm="2N Helios IP", qop="auth", nonce="[^"]+", opaque="[^"]+", algorithm=MD5$/,
    );
    assert.deepEqual(await response.json(), {
      success: false,
      error: { code: 9, description: 'authorisation required' },
    });
  });

  test('Digest: the right password passes; a wrong one, a replayed count, another uri or a forged nonce do not', async () => {
    const refused = await fetch(`${base}/api/phone/config`);
    const challenge = parseChallenge(refused.headers.get('www-authenticate'));
    const get = (uri: string, authorization: string) => fetch(`${base}${uri}`, { headers: { authorization } });
    const sign = (nc: number, overrides: Partial<{ uri: string; password: string; challenge: Challenge }> = {}) =>
      digestAuthorization({
        method: 'GET',
        uri: '/api/phone/config',
        username: 'admin',
        password: 'secret',
        challenge,
        nc,
        ...overrides,
      });

    assert.equal((await get('/api/phone/config', sign(1))).status, 200);
    assert.equal((await get('/api/phone/config', sign(1))).status, 401, 'a nonce count used before is a replay');
    assert.equal((await get('/api/phone/config', sign(3))).status, 200, 'counts may skip (concurrent requests)');
    assert.equal((await get('/api/phone/config', sign(2))).status, 200, 'and arrive out of order, once each');
    assert.equal((await get('/api/phone/config', sign(4, { password: 'wrong' }))).status, 401);
    assert.equal(
      (await get('/api/phone/config?account=1', sign(5))).status,
      401,
      'uri must be the request target, query included',
    );
    assert.equal(
      (await get('/api/phone/config?account=1', sign(6, { uri: '/api/phone/config?account=1' }))).status,
      200,
    );
    const forged = { ...challenge, nonce: Buffer.from(`${Date.now()}:${'0'.repeat(32)}`).toString('base64url') };
    assert.equal(
      (await get('/api/phone/config', sign(1, { challenge: forged }))).status,
      401,
      'a nonce the device never issued',
    );
    assert.equal(
      (await get('/api/phone/config', sign(7, { challenge: { ...challenge, opaque: 'other' } }))).status,
      401,
      'opaque must come back unchanged',
    );
    const again = await get('/api/phone/config', sign(8, { password: 'wrong' }));
    assert.notEqual(
      parseChallenge(again.headers.get('www-authenticate')).nonce,
      challenge.nonce,
      'every 401 carries a fresh nonce',
    );
  });

  test('config: both accounts with exactly the documented fields, strings for ports, never the password', async () => {
    const body = await session.json('GET', '/api/phone/config');
    assert.equal(body.success, true);
    const [first, second] = body.result.accounts;
    for (const account of body.result.accounts) assert.deepEqual(Object.keys(account), CONFIG_FIELDS);
    assert.deepEqual(
      {
        account: first.account,
        enabled: first.enabled,
        sipNumber: first.sipNumber,
        registrarPort: first.registrarPort,
        domainPort: first.domainPort,
        answerMode: first.answerMode,
      },
      { account: 1, enabled: true, sipNumber: '4112', registrarPort: '5060', domainPort: '', answerMode: '1' },
    );
    assert.equal(second.account, 2);
    assert.equal(second.enabled, false);
    const one = await session.json('GET', '/api/phone/config?account=2');
    assert.deepEqual(one.result.accounts, [second]);
  });

  test('?account= must name account 1 or 2', async () => {
    assert.deepEqual(await session.json('GET', '/api/phone/config?account=3'), {
      success: false,
      error: { code: 12, param: 'account', description: 'invalid parameter value' },
    });
    assert.equal((await session.json('GET', '/api/phone/status?account=x')).error.code, 12);
  });

  test('status: registered while enabled with number, domain and password; registerTime is when that became true', async () => {
    const initially = await session.json('GET', '/api/phone/status');
    assert.deepEqual(initially.result.accounts, [
      {
        account: 1,
        enabled: true,
        sipNumber: '4112',
        registrationEnabled: true,
        registered: true,
        registerTime: unix(created),
      },
      { account: 2, enabled: false, sipNumber: '', registrationEnabled: false, registered: false, registerTime: 0 },
    ]);

    clock = new Date('2025-03-10T12:05:00Z');
    await session.put({
      accounts: [
        { account: 2, enabled: true, registrationEnabled: true, sipNumber: '4200', domain: 'sip.example.com' },
      ],
    });
    assert.equal(
      (await session.json('GET', '/api/phone/status?account=2')).result.accounts[0].registered,
      false,
      'no password yet',
    );

    clock = new Date('2025-03-10T12:10:00Z');
    assert.deepEqual(await session.put({ accounts: [{ account: 2, password: 'door-secret' }] }), { success: true });
    const registered = (await session.json('GET', '/api/phone/status?account=2')).result.accounts[0];
    assert.deepEqual([registered.registered, registered.registerTime], [true, unix(clock)]);

    clock = new Date('2025-03-10T12:15:00Z');
    await session.put({ accounts: [{ account: 2, displayName: 'Back door' }] });
    assert.equal(
      (await session.json('GET', '/api/phone/status?account=2')).result.accounts[0].registerTime,
      unix(new Date('2025-03-10T12:10:00Z')),
      'still registered since then',
    );

    await session.put({ accounts: [{ account: 2, enabled: false }] });
    const dropped = (await session.json('GET', '/api/phone/status?account=2')).result.accounts[0];
    assert.deepEqual([dropped.registered, dropped.registerTime], [false, 0]);
  });

  test('PUT: partial update read back as the device reports it, the password stored but never returned', async () => {
    const put = await session.put({
      accounts: [
        {
          account: 1,
          displayName: 'Main entrance',
          proxyAddress: 'proxy.example.com',
          proxyPort: '5070',
          answerMode: '3',
          password: 'n3w-Secret',
        },
      ],
    });
    assert.deepEqual(put, { success: true });
    const response = await session.send('GET', '/api/phone/config?account=1');
    const text = await response.text();
    assert.ok(!text.includes('n3w-Secret') && !text.includes('password'), 'password never readable');
    const account = JSON.parse(text).result.accounts[0];
    assert.deepEqual(
      {
        displayName: account.displayName,
        proxyAddress: account.proxyAddress,
        proxyPort: account.proxyPort,
        answerMode: account.answerMode,
        sipNumber: account.sipNumber,
      },
      {
        displayName: 'Main entrance',
        proxyAddress: 'proxy.example.com',
        proxyPort: '5070',
        answerMode: '3',
        sipNumber: '4112',
      },
    );
  });

  test('PUT is all or nothing: a bad second account leaves the first unchanged', async () => {
    const before = (await session.json('GET', '/api/phone/config?account=1')).result.accounts[0];
    const refused = await session.put({
      accounts: [
        { account: 1, displayName: 'Should not stick' },
        { account: 2, registrarPort: '70000' },
      ],
    });
    assert.deepEqual(refused, {
      success: false,
      error: { code: 12, param: 'registrarPort', description: 'invalid parameter value' },
    });
    assert.deepEqual((await session.json('GET', '/api/phone/config?account=1')).result.accounts[0], before);
  });

  test('PUT validation: the 2N code and the parameter at fault', async () => {
    const error = async (blob: unknown) => (await session.put(blob)).error;
    assert.deepEqual(await error({ accounts: [{ displayName: 'x' }] }), {
      code: 11,
      param: 'account',
      description: 'missing mandatory parameter',
    });
    assert.deepEqual(await error({ accounts: [{ account: 1 }] }), {
      code: 11,
      description: 'missing mandatory parameter',
    });
    assert.deepEqual(await error({}), { code: 11, param: 'accounts', description: 'missing mandatory parameter' });
    assert.equal((await error({ accounts: [{ account: 3, enabled: true }] })).param, 'account');
    assert.equal((await error({ accounts: [{ account: '1', enabled: true }] })).code, 12, 'account is a number');
    assert.deepEqual(await error({ accounts: [{ account: 1, colour: 'red' }] }), {
      code: 12,
      param: 'colour',
      description: 'invalid parameter value',
    });
    assert.deepEqual(await error({ accounts: [{ account: 1, answerMode: '4' }] }), {
      code: 12,
      param: 'answerMode',
      description: 'invalid parameter value',
    });
    assert.equal(
      (await error({ accounts: [{ account: 1, domainPort: 5060 }] })).param,
      'domainPort',
      'ports travel as strings',
    );
    assert.equal(
      (await error({ accounts: [{ account: 1, enabled: 'true' }] })).param,
      'enabled',
      'booleans travel as booleans',
    );
    assert.equal((await error({ accounts: [{ account: 1, proxyPort: '0' }] })).code, 12);
    assert.deepEqual(await error({ accounts: [{ account: 1, displayName: 'x'.repeat(256) }] }), {
      code: 13,
      param: 'displayName',
      description: 'parameter data too big',
    });

    const notJson = await session.json(
      'PUT',
      '/api/phone/config',
      (() => {
        const form = new FormData();
        form.set('blob-json', '{"accounts":[');
        return form;
      })(),
    );
    assert.deepEqual(notJson.error, { code: 12, param: 'blob-json', description: 'invalid parameter value' });
    const asFile = new FormData();
    asFile.set(
      'blob-json',
      new Blob([JSON.stringify({ accounts: [{ account: 2, authId: 'door' }] })], { type: 'application/json' }),
      'blob.json',
    );
    assert.deepEqual(
      await session.json('PUT', '/api/phone/config', asFile),
      { success: true },
      'a file part is read like a field',
    );
  });

  test('PUT without multipart: blob-json is missing', async () => {
    const response = await session.send('PUT', '/api/phone/config');
    assert.deepEqual(await response.json(), {
      success: false,
      error: { code: 11, param: 'blob-json', description: 'missing mandatory parameter' },
    });
  });

  test('unknown path and wrong method: codes 2 and 3 on HTTP 200', async () => {
    const path = await fetch(`${base}/api/phone/nothing`);
    assert.equal(path.status, 200);
    assert.deepEqual(await path.json(), { success: false, error: { code: 2, description: 'invalid request path' } });
    const method = await fetch(`${base}/api/phone/status`, { method: 'DELETE' });
    assert.deepEqual(await method.json(), { success: false, error: { code: 3, description: 'invalid method' } });
  });

  test('a harness fault: the next config read answers 503, the one after is served', async () => {
    server.injectFault({ kind: 'status', status: 503, pathPrefix: '/api/phone/config', times: 1 });
    const mark = server.requests.length;
    assert.equal((await session.send('GET', '/api/phone/config')).status, 503);
    assert.equal((await session.send('GET', '/api/phone/config')).status, 200);
    assert.deepEqual(
      server.since(mark).map((r) => r.status),
      [503, 200],
    );
  });
});

describe('2N emulator, other auth settings', () => {
  const options: TwoNEmulatorOptions = { macAddr: '7C:1E:B3:00:00:01', username: 'admin', password: 'secret' };
  const start = async (extra: Partial<TwoNEmulatorOptions>) => {
    const { server } = createTwoNEmulator({ ...options, ...extra });
    return { server, base: await server.start() };
  };

  test('monitoring privilege only: reads are served, a PUT is refused with code 10 and changes nothing', async () => {
    const { server, base } = await start({ monitoringOnly: true, accounts: [{ displayName: 'Gate' }] });
    try {
      const session = new DigestSession(base);
      assert.equal((await session.json('GET', '/api/phone/config')).result.accounts[0].displayName, 'Gate');
      assert.deepEqual(await session.put({ accounts: [{ account: 1, displayName: 'Changed' }] }), {
        success: false,
        error: { code: 10, description: 'insufficient privileges' },
      });
      assert.equal((await session.json('GET', '/api/phone/config')).result.accounts[0].displayName, 'Gate');
    } finally {
      await server.stop();
    }
  });

  test('Basic: challenged with Basic, the right password passes, a wrong one does not', async () => {
    const { server, base } = await start({ auth: 'basic' });
    const basic = (password: string) => ({
      authorization: `Basic ${Buffer.from(`admin:${password}`).toString('base64')}`,
    });
    try {
      const refused = await fetch(`${base}/api/phone/status`);
      assert.equal(refused.status, 401);
      assert.equal(refused.headers.get('www-authenticate'), 'Basic realm="2N Helios IP"');
      assert.equal((await fetch(`${base}/api/phone/status`, { headers: basic('wrong') })).status, 401);
      const served = await fetch(`${base}/api/phone/status`, { headers: basic('secret') });
      assert.equal(((await served.json()) as any).result.accounts.length, 2);
    } finally {
      await server.stop();
    }
  });

  test('no auth: served without credentials', async () => {
    const { server, base } = await start({ auth: 'none' });
    try {
      const response = await fetch(`${base}/api/phone/config`);
      assert.equal(((await response.json()) as any).success, true);
    } finally {
      await server.stop();
    }
  });
});

test('Digest verifier: an expired nonce with the right password is answered stale=true', () => {
  let now = 1_000_000;
  const verifier = createDigestVerifier({ realmFor: () => 'lab', nonceLifetimeMs: 60_000, now: () => now });
  const request = (authorization?: string) =>
    ({ method: 'GET', target: '/x', headers: authorization ? { authorization } : {} }) as unknown as EmulatorRequest;
  const challenge = parseChallenge(verifier.challenge(request()));
  const sign = (nc: number, password = 'pw') =>
    digestAuthorization({ method: 'GET', uri: '/x', username: 'u', password, challenge, nc });
  const lookup = (username: string, realm: string) => (username === 'u' && realm === 'lab' ? 'pw' : undefined);

  assert.deepEqual(verifier.verify(request(sign(1)), lookup), { ok: true, username: 'u', realm: 'lab' });
  now += 61_000;
  assert.deepEqual(verifier.verify(request(sign(2)), lookup), { ok: false, stale: true });
  assert.deepEqual(
    verifier.verify(request(sign(3, 'wrong')), lookup),
    { ok: false, stale: false },
    'stale only when the password was right',
  );
  assert.match(verifier.challenge(request(), { stale: true }), /, stale=true$/);
});
