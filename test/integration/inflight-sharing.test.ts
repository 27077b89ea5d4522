/**
 * In-flight sharing as every connection has it by default: identical reads from different requests
 * held at the vendor together cost one call; writes are never shared and reads after a write go out
 * again; a tenant's refusal does not wait for, nor read from, an admin's identical call in flight.
 * The vendor holds the read (the emulator's `hold`) so "in flight together" is a fact, not a timing:
 * the test waits until the gateway has counted the joins (`sipgraph_upstream_shared_reads_total`).
 */
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, test } from 'node:test';
import { registry } from '../../src/observability/metrics.js';
import type { EmulatorServer } from '../../src/emulators/shared/harness.js';
import { startStack, type GraphQLClient, type Stack } from '../helpers/stack.js';

const LIST = '/config/v2/sip/domains';
const DOMAINS = '{ domains(vendor: INFINITY) { id name displayName } }';
let stack: Stack;
let infinity: EmulatorServer;
let tenant: GraphQLClient;
let own: { id: string; name: string };
let foreign: { id: string; name: string };

before(async () => {
  stack = await startStack();
  infinity = stack.demo.emulators.infinity!;
  tenant = stack.as(stack.demo.keys.tenant);
  const { domains } = await stack.ok<{ domains: Array<{ id: string; name: string }> }>(DOMAINS);
  own = domains.find((d) => d.name === stack.demo.keys.tenantScope.domainName)!;
  foreign = domains.find((d) => d !== own)!;
});
after(() => stack.stop());

async function sharedSoFar(): Promise<number> {
  const metric = await registry.getSingleMetric('sipgraph_upstream_shared_reads_total')?.get();
  return (metric?.values ?? []).filter((v) => v.labels.connection === 'infinity').reduce((sum, v) => sum + v.value, 0);
}

/** Waits (on a count, not a clock) until the gateway has counted `count` joined reads. */
async function sharedReach(count: number): Promise<void> {
  while ((await sharedSoFar()) < count) await sleep(5);
}

const vendorCalls = (mark: number, method = 'GET', path = LIST) =>
  infinity.since(mark).filter((r) => r.method === method && r.path === path).length;

test(
  'six identical queries held at the vendor together make one list call; all get the same answer',
  { timeout: 30_000 },
  async () => {
    const mark = infinity.requests.length;
    const shared = await sharedSoFar();
    const hold = infinity.hold({ method: 'GET', pathPrefix: LIST, exact: true });
    const answers = Array.from({ length: 6 }, () => stack.gql(DOMAINS));
    await hold.arrived(1);
    await sharedReach(shared + 5);
    hold.release();
    const settled = await Promise.all(answers);
    for (const answer of settled) assert.equal(answer.errors, undefined, JSON.stringify(answer.errors));
    for (const answer of settled) assert.deepEqual(answer.data, settled[0]!.data);
    assert.equal(vendorCalls(mark), 1, 'one list call for six requests');
    assert.equal(infinity.since(mark).length, 1, 'and nothing else');
  },
);

test(
  'a tenant joining an admin list sees its own domain only; its foreign domain is FORBIDDEN while the admin read of it is held',
  { timeout: 30_000 },
  async () => {
    const mark = infinity.requests.length;
    const shared = await sharedSoFar();
    const hold = infinity.hold({ method: 'GET', pathPrefix: LIST });
    const admin = stack.gql(DOMAINS);
    const adminForeign = stack.gql('query($id: ID!) { domain(id: $id) { id name displayName } }', { id: foreign.id });
    await hold.arrived(2);
    const tenantList = tenant.gql('{ domains { id name } }');
    await sharedReach(shared + 1);
    // Answered while the admin's read of the same domain is still held: it never waited on it.
    const refused = await tenant.gql('query($id: ID!) { domain(id: $id) { id name displayName } }', { id: foreign.id });
    assert.equal(hold.held(), 2, 'still held: the refusal did not wait for the admin read');
    hold.release();
    assert.deepEqual(
      refused.errors?.map((e) => e.extensions?.code),
      ['FORBIDDEN'],
    );
    assert.equal((refused.data as any)?.domain ?? null, null);
    assert.ok(!JSON.stringify(refused).includes(foreign.name), 'nothing of the foreign domain in the refusal');
    const listed = await tenantList;
    assert.equal(listed.errors, undefined, JSON.stringify(listed.errors));
    assert.deepEqual(
      (listed.data as any).domains.map((d: any) => d.id),
      [own.id],
      'the shared list, filtered for the tenant',
    );
    assert.equal(((await adminForeign).data as any).domain.name, foreign.name);
    assert.equal((await admin).errors, undefined);
    assert.equal(vendorCalls(mark), 1, 'the tenant list joined the admin list');
    assert.equal(
      infinity.since(mark).length,
      2,
      'the list and the admin read of the foreign domain: nothing for the tenant',
    );
  },
);

test(
  'identical writes are never shared; reads after a write do not join a read held from before it',
  { timeout: 30_000 },
  async () => {
    const update =
      'mutation($id: ID!, $name: String!) { updateDomain(id: $id, input: {displayName: $name}) { id displayName } }';
    const mark = infinity.requests.length;
    const writes = await Promise.all([1, 2].map(() => stack.gql(update, { id: own.id, name: 'Twice' })));
    for (const write of writes) assert.equal(write.errors, undefined, JSON.stringify(write.errors));
    const written = infinity.since(mark).filter((r) => r.method !== 'GET');
    assert.equal(written.length, 2, 'each identical write reached the vendor');

    const shared = await sharedSoFar();
    const hold = infinity.hold({ method: 'GET', pathPrefix: LIST, exact: true });
    const before = infinity.requests.length;
    const early = [1, 2, 3].map(() => stack.gql(DOMAINS));
    await hold.arrived(1);
    await sharedReach(shared + 2);
    const write = await stack.gql(update, { id: own.id, name: 'After' });
    assert.equal(write.errors, undefined, JSON.stringify(write.errors));
    const late = [1, 2, 3].map(() => stack.gql(DOMAINS));
    await hold.arrived(2);
    await sharedReach(shared + 4);
    hold.release();
    for (const answer of await Promise.all(late)) {
      assert.equal(answer.errors, undefined);
      const mine = (answer.data as any).domains.find((d: any) => d.id === own.id);
      assert.equal(mine.displayName, 'After', 'read after the write');
    }
    await Promise.all(early);
    assert.equal(vendorCalls(before), 2, 'one list before the write, one after it: three requests each');
  },
);
