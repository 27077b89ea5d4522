/**
 * The audit log: one structured line per mutation, with the principal, operation, targets, each
 * vendor call and the outcome, read from the gateway's own log output; no secret in any line.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { encodeId } from '../../src/ids.js';
import { createLogger } from '../../src/log.js';
import { createServer, type GatewayServer } from '../../src/server.js';
import { graphqlClient, startStack, type GraphQLClient, type Stack } from '../helpers/stack.js';

let stack: Stack;
let gateway: GatewayServer;
let admin: GraphQLClient;
let tenant: GraphQLClient;
let lines: string[] = [];
let own: { domain: string; user: string };
let foreignUser: string;

const audits = (): Array<Record<string, any>> =>
  lines.map((l) => JSON.parse(l)).filter((entry) => entry.msg === 'audit');

before(async () => {
  stack = await startStack();
  const logger = createLogger('info', {}, (line) => lines.push(line));
  gateway = await createServer({ ...stack.demo.settings, log: { level: 'info' } }, { logger });
  const url = await gateway.listen(0, '127.0.0.1');
  admin = graphqlClient(url, stack.demo.keys.admin);
  tenant = graphqlClient(url, stack.demo.keys.tenant);
  const data = await stack.ok('{ domains(vendor: INFINITY) { id users(first: 1) { nodes { id } } } }');
  own = { domain: data.domains[0].id, user: data.domains[0].users.nodes[0].id };
  foreignUser = data.domains[1].users.nodes[0].id;
});
beforeEach(() => {
  lines = [];
});
after(async () => {
  await gateway.stop();
  await stack.stop();
});

test('a created user: who, what, the vendor calls with their statuses, the outcome; the password nowhere', async () => {
  const password = 'Audit-Secret-Passw0rd';
  const input = { domainId: own.domain, userName: 'audited.user', password, displayName: 'Audited', extension: '4811' };
  const { calls } = await stack.counting(() =>
    admin.ok('mutation CreateAudited($input: CreateUserInput!) { createUser(input: $input) { id } }', { input }),
  );
  const [entry, ...more] = audits();
  assert.equal(more.length, 0, 'one line per mutation');
  assert.deepEqual(entry!.principal, { id: 'demo-admin', via: 'apiKey' });
  assert.equal(entry!.operation, 'CreateAudited');
  assert.equal(entry!.mutation, 'createUser');
  assert.equal(entry!.outcome, 'ok');
  assert.deepEqual(
    entry!.targets.map((t: any) => [t.type, t.connection, t.key]),
    [['Domain', 'infinity', ['1']]],
  );
  assert.equal(entry!.args.input.password, '[redacted]');
  const made = Object.values(calls)
    .flat()
    .map((c) => `${c.method} ${c.path} ${c.status}`);
  assert.deepEqual(
    entry!.vendorCalls.map((c: any) => `${c.method} ${c.path} ${c.status}`),
    made,
    'every vendor call the emulators saw, in order',
  );
  assert.ok(entry!.vendorCalls.some((c: any) => c.method === 'POST' && c.status === 201));
  assert.ok(
    lines.every((l) => !l.includes(password)),
    'the password is in no log line',
  );
  assert.ok(
    lines.every((l) => !l.includes(stack.demo.keys.admin)),
    'nor the API key',
  );
});

test('two aliased mutations: two lines, each with its own calls; a query writes none', async () => {
  await admin.ok(
    `mutation($a: ID!) { first: updateUser(id: $a, input: { displayName: "One" }) { id } second: updateUser(id: $a, input: { displayName: "Two" }) { id } }`,
    { a: own.user },
  );
  await admin.ok('{ domains { id } }');
  const entries = audits();
  assert.equal(entries.length, 2);
  assert.ok(entries.every((e) => e.mutation === 'updateUser' && e.outcome === 'ok' && e.vendorCalls.length > 0));
  assert.ok(
    entries.every((e) => e.vendorCalls.some((c: any) => c.method !== 'GET')),
    'each holds its own write',
  );
});

test('refused and failed mutations are audited too, with their codes and no vendor call when refused', async () => {
  await tenant.gql('mutation($id: ID!) { deleteUser(id: $id) { deletedId } }', { id: foreignUser });
  await admin.gql('mutation($id: ID!) { deleteUser(id: $id) { deletedId } }', {
    id: encodeId('User', 'infinity', 'infinity', ['1', '999999']),
  });
  const [refused, failed] = audits();
  assert.deepEqual(refused!.principal, { id: 'demo-tenant', via: 'apiKey' });
  assert.equal(refused!.outcome, 'refused');
  assert.deepEqual(refused!.errors, ['FORBIDDEN']);
  assert.deepEqual(refused!.vendorCalls, []);
  assert.equal(failed!.outcome, 'failed');
  assert.ok(failed!.errors.length > 0 && !failed!.errors.includes('FORBIDDEN'));
});
