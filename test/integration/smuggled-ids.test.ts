/**
 * Ids are client input: their key parts must never become vendor URL path fragments. Every id of
 * every type is re-crafted with `..`, `.`, empty, slashes, encoded dots and control characters in
 * each key part, sent through every mutation and read that takes it, and the emulators' request
 * logs must show that not one such request reached a vendor.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;
before(async () => {
  stack = await startStack();
});
after(() => stack.stop());

/** Path fragments: never a key of any vendor. */
const SMUGGLED = [
  '..',
  '.',
  '',
  '../..',
  '1/..',
  '%2e%2e',
  '%2E%2E',
  '1?x=1',
  '1#x',
  ' 1',
  '1\r\nX: y',
  '1\u0000',
  'a'.repeat(300),
];
/** Not numbers the way Infinity and PortSIP number things (legal Stringee usernames, though). */
const NOT_NUMERIC = ['-1', '1e3', 'Infinity', '0x1F', '1.5'];

function parts(id: string): string[] {
  return Buffer.from(id, 'base64url').toString('utf8').split(':').map(decodeURIComponent);
}

function craft(base: string[], index: number, value: string): string {
  const copy = [...base];
  copy[index] = value;
  return Buffer.from(copy.map(encodeURIComponent).join(':'), 'utf8').toString('base64url');
}

/** Every variant of `id` with one key part (after v1:Type:vendor:connection) replaced. */
function smuggledVariants(id: string): string[] {
  const base = parts(id);
  const out: string[] = [];
  for (let i = 4; i < base.length; i += 1) {
    const numbered = base[2] === 'infinity' || base[2] === 'pbx';
    const values = numbered ? [...SMUGGLED, ...NOT_NUMERIC] : SMUGGLED;
    for (const value of values) out.push(craft(base, i, value));
  }
  return out;
}

interface Sample {
  domain: string;
  stringeeDomain: string;
  stringeeUser: string;
  user: string;
  group: string;
  queue: string;
  member: string;
  network: string;
  device: string;
  provider: string;
  accounts: string[];
}

async function samples(): Promise<Sample> {
  const data = await stack.ok(`{
    domains { id vendor
      users(first: 1) { nodes { id accounts { id } } }
      groups(first: 1) { nodes { id } }
      queues(first: 1) { nodes { id members { id } } }
      trustedNetworks(first: 1) { nodes { id } }
      devices(first: 1) { nodes { id } } }
    providers { nodes { id } }
    accounts { id vendor } }`);
  const inf = data.domains.find((d: { vendor: string }) => d.vendor === 'INFINITY');
  const str = data.domains.find((d: { vendor: string }) => d.vendor === 'STRINGEE');
  const intercom = stack.demo.settings.connections.find((c) => c.kind === '2n')!.name;
  const intercomAccount = Buffer.from(`v1:Account:2n:${intercom}:1`, 'utf8').toString('base64url');
  return {
    domain: inf.id,
    stringeeDomain: str.id,
    stringeeUser: str.users.nodes[0].id,
    user: inf.users.nodes[0].id,
    group: inf.groups.nodes[0].id,
    queue: inf.queues.nodes[0].id,
    member: inf.queues.nodes[0].members[0].id,
    network: inf.trustedNetworks.nodes[0].id,
    device: inf.devices.nodes[0].id,
    provider: data.providers.nodes[0].id,
    accounts: [str.users.nodes[0].accounts[0].id, intercomAccount, data.accounts[0].id],
  };
}

/** [document, variables] for every operation that takes an id, with `$x` the crafted one. */
function operations(s: Sample): Array<[string, string, Record<string, unknown>]> {
  const ops: Array<[string, string, Record<string, unknown>]> = [];
  const add = (base: string, doc: string, vars: (x: string) => Record<string, unknown>) => {
    for (const x of smuggledVariants(base)) ops.push([doc, x, vars(x)]);
  };
  add(s.member, 'mutation($x: ID!) { removeQueueMember(id: $x) { deletedId } }', (x) => ({ x }));
  add(s.member, 'mutation($x: ID!) { updateQueueMember(id: $x, input: {ringSeconds: 5}) { id } }', (x) => ({ x }));
  add(s.device, 'mutation($u: ID!, $x: ID!) { unassignDevice(userId: $u, deviceId: $x) { id } }', (x) => ({
    u: s.user,
    x,
  }));
  add(s.user, 'mutation($x: ID!, $d: ID!) { unassignDevice(userId: $x, deviceId: $d) { id } }', (x) => ({
    x,
    d: s.device,
  }));
  add(s.user, 'mutation($x: ID!, $d: ID!) { assignDevice(userId: $x, deviceId: $d) { provisioningToken } }', (x) => ({
    x,
    d: s.device,
  }));
  add(s.domain, 'mutation($x: ID!) { updateDomain(id: $x, input: {displayName: "x"}) { id } }', (x) => ({ x }));
  add(
    s.domain,
    'mutation($x: ID!) { createDevice(input: {domainId: $x, name: "x", macAddress: "00:11:22:33:44:55"}) { id } }',
    (x) => ({ x }),
  );
  add(
    s.domain,
    'mutation($x: ID!) { createTrustedNetwork(input: {domainId: $x, network: "10.9.0.0/16"}) { id } }',
    (x) => ({ x }),
  );
  add(s.network, 'mutation($x: ID!) { deleteTrustedNetwork(id: $x) { deletedId } }', (x) => ({ x }));
  add(s.group, 'mutation($x: ID!, $u: ID!) { addGroupUsers(groupId: $x, userIds: [$u]) { id } }', (x) => ({
    x,
    u: s.user,
  }));
  add(s.user, 'mutation($g: ID!, $x: ID!) { removeGroupUsers(groupId: $g, userIds: [$x]) { id } }', (x) => ({
    g: s.group,
    x,
  }));
  add(s.queue, 'mutation($x: ID!) { deleteQueue(id: $x) { deletedId } }', (x) => ({ x }));
  add(s.user, 'mutation($x: ID!) { deleteUser(id: $x) { deletedId } }', (x) => ({ x }));
  add(s.stringeeUser, 'mutation($x: ID!) { deleteUser(id: $x) { deletedId } }', (x) => ({ x }));
  add(s.stringeeUser, 'mutation($x: ID!) { updateUser(id: $x, input: {password: "Secret123!"}) { id } }', (x) => ({
    x,
  }));
  add(s.provider, 'mutation($x: ID!) { deleteProvider(id: $x) { deletedId } }', (x) => ({ x }));
  for (const account of s.accounts)
    add(account, 'mutation($x: ID!) { setPrivacy(accountId: $x, enabled: true) { id } }', (x) => ({ x }));
  for (const id of [
    s.domain,
    s.user,
    s.group,
    s.queue,
    s.member,
    s.network,
    s.device,
    s.provider,
    s.stringeeUser,
    ...s.accounts,
  ]) {
    add(id, 'query($x: ID!) { node(id: $x) { id } }', (x) => ({ x }));
  }
  return ops;
}

describe('smuggled ids', () => {
  test('no crafted key part reaches a vendor; each gets a clear error', async () => {
    const ops = operations(await samples());
    let reached = 0;
    const codes = new Map<string, number>();
    for (const [doc, crafted, variables] of ops) {
      const { result, calls } = await stack.counting(() => stack.gql(doc, variables));
      // Stringee has no read-by-name: looking a phone up lists them all, a call that carries no id.
      const carryingId = Object.values(calls)
        .flat()
        .filter((c) => !(c.method === 'GET' && c.path === '/v1/sipphone'));
      reached += carryingId.length;
      const code = String(result.errors?.[0]?.extensions?.code);
      codes.set(code, (codes.get(code) ?? 0) + 1);
      const numbered = /:(infinity|pbx):/.test(Buffer.from(crafted, 'base64url').toString('utf8'));
      const expected = numbered ? ['BAD_USER_INPUT'] : ['BAD_USER_INPUT', 'NOT_SUPPORTED', 'NOT_FOUND'];
      assert.ok(expected.includes(code), `${doc} ${JSON.stringify(variables)} → ${JSON.stringify(result.errors)}`);
      assert.deepEqual(carryingId, [], `${doc} ${JSON.stringify(variables)} reached a vendor`);
    }
    console.log(`smuggled ids: ${ops.length} requests, ${reached} reached a vendor`, Object.fromEntries(codes));
    assert.equal(reached, 0);
  });

  test("an id whose vendor is not its connection's is refused, so no key escapes its vendor's shape check", async () => {
    const s = await samples();
    const connection = parts(s.user)[3]!;
    const posing = Buffer.from(
      ['v1', 'User', 'stringee', connection, '1', 'alice'].map(encodeURIComponent).join(':'),
      'utf8',
    ).toString('base64url');
    // A mutation, node(id) and a type's own lookup each decode the id against the configured connections.
    for (const doc of [
      'mutation($x: ID!) { deleteUser(id: $x) { deletedId } }',
      'query($x: ID!) { node(id: $x) { id } }',
      'query($x: ID!) { user(id: $x) { id } }',
    ]) {
      const { result, total } = await stack.counting(() => stack.gql(doc, { x: posing }));
      assert.equal(result.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT', doc);
      assert.match(result.errors![0]!.message, /not a stringee connection/, doc);
      assert.equal(total, 0, doc);
    }
  });

  test('a Stringee phone named "." or ".." is refused on create, before any vendor call', async () => {
    const s = await samples();
    for (const userName of ['.', '..']) {
      const { result, total } = await stack.counting(() =>
        stack.gql(
          'mutation($d: ID!, $n: String!) { createUser(input: {domainId: $d, userName: $n, password: "Secret123!", displayName: "X", extension: "177"}) { id } }',
          { d: s.stringeeDomain, n: userName },
        ),
      );
      assert.equal(result.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
      assert.match(result.errors![0]!.message, /userName/);
      assert.equal(total, 0);
    }
  });

  test('names with characters a path must escape still reach their resource, encoded', async () => {
    const s = await samples();
    const created = await stack.ok(
      'mutation($d: ID!) { createUser(input: {domainId: $d, userName: "a.b-c_d", password: "Secret123!", displayName: "X", extension: "177"}) { id userName } }',
      { d: s.stringeeDomain },
    );
    const { result, calls } = await stack.counting(() =>
      stack.gql('mutation($x: ID!) { deleteUser(id: $x) { deletedId } }', { x: created.createUser.id }),
    );
    assert.equal(result.errors, undefined);
    assert.ok(calls.stringee!.some((c) => c.method === 'DELETE' && c.path === '/v1/sipphone/a.b-c_d'));
  });
});
