/**
 * Gateway ↔ Stringee and PBX emulators over HTTP: SIP phones as users, SIP trunks as providers,
 * the JWT and token logins, write-only passwords, and conflict detection on a provider patch.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SignJWT } from 'jose';
import { silentLogger } from '../../src/log.js';
import { createServer } from '../../src/server.js';
import { startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;
let stringeeDomain: string;
before(async () => {
  stack = await startStack();
  const { data } = await stack.gql<{ domains: Array<{ id: string; vendor: string }> }>('{ domains { id vendor } }');
  stringeeDomain = data!.domains.find((d) => d.vendor === 'STRINGEE')!.id;
});
after(() => stack.stop());

const ok: Stack['ok'] = (query, variables) => stack.ok(query, variables);

function connection<K extends string>(kind: K) {
  const found = stack.demo.settings.connections.find((c) => c.kind === kind);
  assert.ok(found);
  return found as Extract<(typeof stack.demo.settings.connections)[number], { kind: K }>;
}

async function stringeeToken(overrides: { secret?: string; exp?: number; restApi?: boolean } = {}): Promise<string> {
  const c = connection('stringee');
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ rest_api: overrides.restApi ?? true })
    .setProtectedHeader({ typ: 'JWT', alg: 'HS256', cty: 'stringee-api;v=1' })
    .setJti(`${c.apiKeySid}-${now}`)
    .setIssuer(c.apiKeySid)
    .setExpirationTime(overrides.exp ?? now + 600)
    .sign(new TextEncoder().encode(overrides.secret ?? c.apiKeySecret));
}

describe('Stringee SIP phones', () => {
  test('the project is a Domain with its registrar; its phones are users, matching the vendor list', async () => {
    const response = await fetch(`${connection('stringee').baseUrl}/v1/sipphone`, {
      headers: { 'X-STRINGEE-AUTH': await stringeeToken() },
    });
    const vendor = (await response.json()) as {
      r: number;
      data: { sipphones: Array<{ username: string }>; total: string };
    };
    assert.equal(vendor.r, 0);
    const data = await ok(
      `query($d: ID!) { domain(id: $d) { registrar users(first: 100) { totalCount nodes { userName accounts { username registrar address } } } } }`,
      { d: stringeeDomain },
    );
    assert.equal(data.domain.registrar, 'v2.stringee.com:15060');
    assert.equal(data.domain.users.totalCount, Number(vendor.data.total));
    assert.deepEqual(
      data.domain.users.nodes.map((u: { accounts: Array<{ username: string }> }) => u.accounts[0]!.username).sort(),
      vendor.data.sipphones.map((p) => p.username).sort(),
    );
  });

  test('create, update (password required), delete a SIP phone', async () => {
    const created = await ok(
      `mutation($d: ID!) { createUser(input: {domainId: $d, userName: "reception", password: "Recept1on!", displayName: "Reception", extension: "150"}) { id userName extension accounts { username } } }`,
      { d: stringeeDomain },
    );
    assert.equal(created.createUser.userName, 'reception');
    assert.equal(created.createUser.extension, '150');
    assert.equal(created.createUser.accounts[0].username, `${connection('stringee').projectId}_reception`);
    const id = created.createUser.id as string;

    const { result: withoutPassword, total } = await stack.counting(() =>
      stack.gql(`mutation($id: ID!) { updateUser(id: $id, input: {extension: "151"}) { extension } }`, { id }),
    );
    assert.equal(withoutPassword.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.equal(total, 0, 'refused before any vendor call');

    const updated = await ok(
      `mutation($id: ID!) { updateUser(id: $id, input: {extension: "151", password: "N3w-pass!"}) { extension } }`,
      { id },
    );
    assert.equal(updated.updateUser.extension, '151');

    const duplicate = await stack.gql(
      `mutation($d: ID!) { createUser(input: {domainId: $d, userName: "reception", password: "Recept1on!", displayName: "R", extension: "152"}) { id } }`,
      { d: stringeeDomain },
    );
    assert.equal(duplicate.errors?.[0]?.extensions?.code, 'VENDOR_REJECTED');
    assert.equal(duplicate.errors?.[0]?.extensions?.vendorCode, 2);

    await ok(`mutation($id: ID!) { deleteUser(id: $id) { deletedId } }`, { id });
    const gone = await stack.gql(`query($id: ID!) { user(id: $id) { id } }`, { id });
    assert.equal(gone.errors?.[0]?.extensions?.code, 'NOT_FOUND');
  });

  test('the emulator accepts the minted JWT and refuses forged, expired or non-REST ones', async () => {
    const url = `${connection('stringee').baseUrl}/v1/sipphone`;
    const status = async (token: string) => {
      const response = await fetch(url, { headers: { 'X-STRINGEE-AUTH': token } });
      return { http: response.status, r: ((await response.json()) as { r: number }).r };
    };
    assert.deepEqual(await status(await stringeeToken()), { http: 200, r: 0 });
    assert.deepEqual(await status(await stringeeToken({ secret: 'not-the-secret' })), { http: 401, r: 1 });
    assert.deepEqual(await status(await stringeeToken({ exp: Math.floor(Date.now() / 1000) - 10 })), {
      http: 401,
      r: 1,
    });
    assert.deepEqual(await status(await stringeeToken({ restApi: false })), { http: 401, r: 1 });

    const sent = stack.demo.emulators
      .stringee!.requests.filter((r) => r.status === 200)
      .map((r) => String(r.headers['x-stringee-auth'] ?? ''));
    const [header, payload] = sent
      .at(-1)!
      .split('.')
      .slice(0, 2)
      .map((p) => JSON.parse(Buffer.from(p, 'base64url').toString()));
    assert.deepEqual(header, { typ: 'JWT', alg: 'HS256', cty: 'stringee-api;v=1' });
    assert.equal(payload.iss, connection('stringee').apiKeySid);
    assert.equal(payload.rest_api, true);
  });

  test('a gateway holding the wrong secret gets VENDOR_AUTH_FAILED with the vendor code', async () => {
    const settings = structuredClone(stack.demo.settings);
    settings.connections = settings.connections
      .filter((c) => c.kind === 'stringee')
      .map((c) => ({ ...c, apiKeySecret: 'forged-secret-forged-secret' }));
    const gateway = await createServer({ ...settings, log: { level: 'silent' } }, { logger: silentLogger });
    const url = await gateway.listen(0, '127.0.0.1');
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.demo.keys.admin}` },
        body: JSON.stringify({ query: '{ domains { users { nodes { userName } } } }' }),
      });
      const body = (await response.json()) as { errors?: Array<{ extensions: Record<string, unknown> }> };
      assert.equal(body.errors?.[0]?.extensions.code, 'VENDOR_AUTH_FAILED');
      assert.equal(body.errors?.[0]?.extensions.vendorCode, 1);
    } finally {
      await gateway.stop();
    }
  });
});

describe('PBX SIP trunks', () => {
  test('providers page through the vendor pages without overlap, totalCount from the vendor', async () => {
    const all = await ok('{ providers(first: 100) { totalCount nodes { id name } } }');
    const names: string[] = [];
    let cursor: string | null = null;
    for (let guard = 0; guard < 20; guard += 1) {
      const page: any = await ok(
        'query($after: String) { providers(first: 5, after: $after) { nodes { name } pageInfo { hasNextPage endCursor } } }',
        { after: cursor },
      );
      names.push(...page.providers.nodes.map((p: { name: string }) => p.name));
      if (!page.providers.pageInfo.hasNextPage) break;
      cursor = page.providers.pageInfo.endCursor;
    }
    assert.equal(names.length, all.providers.totalCount);
    assert.deepEqual(
      names,
      all.providers.nodes.map((p: { name: string }) => p.name),
    );
    const byName = await ok('{ providers(first: 100, sortBy: NAME) { nodes { name } } }');
    const sorted = byName.providers.nodes.map((p: { name: string }) => p.name);
    assert.deepEqual(
      sorted,
      [...sorted].sort((a: string, b: string) => a.localeCompare(b)),
    );
  });

  test('create, partial update (password kept), delete a SIP trunk', async () => {
    const created = (
      await ok(
        `mutation { createProvider(input: {name: "Test trunk", authMode: REGISTER_AUTH, protocol: UDP, requireRegister: true, reregisterInterval: 300, hostname: "sip.test.example", port: 5060, authId: "acct-1", password: "trunk-Secret-1", ips: ["192.0.2.10"], inParameters: [{name: "X-Tag", value: "in"}]}) { id name port status ips inParameters { name value } } }`,
      )
    ).createProvider;
    assert.equal(created.name, 'Test trunk');
    assert.deepEqual(created.inParameters, [{ name: 'X-Tag', value: 'in' }]);
    const id = created.id as string;

    const patched = (
      await ok(
        `mutation($id: ID!) { updateProvider(id: $id, input: {port: 5080, protocol: TCP}) { port protocol name authId hostname } }`,
        { id },
      )
    ).updateProvider;
    assert.deepEqual(patched, {
      port: 5080,
      protocol: 'TCP',
      name: 'Test trunk',
      authId: 'acct-1',
      hostname: 'sip.test.example',
    });

    // The vendor's own view: the password the gateway never returns is still the one set.
    const token = await pbxToken();
    const show = await fetch(
      `${connection('pbx').baseUrl}/api/providers/show?id=${Buffer.from(id, 'base64url').toString().split(':').pop()}`,
      { headers: { access_token: token } },
    );
    assert.equal(((await show.json()) as { password: string }).password, 'trunk-Secret-1');

    await ok(`mutation($id: ID!) { deleteProvider(id: $id) { deletedId } }`, { id });
    const gone = await stack.gql(`query($id: ID!) { provider(id: $id) { id } }`, { id });
    assert.equal(gone.errors?.[0]?.extensions?.code, 'NOT_FOUND');
  });

  test('bad input to the vendor comes back typed with the vendor code', async () => {
    const result = await stack.gql(
      `mutation { createProvider(input: {name: "", authMode: IP_AUTH, protocol: UDP, requireRegister: false, reregisterInterval: 60, hostname: "x.example", port: 5060, authId: "a", password: "p"}) { id } }`,
    );
    assert.equal(result.errors?.[0]?.extensions?.code, 'VENDOR_REJECTED');
    assert.match(String(result.errors?.[0]?.extensions?.vendorCode), /^105000[12]$/);
  });

  test('a change by someone else between read and write is reported as CONFLICT, not overwritten', async () => {
    const created = (
      await ok(
        `mutation { createProvider(input: {name: "Race trunk", authMode: IP_AUTH, protocol: UDP, requireRegister: false, reregisterInterval: 60, hostname: "race.example", port: 5060, authId: "race", password: "race-Secret-1"}) { id } }`,
      )
    ).createProvider;
    const nativeId = Buffer.from(created.id, 'base64url').toString().split(':').pop()!;
    const emulator = stack.demo.emulators.pbx!;
    // Someone else renames the trunk right after the gateway's first read.
    emulator.interceptOnce({ method: 'GET', pathPrefix: '/api/providers/show', nth: 2 }, async () => {
      const token = await pbxToken();
      const current = (await (
        await fetch(`${connection('pbx').baseUrl}/api/providers/show?id=${nativeId}`, {
          headers: { access_token: token },
        })
      ).json()) as Record<string, unknown>;
      const response = await fetch(`${connection('pbx').baseUrl}/api/providers/update`, {
        method: 'POST',
        headers: { access_token: token, 'content-type': 'application/json' },
        body: JSON.stringify({ ...current, hostname: 'changed-by-someone-else.example' }),
      });
      assert.equal(response.status, 200);
    });
    const mark = emulator.requests.length;
    const result = await stack.gql(`mutation($id: ID!) { updateProvider(id: $id, input: {port: 5099}) { port } }`, {
      id: created.id,
    });
    assert.equal(result.errors?.[0]?.extensions?.code, 'CONFLICT', JSON.stringify(result.errors));
    assert.deepEqual(
      emulator.since(mark).filter((r) => r.path === '/api/providers/update' && r.body.includes('5099')),
      [],
      'the gateway did not write over the other change',
    );
    const after = await ok(`query($id: ID!) { provider(id: $id) { hostname port } }`, { id: created.id });
    assert.deepEqual(after.provider, { hostname: 'changed-by-someone-else.example', port: 5060 });
    await ok(`mutation($id: ID!) { deleteProvider(id: $id) { deletedId } }`, { id: created.id });
  });
});

test('an expired PBX token is replaced by one new login, and the query still succeeds', async () => {
  await ok('{ providers(first: 1) { nodes { id } } }');
  stack.demo.states.pbx.expireAllTokens();
  const { result, calls } = await stack.counting(() => stack.gql('{ providers(first: 2) { nodes { name } } }'));
  assert.equal(result.errors, undefined, JSON.stringify(result.errors));
  assert.deepEqual(
    (calls.pbx ?? []).map((c) => `${c.status} ${c.method} ${c.path}`),
    ['401 GET /api/providers/list', '200 POST /api/account/credentials/verify', '200 GET /api/providers/list'],
  );
});

async function pbxToken(): Promise<string> {
  const c = connection('pbx');
  const response = await fetch(`${c.baseUrl}/api/account/credentials/verify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: c.username, password: c.password }),
  });
  assert.equal(response.status, 200);
  return ((await response.json()) as { access_token: string }).access_token;
}

test('no field of any output type can return a password, PIN or secret', async () => {
  const result = await ok('{ __schema { types { name kind fields { name } } } }');
  const offending = (
    result.__schema.types as Array<{ name: string; kind: string; fields: Array<{ name: string }> | null }>
  )
    .filter((t) => t.kind === 'OBJECT' || t.kind === 'INTERFACE')
    .flatMap((t) => (t.fields ?? []).map((f) => `${t.name}.${f.name}`))
    .filter((f) => /password|passwd|secret|\.pin$|apikey/i.test(f));
  assert.deepEqual(offending, []);
});
