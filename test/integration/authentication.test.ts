/**
 * Authentication over real HTTP: API keys (x-api-key, Bearer), JWTs verified against a PEM key and
 * against a JWKS served over HTTP, the 401 answer, open probe paths, and the secure default.
 */
import assert from 'node:assert/strict';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { authSchema } from '../../src/auth/config.js';
import { sha256Hex } from '../../src/auth/authenticate.js';
import { ConfigError, parseSettings, type Settings } from '../../src/config.js';
import { silentLogger } from '../../src/log.js';
import { createServer } from '../../src/server.js';
import { graphqlClient, startStack, type Caller, type Stack } from '../helpers/stack.js';
import { mutationFields } from '../helpers/schema-walk.js';

const ISSUER = 'https://idp.example';
const AUDIENCE = 'sipgraph';
const QUERY = '{ connections { name } }';

let stack: Stack;
let keys: { privateKey: CryptoKey; publicKey: CryptoKey };

before(async () => {
  stack = await startStack();
  keys = await generateKeyPair('ES256');
});
after(() => stack.stop());

/** A gateway over the demo's connections with `auth`, parsed (and its env references resolved) as a config file's. */
async function gatewayWith(
  auth: unknown,
  env: Record<string, string> = {},
): Promise<{ call: (caller: Caller, query?: string) => Promise<Response>; url: string; stop: () => Promise<void> }> {
  const parsed = parseSettings(
    {
      auth,
      connections: [
        { kind: 'pbx', name: 'p', baseUrl: 'http://x.invalid', username: { env: 'U' }, password: { env: 'U' } },
      ],
    },
    { U: 'u', ...env },
  );
  const settings: Settings = { ...stack.demo.settings, auth: parsed.auth, log: { level: 'silent' } };
  const gateway = await createServer(settings, { logger: silentLogger });
  const url = await gateway.listen(0, '127.0.0.1');
  return { url, call: (caller, query = QUERY) => graphqlClient(url, caller).post(query), stop: () => gateway.stop() };
}

function token(
  claims: Record<string, unknown> = {},
  options: { expiresAt?: number; issuer?: string; audience?: string; kid?: string } = {},
): Promise<string> {
  return new SignJWT({ sipgraph: { admin: true }, ...claims })
    .setProtectedHeader({ alg: 'ES256', ...(options.kid ? { kid: options.kid } : {}) })
    .setSubject('svc-provisioning')
    .setIssuer(options.issuer ?? ISSUER)
    .setAudience(options.audience ?? AUDIENCE)
    .setExpirationTime(options.expiresAt ?? Math.floor(Date.now() / 1000) + 300)
    .sign(keys.privateKey);
}

async function expect401(response: Response): Promise<void> {
  assert.equal(response.status, 401);
  const body = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
  assert.equal(body.errors[0]?.extensions.code, 'UNAUTHENTICATED');
  assert.match(response.headers.get('www-authenticate') ?? '', /^Bearer/);
}

describe('API keys', () => {
  test('no credential, an unknown key, a bogus scheme: 401 UNAUTHENTICATED and no vendor call', async () => {
    const { calls, total } = await stack.counting(async () => {
      await expect401(await stack.as(null).post('{ domains { users { nodes { userName } } } }'));
      await expect401(await stack.as('sg_not-a-key').post(QUERY));
      await expect401(await stack.as({ headers: { 'x-api-key': 'nope' } }).post(QUERY));
      await expect401(
        await stack.as({ headers: { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` } }).post(QUERY),
      );
      // A valid key in the wrong header scheme is not accepted either.
      await expect401(await stack.as({ headers: { authorization: `Token ${stack.demo.keys.admin}` } }).post(QUERY));
    });
    assert.equal(total, 0, JSON.stringify(calls));
  });

  test('the admin key works as x-api-key and as a Bearer token', async () => {
    for (const caller of [stack.demo.keys.admin, { headers: { 'x-api-key': stack.demo.keys.admin } }]) {
      const data = await stack.as(caller).ok('{ connections { name } }');
      assert.ok(data.connections.length >= 5);
    }
  });

  test('every mutation, sent anonymously, is refused with 401 before any vendor call', async () => {
    const mutations = mutationFields();
    assert.ok(mutations.length >= 33, `found ${mutations.length} mutations`);
    let accepted = 0;
    const { total } = await stack.counting(async () => {
      for (const m of mutations) {
        const response = await stack.as(null).post(m.document, m.variables);
        if (response.status !== 401) accepted += 1;
        await response.body?.cancel();
      }
    });
    assert.equal(accepted, 0, 'anonymous mutations accepted');
    assert.equal(total, 0);
  });

  test('keys are configured by hash or env reference; a config without auth refuses to start', async () => {
    const byHash = await gatewayWith({ apiKeys: [{ id: 'ops', sha256: sha256Hex('sg_hashed-key'), admin: true }] });
    try {
      assert.equal((await byHash.call('sg_hashed-key')).status, 200);
      await expect401(await byHash.call(sha256Hex('sg_hashed-key')));
    } finally {
      await byHash.stop();
    }
    const { auth: _auth, ...withoutAuth } = stack.demo.settings;
    await assert.rejects(
      createServer(withoutAuth as Settings, { logger: silentLogger }),
      (e: unknown) => e instanceof ConfigError && /auth/.test(e.message),
    );
    assert.throws(() => authSchema.parse({}), /configure apiKeys or jwt/);
  });

  test('explicit anonymous access is honoured; probes stay open only as configured', async () => {
    const open = await gatewayWith({ anonymous: { admin: true } });
    try {
      assert.equal((await open.call(null)).status, 200);
      // A bad credential is refused even where anonymous calls are allowed: it is never downgraded.
      await expect401(await open.call('sg_wrong'));
    } finally {
      await open.stop();
    }
    assert.equal((await fetch(new URL('/healthz', stack.url))).status, 200);
    const closed = await gatewayWith({ apiKeys: [{ id: 'a', sha256: sha256Hex('k'), admin: true }], openPaths: [] });
    try {
      await expect401(await fetch(new URL('/healthz', closed.url)));
      assert.equal((await fetch(new URL('/healthz', closed.url), { headers: { 'x-api-key': 'k' } })).status, 200);
    } finally {
      await closed.stop();
    }
  });
});

describe('JWT bearer tokens', () => {
  test('verified against a PEM public key: issuer, audience, expiry with clock skew, algorithm', async () => {
    const pem = await exportSPKI(keys.publicKey);
    const jwt = {
      publicKey: { env: 'IDP_PUBLIC_KEY' },
      algorithms: ['ES256'],
      issuer: ISSUER,
      audience: AUDIENCE,
      clockSkewSeconds: 30,
    };
    const gw = await gatewayWith({ jwt }, { IDP_PUBLIC_KEY: pem });
    try {
      const now = Math.floor(Date.now() / 1000);
      assert.equal((await gw.call(await token())).status, 200);
      assert.equal(
        (await gw.call(await token({}, { expiresAt: now - 10 }))).status,
        200,
        'expired within the clock skew',
      );
      await expect401(await gw.call(await token({}, { expiresAt: now - 120 })));
      await expect401(await gw.call(await token({}, { issuer: 'https://evil.example' })));
      await expect401(await gw.call(await token({}, { audience: 'someone-else' })));
      await expect401(await gw.call(await token({ sipgraph: { admin: 'yes' } })));
      const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: 'x', iss: ISSUER, aud: AUDIENCE, exp: now + 60 })).toString('base64url')}.`;
      await expect401(await gw.call(unsigned));
      const other = await generateKeyPair('ES256');
      const forged = await new SignJWT({ sipgraph: { admin: true } })
        .setProtectedHeader({ alg: 'ES256' })
        .setSubject('x')
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setExpirationTime('5m')
        .sign(other.privateKey);
      await expect401(await gw.call(forged));
    } finally {
      await gw.stop();
    }
  });

  test("a token's grants claim scopes it like an API key: one domain, read only", async () => {
    const pem = await exportSPKI(keys.publicKey);
    const gw = await gatewayWith(
      { jwt: { publicKey: { env: 'IDP_KEY' }, algorithms: ['ES256'], issuer: ISSUER, audience: AUDIENCE } },
      { IDP_KEY: pem },
    );
    try {
      const grants = [
        { connection: 'infinity', domains: [stack.demo.keys.tenantScope.domainId], areas: { directory: 'read' } },
      ];
      const reader = graphqlClient(gw.url, await token({ sipgraph: { grants } }));
      const data = await reader.ok('{ domains { name } }');
      assert.deepEqual(data.domains, [{ name: stack.demo.keys.tenantScope.domainName }]);
      const write = await reader.gql('mutation($id: ID!) { deleteUser(id: $id) { deletedId } }', {
        id: 'djE6VXNlcjppbmZpbml0eTppbmZpbml0eToxOjE',
      });
      assert.equal(write.errors?.[0]?.extensions?.code, 'FORBIDDEN');
      const nothing = graphqlClient(gw.url, await token({ sipgraph: undefined }));
      assert.equal(
        (await nothing.gql('{ domains { name } }')).errors?.[0]?.extensions?.code,
        'FORBIDDEN',
        'no claim: no grants',
      );
    } finally {
      await gw.stop();
    }
  });

  test('verified against a JWKS fetched over HTTP', async () => {
    const jwk = { ...(await exportJWK(keys.publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
    let fetched = 0;
    const jwks: Server = createHttpServer((_req, res) => {
      fetched += 1;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/.well-known/jwks.json`;
    const gw = await gatewayWith({ jwt: { jwksUrl, issuer: ISSUER, audience: AUDIENCE } });
    try {
      assert.equal((await gw.call(await token({}, { kid: 'k1' }))).status, 200);
      assert.equal((await gw.call(await token({}, { kid: 'k1' }))).status, 200);
      assert.equal(fetched, 1, 'the key set is fetched once and cached');
      await expect401(await gw.call(await token({}, { kid: 'unknown' })));
    } finally {
      await gw.stop();
      await new Promise<void>((resolve) => jwks.close(() => resolve()));
    }
  });
});

describe('the demo', () => {
  test('GraphiQL opens with the admin key in its headers pane only when the server is told to', async () => {
    const settings = { ...stack.demo.settings, log: { level: 'silent' as const } };
    const demo = await createServer(settings, {
      logger: silentLogger,
      graphiqlHeaders: { authorization: `Bearer ${stack.demo.keys.admin}` },
    });
    const url = await demo.listen(0, '127.0.0.1');
    try {
      const html = await (await fetch(url, { headers: { accept: 'text/html' } })).text();
      assert.ok(html.includes(`Bearer ${stack.demo.keys.admin}`), 'the key is in the page');
      assert.ok(
        !(await (await fetch(stack.url, { headers: { accept: 'text/html' } })).text()).includes(stack.demo.keys.admin),
      );
    } finally {
      await demo.stop();
    }
  });

  test('the tenant key is a second principal; keys are random unless given', async () => {
    assert.notEqual(stack.demo.keys.admin, stack.demo.keys.tenant);
    assert.match(stack.demo.keys.admin, /^sg_[A-Za-z0-9_-]{32}$/);
    const data = await stack.as(stack.demo.keys.tenant).ok('{ connections { name } }');
    assert.ok(data.connections.length > 0);
  });
});
