/**
 * Tenant scoping on the paths a matrix of root fields does not show: lists, nested relations,
 * cross-vendor joins, batches of ids, node/nodes, and admin-only fields. The demo tenant holds one
 * Infinity domain (directory and devices); every check counts what the emulators were asked.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { describeCalls, startStack, type GraphQLClient, type Stack } from '../helpers/stack.js';

let stack: Stack;
let tenant: GraphQLClient;
let own: { domain: string; users: string[]; groups: string[] };
let foreign: { domain: string; users: string[]; groups: string[] };

before(async () => {
  stack = await startStack();
  tenant = stack.as(stack.demo.keys.tenant);
  const data = await stack.ok(
    '{ domains(vendor: INFINITY) { id users(first: 2) { nodes { id } } groups(first: 2) { nodes { id } } } }',
  );
  const pick = (d: any) => ({
    domain: d.id,
    users: d.users.nodes.map((u: any) => u.id),
    groups: d.groups.nodes.map((g: any) => g.id),
  });
  [own, foreign] = [pick(data.domains[0]), pick(data.domains[1])];
});
after(() => stack.stop());

const codes = (errors: Array<{ extensions?: Record<string, unknown> }> | undefined): unknown[] =>
  (errors ?? []).map((e) => e.extensions?.code);

describe('lists show only what is granted', () => {
  test('domains: the tenant sees its one domain, and only its connection is asked', async () => {
    const { result, calls, total } = await stack.counting(() => tenant.ok('{ domains { id name } }'));
    assert.deepEqual(
      result.domains.map((d: any) => d.id),
      [own.domain],
    );
    assert.equal(total, 1, JSON.stringify(Object.keys(calls)));
    assert.equal(calls.infinity?.length, 1);
  });

  test('connections: names of granted connections only; baseUrl is for admins', async () => {
    const response = await tenant.gql('{ connections { name baseUrl } }');
    assert.deepEqual(response.data?.connections, [{ name: 'infinity', baseUrl: null }]);
    assert.deepEqual(codes(response.errors), ['FORBIDDEN']);
    const admin = await stack.ok('{ connections { name baseUrl } }');
    assert.ok(admin.connections.every((c: any) => /^http:\/\/127\.0\.0\.1:\d+/.test(c.baseUrl)));
  });
});

describe('nested relations and cross-vendor joins', () => {
  test("a granted user's devices resolve; their 2N SIP config is FORBIDDEN, SIP Thor accounts left out, neither asked", async () => {
    const query = `query($id: ID!) { domain(id: $id) { users(first: 5) { nodes { userName accounts { id } devices { name sipConfig { connection } } } } } }`;
    const { result: response, calls } = await stack.counting(() => tenant.gql(query, { id: own.domain }));
    assert.ok(response.errors!.length > 0);
    assert.ok(
      response.errors!.every((e) => e.extensions?.code === 'FORBIDDEN' && e.path?.at(-1) === 'sipConfig'),
      JSON.stringify(response.errors?.[0]),
    );
    const users = (response.data as any).domain.users.nodes;
    assert.equal(users.length, 5);
    assert.ok(users.some((u: any) => u.devices.length > 0));
    assert.ok(users.every((u: any) => u.accounts.length === 0 && u.devices.every((d: any) => d.sipConfig === null)));
    const asked = Object.entries(calls)
      .filter(([, list]) => list.length > 0)
      .map(([name]) => name);
    assert.deepEqual(asked, ['infinity'], 'no 2N, SIP Thor or Stringee call');
    assert.ok(
      calls.infinity!.every((c) => /\/domains\/1(\/|$)/.test(c.path)),
      describeCalls(calls.infinity!).join('\n'),
    );
  });

  test("where the tenant is refused, the admin reaches the same user's 2N config", async () => {
    const query = `query($id: ID!) { user(id: $id) { devices { sipConfig { connection } } } }`;
    const admin = await stack.ok(query, { id: own.users[0] });
    assert.ok(
      admin.user.devices.some((d: any) => d.sipConfig !== null),
      'the admin reaches the intercom',
    );
  });
});

describe("batches never mix in another tenant's rows", () => {
  test('aliased users of both domains: the own one resolves, the foreign one is FORBIDDEN, only domain 1 is asked', async () => {
    const query = `query($a: ID!, $b: ID!, $c: ID!) { a: user(id: $a) { userName } b: user(id: $b) { userName } c: user(id: $c) { userName } }`;
    const { result, calls } = await stack.counting(() =>
      tenant.gql(query, { a: own.users[0], b: foreign.users[0], c: own.users[1] }),
    );
    assert.ok(result.data?.a && result.data?.c);
    assert.equal(result.data?.b, null);
    assert.deepEqual(codes(result.errors), ['FORBIDDEN']);
    assert.ok(
      (calls.infinity ?? []).every((c) => /\/domains\/1(\/|$)/.test(c.path)),
      describeCalls(calls.infinity ?? []).join('\n'),
    );
  });

  test('nodes(ids) with one foreign id is refused whole, before any call; node() of a foreign id too', async () => {
    const { result, total } = await stack.counting(() =>
      tenant.gql('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: [own.users[0], foreign.users[0]] }),
    );
    assert.deepEqual(codes(result.errors), ['FORBIDDEN']);
    const single = await stack.counting(() =>
      tenant.gql('query($id: ID!) { node(id: $id) { id } }', { id: foreign.groups[0] }),
    );
    assert.deepEqual(codes(single.result.errors), ['FORBIDDEN']);
    assert.equal(total + single.total, 0);
    const mine = await tenant.ok('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', {
      ids: [own.users[0], own.groups[0]],
    });
    assert.deepEqual(
      mine.nodes.map((n: any) => n.id),
      [own.users[0], own.groups[0]],
    );
  });
});

describe('mutations are refused whole', () => {
  test('a user created in the own domain into a foreign group: FORBIDDEN, nothing created', async () => {
    const input = {
      domainId: own.domain,
      userName: 'smuggler',
      password: 'Sm-uggl3r-pass',
      displayName: 'S',
      extension: '4777',
      groupIds: [foreign.groups[0]],
    };
    const { result, total } = await stack.counting(() =>
      tenant.gql('mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', { input }),
    );
    assert.deepEqual(codes(result.errors), ['FORBIDDEN']);
    assert.equal(total, 0);
  });

  test('adding a foreign group to an own user: FORBIDDEN before any call', async () => {
    const { result, total } = await stack.counting(() =>
      tenant.gql('mutation($u: ID!, $g: [ID!]!) { addUserToGroups(userId: $u, groupIds: $g) { id } }', {
        u: own.users[0],
        g: [own.groups[0], foreign.groups[0]],
      }),
    );
    assert.deepEqual(codes(result.errors), ['FORBIDDEN']);
    assert.equal(total, 0);
  });
});
