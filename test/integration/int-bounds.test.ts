/**
 * Integer inputs are bounded in the SDL (`@bounded(min:, max:)`): a value out of range is refused
 * with BAD_USER_INPUT naming the field, before any vendor call (counted from the emulators' request
 * logs); a value at the edge of the range goes through to the vendor.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;
let ids: { domain: string; queue: string; group: string; member: string; provider: string; account: string };

before(async () => {
  stack = await startStack();
  const data = await stack.ok(`{ domains { id vendor queues(first: 1) { nodes { id members { id } } }
    groups(first: 1) { nodes { id } } } providers(first: 1) { nodes { id } } accounts { id } }`);
  const infinity = data.domains.find((d: { vendor: string }) => d.vendor === 'INFINITY');
  const queue = infinity.queues.nodes[0];
  ids = {
    domain: infinity.id,
    queue: queue.id,
    group: infinity.groups.nodes[0].id,
    member: queue.members[0].id,
    provider: data.providers.nodes[0].id,
    account: data.accounts[0].id,
  };
});
after(() => stack.stop());

/** The operation is refused with BAD_USER_INPUT naming `field`, and no vendor saw a request. */
async function refusedBeforeAnyCall(query: string, variables: Record<string, unknown>, field: string, range: string) {
  const { result, total, calls } = await stack.counting(() => stack.gql(query, variables));
  const error = result.errors?.[0];
  assert.equal(error?.extensions?.code, 'BAD_USER_INPUT', JSON.stringify(result.errors));
  assert.equal(error?.extensions?.field, field);
  assert.equal(error?.message, `${field}: must be between ${range}`);
  assert.equal(
    total,
    0,
    JSON.stringify(
      Object.values(calls)
        .flat()
        .map((c) => `${c.method} ${c.path}`),
    ),
  );
}

const ADD_MEMBER = `mutation($q: ID!, $g: ID!, $attempts: Int!, $secs: Int!, $order: Int) {
  addQueueMember(input: {queueId: $q, groupId: $g, ringStrategy: ALL, ringAttempts: $attempts, ringSeconds: $secs, ringOrder: $order}) {
    id ringAttempts ringSeconds } }`;

describe('Int inputs out of their @bounded range are refused before any vendor call', () => {
  test('queue members: ringSeconds, ringAttempts, ringOrder, as variables and as literals', async () => {
    const add = (attempts: number, secs: number, order?: number) => ({
      q: ids.queue,
      g: ids.group,
      attempts,
      secs,
      order,
    });
    await refusedBeforeAnyCall(ADD_MEMBER, add(2, -1), 'input.ringSeconds', '1 and 3600');
    await refusedBeforeAnyCall(ADD_MEMBER, add(2, 3601), 'input.ringSeconds', '1 and 3600');
    await refusedBeforeAnyCall(ADD_MEMBER, add(0, 20), 'input.ringAttempts', '1 and 100');
    await refusedBeforeAnyCall(ADD_MEMBER, add(2, 20, 0), 'input.ringOrder', '1 and 9999');
    await refusedBeforeAnyCall(
      `mutation($id: ID!) { updateQueueMember(id: $id, input: {ringSeconds: 0}) { id } }`,
      { id: ids.member },
      'input.ringSeconds',
      '1 and 3600',
    );
    await refusedBeforeAnyCall(
      `mutation($id: ID!) { updateQueueMember(id: $id, input: {ringAttempts: 101}) { id } }`,
      { id: ids.member },
      'input.ringAttempts',
      '1 and 100',
    );
  });

  test('a user phone id, a trunk re-register interval, a DND duration', async () => {
    await refusedBeforeAnyCall(
      `mutation($d: ID!) { createUser(input: {domainId: $d, userName: "bounds.user", password: "S3cret!pass", displayName: "B",
        extension: "7971", ukPhoneId: 0}) { id } }`,
      { d: ids.domain },
      'input.ukPhoneId',
      '1 and 2147483647',
    );
    await refusedBeforeAnyCall(
      `mutation($id: ID!) { updateProvider(id: $id, input: {reregisterInterval: -5}) { id } }`,
      { id: ids.provider },
      'input.reregisterInterval',
      '0 and 86400',
    );
    await refusedBeforeAnyCall(
      `mutation { createProvider(input: {name: "Bounds trunk", authMode: IP_AUTH, protocol: UDP, requireRegister: false,
        reregisterInterval: 86401, hostname: "bounds.example", port: 5060, authId: "b", password: "bounds-Secret-1"}) { id } }`,
      {},
      'input.reregisterInterval',
      '0 and 86400',
    );
    await refusedBeforeAnyCall(
      `mutation($id: ID!) { setDoNotDisturb(accountId: $id, enabled: true, durationMinutes: -60) { id } }`,
      { id: ids.account },
      'durationMinutes',
      '1 and 525600',
    );
  });

  test('the edges of a range reach the vendor', async () => {
    const { result, calls } = await stack.counting(() =>
      stack.ok(ADD_MEMBER, { q: ids.queue, g: ids.group, attempts: 100, secs: 3600 }),
    );
    assert.deepEqual(
      { attempts: result.addQueueMember.ringAttempts, secs: result.addQueueMember.ringSeconds },
      { attempts: 100, secs: 3600 },
    );
    const posted = (calls.infinity ?? []).filter((c) => c.method === 'POST' && c.path.endsWith('/members'));
    assert.equal(posted.length, 1);
    assert.equal(new URLSearchParams(posted[0]!.body).get('ringSecs'), '3600');
  });
});
