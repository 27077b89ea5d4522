/**
 * Ports by capability over real HTTP: a connection without a capability answers NOT_SUPPORTED
 * for a write, and an empty list (no vendor call) for a relation it truly has none of.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;
let stringeeDomain: string;
before(async () => {
  stack = await startStack();
  const { data } = await stack.gql<{ domains: Array<{ id: string; vendor: string }> }>('{ domains { id vendor } }');
  stringeeDomain = data!.domains.find((d) => d.vendor === 'STRINGEE')!.id;
});
after(() => stack.stop());

test('a Stringee project has no groups, queues, devices or trusted networks: empty lists, one phone list call', async () => {
  const query = `query($d: ID!) { domain(id: $d) {
    groups { totalCount nodes { id } } queues { totalCount nodes { id } }
    devices { totalCount nodes { id } } trustedNetworks { totalCount nodes { id } }
    users(first: 3) { nodes { userName groups { id } devices { id } } }
  } }`;
  const { result, calls } = await stack.counting(() => stack.gql(query, { d: stringeeDomain }));
  assert.equal(result.errors, undefined, JSON.stringify(result.errors));
  const domain = (result.data as any).domain;
  for (const list of ['groups', 'queues', 'devices', 'trustedNetworks'])
    assert.deepEqual(domain[list], { totalCount: 0, nodes: [] }, list);
  assert.ok(domain.users.nodes.length > 0);
  for (const user of domain.users.nodes) assert.deepEqual([user.groups, user.devices], [[], []]);
  const made = Object.entries(calls).filter(([, list]) => list.length > 0);
  assert.deepEqual(
    made.map(([vendor, list]) => [vendor, list.length]),
    [['stringee', 1]],
  );
});

test('a write to a capability the vendor lacks is NOT_SUPPORTED, naming it, before any vendor call', async () => {
  const { result, total } = await stack.counting(() =>
    stack.gql(
      `mutation($d: ID!) { createGroup(input: {domainId: $d, name: "sales", displayName: "Sales", extension: "300"}) { id } }`,
      { d: stringeeDomain },
    ),
  );
  assert.equal(result.errors?.[0]?.extensions?.code, 'NOT_SUPPORTED');
  assert.match(result.errors?.[0]?.message ?? '', /stringee.*groups/);
  assert.equal(total, 0);
});
