/**
 * Rounds, not milliseconds: with every vendor 60 ms away, a nested query must cost one round of
 * upstream calls per dependent level, the independent calls of a level going out together.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { countRounds, describeCalls, startStack, type Stack } from '../helpers/stack.js';

// Wide enough that calls of one round, sent in the same tick, still count as one on a busy CI machine.
const LATENCY_MS = 60;
let stack: Stack;
before(async () => {
  stack = await startStack({ latencyMs: LATENCY_MS });
});
after(() => stack.stop());

async function domainId(): Promise<string> {
  const { data } = await stack.gql<{ domains: Array<{ id: string; vendor: string }> }>(
    '{ domains(vendor: INFINITY) { id } }',
  );
  return data!.domains[0]!.id;
}

test('domain → users → groups + devices: 2 rounds, the minimum of 1 + (1 + G) + 1 calls', async () => {
  const id = await domainId();
  const query = `query($id: ID!) { domain(id: $id) { users(first: 100) { nodes { userName groups { name } devices { name } } } } }`;
  const { result, calls } = await stack.counting(() => stack.gql(query, { id }));
  assert.equal(result.errors, undefined, JSON.stringify(result.errors));
  const made = calls.infinity ?? [];
  const groups = made.filter((c) => /\/groups\/\d+\/users$/.test(c.path)).length;
  assert.equal(made.length, 1 + (1 + groups) + 1, describeCalls(made).join('\n'));
  assert.equal(countRounds(made, LATENCY_MS), 2, describeCalls(made).join('\n'));
});

test('user → groups → users → devices → sipConfig across vendors: one round per level', async () => {
  const id = await domainId();
  const list = await stack.gql(`query($id: ID!) { domain(id: $id) { users(first: 1) { nodes { id } } } }`, { id });
  const userId = (list.data as any).domain.users.nodes[0].id as string;
  const query = `query($id: ID!) { user(id: $id) { groups { users { devices { sipConfig { accounts { username } } } } } } }`;
  await stack.gql(query, { id: userId }); // the intercoms' MACs are learnt once per process
  const { result, calls } = await stack.counting(() => stack.gql(query, { id: userId }));
  assert.equal(result.errors, undefined, JSON.stringify(result.errors));
  const all = Object.values(calls).flat();
  // its groups → each group's members → one devices list → each matched intercom's config (the user row is not needed)
  assert.equal(
    countRounds(all, LATENCY_MS),
    4,
    describeCalls(all.sort((a, b) => a.startedAt - b.startedAt)).join('\n'),
  );
  const intercomCalls = Object.entries(calls)
    .filter(([name]) => name.startsWith('intercom-'))
    .flatMap(([, c]) => c.filter((r) => r.status === 200));
  assert.ok(intercomCalls.length > 0);
  assert.ok(
    intercomCalls.every((c) => c.path === '/api/phone/config'),
    'each intercom is asked for its config, once',
  );
});
