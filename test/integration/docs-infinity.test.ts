/**
 * Issue 9, Infinity: what a server that follows infinity-config-v2-sip.txt and WIRE-NOTES.md
 * strictly refuses, driven through GraphQL. The emulator offers only the `eq` operand, has no
 * user create time, and requires every param the doc does not mark OPTIONAL.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { describeCalls, startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;
let domainId: string;
let nativeDomain: number;

before(async () => {
  stack = await startStack();
  const data = await stack.ok<{ domains: Array<{ id: string; vendor: string }> }>('{ domains { id vendor } }');
  domainId = data.domains.find((d) => d.vendor === 'INFINITY')!.id;
  nativeDomain = Number(Buffer.from(domainId, 'base64url').toString().split(':').pop());
});
after(() => stack.stop());

const filtersSent = (calls: ReturnType<typeof describeCalls>): string[] =>
  calls.flatMap((c) => [...c.matchAll(/filter\[\]=([^&]*)/g)].map((m) => m[1]!));

describe('1. substring filters are applied by the gateway, never sent as an undocumented operand', () => {
  test('users(filter: {displayNameContains}) pages through the kept rows only', async () => {
    const state = stack.demo.states.infinity;
    const expected = state
      .users(nativeDomain)
      .filter((u) => u.displayName.toLowerCase().includes('an'))
      .map((u) => u.user);
    assert.ok(expected.length > 3, 'the seed has several matches');
    const seen: string[] = [];
    let cursor: string | null = null;
    const { calls } = await stack.counting(async () => {
      for (let guard = 0; guard < 20; guard += 1) {
        const query = `query($d: ID!, $after: String) { domain(id: $d) { users(first: 3, after: $after, filter: {displayNameContains: "AN"}) {
          nodes { userName } totalCount pageInfo { hasNextPage endCursor } } } }`;
        const data = await stack.ok(query, { d: domainId, after: cursor });
        const page = data.domain.users;
        assert.equal(page.totalCount, expected.length);
        seen.push(...page.nodes.map((u: { userName: string }) => u.userName));
        if (!page.pageInfo.hasNextPage) break;
        cursor = page.pageInfo.endCursor;
      }
    });
    assert.deepEqual(seen, expected);
    const filters = filtersSent(describeCalls(calls.infinity ?? []));
    assert.ok(
      filters.every((f) => /^[A-Za-z]+-eq-value-/.test(f)),
      filters.join('\n'),
    );
  });

  test('devices(filter: {nameContains, macAddress}) sends the eq filter and keeps substring matches', async () => {
    const device = stack.demo.states.infinity.devices(nativeDomain)[0]!;
    const word = device.pbxDeviceName.split(' ')[0]!.toUpperCase();
    const { result, calls } = await stack.counting(() =>
      stack.ok(
        `query($d: ID!, $m: MacAddress!, $w: String!) { domain(id: $d) { devices(filter: {nameContains: $w, macAddress: $m}) { nodes { name } } } }`,
        {
          d: domainId,
          m: device.deviceMacAddress,
          w: word,
        },
      ),
    );
    assert.deepEqual(result.domain.devices.nodes, [{ name: device.pbxDeviceName }]);
    assert.deepEqual(filtersSent(describeCalls(calls.infinity ?? [])), [
      `deviceMacAddress-eq-value-${device.deviceMacAddress}`,
    ]);
  });
});

describe('2. user sort keys and fields rest on documented row fields only', () => {
  test('UserOrderField offers no CREATED_AT or UPDATED_AT; asking for one fails validation with no vendor call', async () => {
    const data = await stack.ok(`{ __type(name: "UserOrderField") { enumValues { name } } }`);
    const names = data.__type.enumValues.map((v: { name: string }) => v.name);
    assert.ok(!names.includes('CREATED_AT') && !names.includes('UPDATED_AT'), names.join(', '));
    const { result, total } = await stack.counting(() =>
      stack.gql(`query($d: ID!) { domain(id: $d) { users(orderBy: [{field: CREATED_AT}]) { nodes { id } } } }`, {
        d: domainId,
      }),
    );
    assert.equal(result.errors?.[0]?.extensions?.code, 'GRAPHQL_VALIDATION_FAILED');
    assert.equal(total, 0);
  });

  test('every documented sort key reaches a strict server; User.createdAt is null (not documented)', async () => {
    for (const field of ['USER_NAME', 'DISPLAY_NAME', 'EXTENSION', 'EMAIL', 'FIRST_NAME', 'LAST_NAME']) {
      const data = await stack.ok(
        `query($d: ID!) { domain(id: $d) { users(first: 2, orderBy: [{field: ${field}, direction: DESC}]) { nodes { createdAt } } } }`,
        { d: domainId },
      );
      assert.equal(data.domain.users.nodes.length, 2, field);
      assert.equal(data.domain.users.nodes[0].createdAt, null);
    }
  });
});

describe('3. updateDomain sends both documented params', () => {
  test('only displayName given: rec is read and sent unchanged', async () => {
    const before = stack.demo.states.infinity.domain(nativeDomain);
    const { result, calls } = await stack.counting(() =>
      stack.ok(
        `mutation($d: ID!) { updateDomain(id: $d, input: {displayName: "Renamed by test"}) { displayName callRecording } }`,
        { d: domainId },
      ),
    );
    assert.deepEqual(result.updateDomain, { displayName: 'Renamed by test', callRecording: before.rec });
    const post = (calls.infinity ?? []).find((c) => c.method === 'POST')!;
    assert.deepEqual(Object.fromEntries(new URLSearchParams(post.body)), {
      displayName: 'Renamed by test',
      rec: before.rec ? '1' : '0',
    });
  });

  test('only callRecording given: displayName is read and sent unchanged', async () => {
    const name = stack.demo.states.infinity.domain(nativeDomain).displayName;
    const data = await stack.ok(
      `mutation($d: ID!) { updateDomain(id: $d, input: {callRecording: true}) { displayName callRecording } }`,
      { d: domainId },
    );
    assert.deepEqual(data.updateDomain, { displayName: name, callRecording: true });
  });
});

describe('4. addQueueMember without ringOrder goes after the last member', () => {
  test('the order is worked out from the member list and sent', async () => {
    const ids = await stack.ok(
      `query($d: ID!) { domain(id: $d) { queues(first: 1) { nodes { id members { ringOrder } } } groups(first: 1) { nodes { id } } } }`,
      { d: domainId },
    );
    const queue = ids.domain.queues.nodes[0];
    const last = Math.max(0, ...queue.members.map((m: { ringOrder: number }) => m.ringOrder));
    const { result, calls } = await stack.counting(() =>
      stack.ok(
        `mutation($q: ID!, $g: ID!) { addQueueMember(input: {queueId: $q, groupId: $g, ringStrategy: ALL, ringAttempts: 1, ringSeconds: 10}) { ringOrder queue { members { ringOrder } } } }`,
        {
          q: queue.id,
          g: ids.domain.groups.nodes[0].id,
        },
      ),
    );
    assert.equal(result.addQueueMember.ringOrder, last + 1);
    assert.equal(result.addQueueMember.queue.members.at(-1).ringOrder, last + 1);
    const post = (calls.infinity ?? []).find((c) => c.method === 'POST')!;
    assert.equal(new URLSearchParams(post.body).get('ringOrder'), String(last + 1));
  });
});
