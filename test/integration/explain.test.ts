/**
 * `explain` and call budgets over real sockets: the planner's prediction, asked before the query
 * runs, equals the calls the emulators then receive (per connection), for the bench queries and
 * the headline cross-vendor query; a dry run calls no vendor; a budget refuses before any call.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { encodeId } from '../../src/ids.js';
import { countRounds, startGateway, startStack, type Stack } from '../helpers/stack.js';

const HEADLINE = `{ domains(vendor: INFINITY) { name users(first: 100) { nodes {
  id userName groups { name }
  devices { id name sipConfig { connection accounts { username registered } } }
  accounts { address settings { callForwarding { busy } voicemail { mailbox } } } } } } }`;

/** The bench's queries (bench/run.ts), over the demo's first Infinity domain. */
const BENCH = {
  nested:
    'query($id: ID!) { domain(id: $id) { users(first: 100) { nodes { userName extension groups { name } devices { name macAddress } } } } }',
  flat: 'query($id: ID!) { domain(id: $id) { users(first: 100) { nodes { userName extension } } } }',
  passthrough: 'query($id: ID!) { domain(id: $id) { name } }',
};
const DOMAIN = encodeId('Domain', 'infinity', 'infinity', ['1']);

interface Explained {
  calls: number;
  rounds: number;
  connections: Array<{ connection: string; calls: number; rounds: number }>;
  assumptions: string[];
  unmodelled: string[];
  actualCalls?: number;
}

async function ask(
  url: string,
  key: string,
  query: string,
  variables: Record<string, unknown>,
  explain: true | 'dry-run',
): Promise<{ data?: any; errors?: any[]; extensions?: { explain?: Explained } }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query, variables, extensions: { explain } }),
  });
  return (await response.json()) as never;
}

/** Calls per connection as the emulators saw them (each emulator is one connection, named alike). */
function seen(calls: Record<string, unknown[]>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(calls)
      .filter(([, list]) => list.length > 0)
      .map(([n, l]) => [n, l.length]),
  );
}

function predicted(explain: Explained): Record<string, number> {
  return Object.fromEntries(explain.connections.map((c) => [c.connection, c.calls]));
}

describe('explain', () => {
  let stack: Stack;
  const run = (query: string, variables: Record<string, unknown>, explain: true | 'dry-run') =>
    ask(stack.url, stack.demo.keys.admin, query, variables, explain);

  before(async () => {
    stack = await startStack();
  });
  after(() => stack.stop());

  test('a dry run returns the plan and calls no vendor', async () => {
    const { result, total } = await stack.counting(() => run(HEADLINE, {}, 'dry-run'));
    assert.equal(total, 0);
    assert.equal(result.data, null);
    assert.ok(result.extensions?.explain && result.extensions.explain.calls > 0);
    assert.deepEqual(result.extensions.explain.unmodelled, []);
  });

  test('before any list was read, the prediction names what it assumed; an unseen domain is assumed like those seen', async () => {
    const fresh = await startStack();
    try {
      const go = (query: string, variables: Record<string, unknown>, explain: true | 'dry-run') =>
        ask(fresh.url, fresh.demo.keys.admin, query, variables, explain);
      const cold = (await go(HEADLINE, {}, 'dry-run')).extensions!.explain!;
      assert.ok(
        cold.assumptions.some((a) => a.includes('not listed yet')),
        cold.assumptions.join('\n'),
      );
      await go(BENCH.nested, { id: DOMAIN }, true);
      const other = { id: encodeId('Domain', 'infinity', 'infinity', ['2']) };
      const plan = (await go(BENCH.nested, other, 'dry-run')).extensions!.explain!;
      assert.ok(
        plan.assumptions.some((a) => a.includes('like the other domains seen')),
        plan.assumptions.join('\n'),
      );
      const { calls } = await fresh.counting(() => go(BENCH.nested, other, true));
      assert.deepEqual(predicted(plan), seen(calls));
    } finally {
      await fresh.stop();
    }
  });

  /** Other read paths the planner models: by-id roots, the 2N configs, the SIP Thor accounts' settings. */
  const MORE = {
    group: `{ group(id: "${encodeId('Group', 'infinity', 'infinity', ['1', '1'])}") { name domain { name } } }`,
    deviceSipConfigs: '{ deviceSipConfigs { connection accounts { username registered } } }',
    accountSettings: '{ accounts { address settings { identity { email } callForwarding { busy } } } }',
  };

  for (const [name, query] of Object.entries({ ...BENCH, headline: HEADLINE, ...MORE })) {
    test(`${name}: predicted calls per connection = the calls the vendors receive`, async () => {
      const variables = name in BENCH ? { id: DOMAIN } : {};
      await run(query, variables, true); // list sizes seen once, as in any running gateway
      const plan = (await run(query, variables, 'dry-run')).extensions!.explain!;
      const { result, calls } = await stack.counting(() => run(query, variables, true));
      assert.equal(result.errors, undefined, JSON.stringify(result.errors));
      assert.deepEqual(predicted(plan), seen(calls), JSON.stringify(plan));
      assert.equal(result.extensions?.explain?.actualCalls, plan.calls);
      assert.deepEqual(plan.unmodelled, []);
    });
  }

  test('a later page is predicted from its offset: the last users of a domain, their groups per user', async () => {
    const all = await run(
      `query($id: ID!) { domain(id: $id) { users(first: 100) { nodes { id } } } }`,
      { id: DOMAIN },
      true,
    );
    const total = all.data.domain.users.nodes.length as number;
    const first = await run(
      `query($id: ID!, $n: Int) { domain(id: $id) { users(first: $n) { pageInfo { endCursor } } } }`,
      { id: DOMAIN, n: total - 2 },
      true,
    );
    assert.equal(first.errors, undefined, JSON.stringify(first.errors));
    const after = first.data.domain.users.pageInfo.endCursor as string;
    const query = `query($id: ID!, $after: String) { domain(id: $id) { users(first: 10, after: $after) { nodes { groups { name } } } } }`;
    const variables = { id: DOMAIN, after };
    await run(query, variables, true);
    const plan = (await run(query, variables, 'dry-run')).extensions!.explain!;
    const { result, calls } = await stack.counting(() => run(query, variables, true));
    assert.equal(result.data.domain.users.nodes.length, 2);
    assert.deepEqual(predicted(plan), seen(calls), JSON.stringify(plan));
  });

  test('a tenant sees the plan of its own domain only; for another domain the policy answers, no plan', async () => {
    const tenant = (variables: Record<string, unknown>) =>
      ask(stack.url, stack.demo.keys.tenant, BENCH.nested, variables, 'dry-run');
    const own = await tenant({ id: DOMAIN });
    assert.ok(own.extensions?.explain && own.extensions.explain.calls > 0);
    const { result, total } = await stack.counting(() =>
      tenant({ id: encodeId('Domain', 'infinity', 'infinity', ['2']) }),
    );
    assert.equal(result.extensions?.explain, undefined);
    assert.equal(result.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    assert.equal(total, 0);
  });

  test('nested bench query: predicted rounds = rounds the vendor sees', async () => {
    const slow = await startStack({ latencyMs: 60 });
    try {
      const go = (explain: true | 'dry-run') =>
        ask(slow.url, slow.demo.keys.admin, BENCH.nested, { id: DOMAIN }, explain);
      await go(true);
      const plan = (await go('dry-run')).extensions!.explain!;
      const { calls } = await slow.counting(() => go(true));
      assert.equal(plan.rounds, countRounds(calls.infinity!, 60));
      assert.equal(plan.rounds, 2);
    } finally {
      await slow.stop();
    }
  });
});

describe('call budgets', () => {
  let stack: Stack;
  let budgeted: { url: string; stop(): Promise<void> };

  before(async () => {
    stack = await startStack();
    const settings = stack.demo.settings;
    const connections = settings.connections.map((c) => (c.name === 'infinity' ? { ...c, maxCallsPerRequest: 5 } : c));
    const { gateway, url } = await startGateway({ ...settings, connections });
    budgeted = { url, stop: () => gateway.stop() };
  });
  after(async () => {
    await budgeted.stop();
    await stack.stop();
  });

  test('an operation predicted over a connection budget is refused before any call, with the prediction', async () => {
    const key = stack.demo.keys.admin;
    await ask(budgeted.url, key, BENCH.flat, { id: DOMAIN }, true);
    const { result, total } = await stack.counting(() => ask(budgeted.url, key, BENCH.nested, { id: DOMAIN }, true));
    assert.equal(total, 0);
    const error = result.errors?.[0];
    assert.equal(error?.extensions?.code, 'QUERY_TOO_EXPENSIVE');
    assert.equal(error?.extensions?.connection, 'infinity');
    assert.equal(error?.extensions?.budget, 5);
    assert.ok(error?.extensions?.predictedCalls > 5);
    assert.ok(error?.extensions?.explain?.connections.length > 0);
  });

  test('within budget the operation runs', async () => {
    const { result, total } = await stack.counting(() =>
      ask(budgeted.url, stack.demo.keys.admin, BENCH.flat, { id: DOMAIN }, true),
    );
    assert.equal(result.errors, undefined);
    assert.equal(total, 1);
  });

  test('a mutation is never cut by the budget: its read-back after the write goes out', async () => {
    const settings = stack.demo.settings;
    const connections = settings.connections.map((c) => (c.name === 'infinity' ? { ...c, maxCallsPerRequest: 1 } : c));
    const tight = await startGateway({ ...settings, connections });
    try {
      const create = `mutation($input: CreateGroupInput!) { createGroup(input: $input) { name extension } }`;
      const input = { domainId: DOMAIN, name: 'budget-test', displayName: 'Budget test', extension: '4711' };
      const { result, total } = await stack.counting(() =>
        ask(tight.url, stack.demo.keys.admin, create, { input }, true),
      );
      assert.equal(result.errors, undefined, JSON.stringify(result.errors));
      assert.deepEqual(result.data?.createGroup, { name: 'budget-test', extension: '4711' });
      assert.equal(total, 2, 'the write and its read-back');
    } finally {
      await tight.gateway.stop();
    }
  });

  test('reads the prediction could not see stop at the budget with QUERY_TOO_EXPENSIVE', async () => {
    const ids = ['1', '2', '3', '4', '5', '6', '7'].map((u) => encodeId('Group', 'infinity', 'infinity', ['1', u]));
    const query = `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Group { name } } }`;
    const { result, total } = await stack.counting(() =>
      ask(budgeted.url, stack.demo.keys.admin, query, { ids }, true),
    );
    assert.ok(
      result.extensions?.explain?.unmodelled.includes('Query.nodes'),
      JSON.stringify(result.extensions).slice(0, 900),
    );
    assert.equal(total, 5);
    assert.ok(result.errors?.some((e) => e.extensions?.code === 'QUERY_TOO_EXPENSIVE'));
  });
});
