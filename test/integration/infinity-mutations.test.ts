/**
 * Every Infinity operation through GraphQL, against the emulator over HTTP. The last test checks
 * that the emulator saw all 43 documented operations (method + path template) during this file.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { RecordedRequest } from '../../src/emulators/shared/harness.js';
import { startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;
let domainId: string;
let firstMark = 0;

before(async () => {
  stack = await startStack();
  firstMark = stack.demo.emulators.infinity!.requests.length;
  const { data } = await stack.gql<{ domains: Array<{ id: string; vendor: string }> }>('{ domains { id vendor } }');
  domainId = data!.domains.find((d) => d.vendor === 'INFINITY')!.id;
});
after(() => stack.stop());

const ok: Stack['ok'] = (query, variables) => stack.ok(query, variables);

describe('users and groups', () => {
  test('create, read, update, delete a user', async () => {
    const created = await ok(
      `mutation($d: ID!) { createUser(input: {domainId: $d, userName: "zoe.tester", password: "S3cret!pass", displayName: "Zoe Tester", extension: "7701", email: "zoe@example.com", followToMobile: true}) { id userName displayName extension email followToMobile } }`,
      { d: domainId },
    );
    assert.equal(created.createUser.userName, 'zoe.tester');
    assert.equal(created.createUser.extension, '7701');
    assert.equal(created.createUser.followToMobile, true);
    const id = created.createUser.id as string;

    const updated = await ok(
      `mutation($id: ID!) { updateUser(id: $id, input: {displayName: "Zoë Tester", extension: "7702"}) { displayName extension email } }`,
      { id },
    );
    assert.deepEqual(updated.updateUser, { displayName: 'Zoë Tester', extension: '7702', email: 'zoe@example.com' });

    const read = await ok(
      `query($id: ID!) { user(id: $id) { displayName } node(id: $id) { ... on User { extension } } }`,
      { id },
    );
    assert.equal(read.user.displayName, 'Zoë Tester');
    assert.equal(read.node.extension, '7702');

    const deleted = await ok(`mutation($id: ID!) { deleteUser(id: $id) { deletedId } }`, { id });
    assert.equal(deleted.deleteUser.deletedId, id);
    const gone = await stack.gql(`query($id: ID!) { user(id: $id) { id } }`, { id });
    assert.equal(gone.errors?.[0]?.extensions?.code, 'NOT_FOUND');
  });

  test('a vendor 400 (duplicate extension) is VENDOR_REJECTED with the vendor message', async () => {
    const users = await ok(`query($d: ID!) { domain(id: $d) { users(first: 1) { nodes { extension } } } }`, {
      d: domainId,
    });
    const taken = users.domain.users.nodes[0].extension as string;
    const result = await stack.gql(
      `mutation($d: ID!, $e: Extension!) { createUser(input: {domainId: $d, userName: "dup.ext", password: "S3cret!pass", displayName: "Dup", extension: $e}) { id } }`,
      { d: domainId, e: taken },
    );
    assert.equal(result.errors?.[0]?.extensions?.code, 'VENDOR_REJECTED');
    assert.equal(result.errors?.[0]?.extensions?.httpStatus, 400);
    assert.match(String(result.errors?.[0]?.extensions?.vendorMessage), /extension/i);
  });

  test('groups: create, update, add and remove users, user → groups, delete', async () => {
    const users = await ok(`query($d: ID!) { domain(id: $d) { users(first: 3) { nodes { id userName } } } }`, {
      d: domainId,
    });
    const [u1, u2, u3] = users.domain.users.nodes as Array<{ id: string; userName: string }>;
    const group = (
      await ok(
        `mutation($d: ID!) { createGroup(input: {domainId: $d, name: "night-shift", displayName: "Night shift", extension: "7801"}) { id name ringRetry callerNameFormat } }`,
        { d: domainId },
      )
    ).createGroup;
    assert.equal(group.name, 'night-shift');
    assert.equal(group.ringRetry, false);

    const updated = (
      await ok(
        `mutation($id: ID!) { updateGroup(id: $id, input: {displayName: "Night Shift", ringRetry: true}) { displayName ringRetry extension name } }`,
        { id: group.id },
      )
    ).updateGroup;
    assert.deepEqual(updated, { displayName: 'Night Shift', ringRetry: true, extension: '7801', name: 'night-shift' });

    const added = (
      await ok(`mutation($g: ID!, $u: [ID!]!) { addGroupUsers(groupId: $g, userIds: $u) { users { userName } } }`, {
        g: group.id,
        u: [u1!.id, u2!.id],
      })
    ).addGroupUsers;
    assert.deepEqual(
      added.users.map((u: { userName: string }) => u.userName).sort(),
      [u1!.userName, u2!.userName].sort(),
    );

    const viaUser = (
      await ok(`mutation($u: ID!, $g: [ID!]!) { addUserToGroups(userId: $u, groupIds: $g) { groups { id name } } }`, {
        u: u3!.id,
        g: [group.id],
      })
    ).addUserToGroups;
    assert.ok(viaUser.groups.some((g: { id: string }) => g.id === group.id));

    const removed = (
      await ok(`mutation($g: ID!, $u: [ID!]!) { removeGroupUsers(groupId: $g, userIds: $u) { users { userName } } }`, {
        g: group.id,
        u: [u1!.id],
      })
    ).removeGroupUsers;
    assert.deepEqual(
      removed.users.map((u: { userName: string }) => u.userName).sort(),
      [u2!.userName, u3!.userName].sort(),
    );

    const read = await ok(`query($id: ID!) { group(id: $id) { name users { email } } }`, { id: group.id });
    assert.equal(read.group.users.length, 2);
    assert.ok(read.group.users.every((u: { email: string | null }) => u.email !== undefined));

    await ok(`mutation($id: ID!) { deleteGroup(id: $id) { deletedId } }`, { id: group.id });
    const gone = await stack.gql(`query($id: ID!) { group(id: $id) { id } }`, { id: group.id });
    assert.equal(gone.errors?.[0]?.extensions?.code, 'NOT_FOUND');
  });

  test('createUser with groups is all or nothing: a bad group undoes the user', async () => {
    const [, , vendor, connection, d] = Buffer.from(domainId, 'base64url').toString().split(':');
    const missingGroup = Buffer.from(`v1:Group:${vendor}:${connection}:${d}:987654`).toString('base64url');
    const result = await stack.gql(
      `mutation($d: ID!, $g: ID!) { createUser(input: {domainId: $d, userName: "half.done", password: "S3cret!pass", displayName: "Half", extension: "7711", groupIds: [$g]}) { id } }`,
      { d: domainId, g: missingGroup },
    );
    assert.ok(result.errors?.[0], 'the mutation fails');
    assert.equal(result.errors[0]!.extensions?.rolledBack, true);
    const left = await ok(
      `query($d: ID!) { domain(id: $d) { users(first: 10, filter: {userName: "half.done"}) { nodes { id } } } }`,
      { d: domainId },
    );
    assert.deepEqual(left.domain.users.nodes, [], 'no user is left behind');
  });

  test('a domain can be renamed and its recording switched', async () => {
    const before = await ok(`query($d: ID!) { domain(id: $d) { displayName callRecording } }`, { d: domainId });
    const after = await ok(
      `mutation($d: ID!, $r: Boolean!) { updateDomain(id: $d, input: {displayName: "Renamed", callRecording: $r}) { displayName callRecording } }`,
      { d: domainId, r: !before.domain.callRecording },
    );
    assert.deepEqual(after.updateDomain, { displayName: 'Renamed', callRecording: !before.domain.callRecording });
    await ok(
      `mutation($d: ID!, $n: String!, $r: Boolean!) { updateDomain(id: $d, input: {displayName: $n, callRecording: $r}) { id } }`,
      { d: domainId, n: before.domain.displayName, r: before.domain.callRecording },
    );
  });
});

describe('devices', () => {
  test('create with a user (assigned), rename, list assignments, unassign, reassign, delete', async () => {
    const users = await ok(`query($d: ID!) { domain(id: $d) { users(first: 2) { nodes { id userName } } } }`, {
      d: domainId,
    });
    const [owner, other] = users.domain.users.nodes as Array<{ id: string; userName: string }>;
    const device = (
      await ok(
        `mutation($d: ID!, $u: ID!) { createDevice(input: {domainId: $d, name: "Test phone", macAddress: "aa-bb-cc-00-11-22", userId: $u}) { id name macAddress user { userName } } }`,
        { d: domainId, u: owner!.id },
      )
    ).createDevice;
    assert.equal(device.macAddress, 'AA:BB:CC:00:11:22');
    assert.equal(device.user.userName, owner!.userName);

    const renamed = (
      await ok(`mutation($id: ID!) { updateDevice(id: $id, input: {name: "Renamed phone"}) { name } }`, {
        id: device.id,
      })
    ).updateDevice;
    assert.equal(renamed.name, 'Renamed phone');

    const assignments = await ok(
      `query($u: ID!, $dev: ID!) { user(id: $u) { deviceAssignments(first: 50) { nodes { deviceName device { id } } } } deviceAssignment(userId: $u, deviceId: $dev) { deviceName user { userName } } }`,
      { u: owner!.id, dev: device.id },
    );
    assert.ok(
      assignments.user.deviceAssignments.nodes.some((a: { device: { id: string } }) => a.device.id === device.id),
    );
    assert.equal(assignments.deviceAssignment.deviceName, 'Renamed phone');

    const unassigned = (
      await ok(`mutation($u: ID!, $dev: ID!) { unassignDevice(userId: $u, deviceId: $dev) { user { id } } }`, {
        u: owner!.id,
        dev: device.id,
      })
    ).unassignDevice;
    assert.equal(unassigned.user, null);

    const reassigned = (
      await ok(
        `mutation($u: ID!, $dev: ID!) { assignDevice(userId: $u, deviceId: $dev) { provisioningToken assignment { user { userName } } } }`,
        { u: other!.id, dev: device.id },
      )
    ).assignDevice;
    assert.equal(reassigned.assignment.user.userName, other!.userName);
    assert.ok(reassigned.provisioningToken, 'the token comes back once');

    const filtered = await ok(
      `query($d: ID!) { domain(id: $d) { devices(filter: {macAddress: "AA:BB:CC:00:11:22"}) { nodes { name } } } }`,
      { d: domainId },
    );
    assert.deepEqual(filtered.domain.devices.nodes, [{ name: 'Renamed phone' }]);

    await ok(`mutation($id: ID!) { deleteDevice(id: $id) { deletedId } }`, { id: device.id });
    const gone = await stack.gql(`query($id: ID!) { device(id: $id) { id } }`, { id: device.id });
    assert.equal(gone.errors?.[0]?.extensions?.code, 'NOT_FOUND');
  });

  test('createDevice for a user that does not exist leaves no device behind', async () => {
    const [, , vendor, connection, d] = Buffer.from(domainId, 'base64url').toString().split(':');
    const ghost = Buffer.from(`v1:User:${vendor}:${connection}:${d}:555555`).toString('base64url');
    const result = await stack.gql(
      `mutation($d: ID!, $u: ID!) { createDevice(input: {domainId: $d, name: "Ghost phone", macAddress: "AA:BB:CC:99:99:99", userId: $u}) { id } }`,
      { d: domainId, u: ghost },
    );
    assert.ok(result.errors?.length);
    const left = await ok(
      `query($d: ID!) { domain(id: $d) { devices(filter: {macAddress: "AA:BB:CC:99:99:99"}) { nodes { id } } } }`,
      { d: domainId },
    );
    assert.deepEqual(left.domain.devices.nodes, []);
  });
});

describe('queues and trusted networks', () => {
  test('queue with members: create, add, update, order, read, remove, delete', async () => {
    const groups = await ok(`query($d: ID!) { domain(id: $d) { groups(first: 3) { nodes { id name } } } }`, {
      d: domainId,
    });
    const [g1, g2] = groups.domain.groups.nodes as Array<{ id: string; name: string }>;
    const queue = (
      await ok(
        `mutation($d: ID!) { createQueue(input: {domainId: $d, name: "overflow", displayName: "Overflow", extension: "7901"}) { id name } }`,
        { d: domainId },
      )
    ).createQueue;
    const m1 = (
      await ok(
        `mutation($q: ID!, $g: ID!) { addQueueMember(input: {queueId: $q, groupId: $g, ringStrategy: ALL, ringAttempts: 2, ringSeconds: 20}) { id ringStrategy group { name } } }`,
        { q: queue.id, g: g1!.id },
      )
    ).addQueueMember;
    assert.deepEqual({ s: m1.ringStrategy, g: m1.group.name }, { s: 'ALL', g: g1!.name });
    const m2 = (
      await ok(
        `mutation($q: ID!, $g: ID!) { addQueueMember(input: {queueId: $q, groupId: $g, ringStrategy: HUNT_LONGEST_IDLE, ringAttempts: 1, ringSeconds: 15}) { id } }`,
        { q: queue.id, g: g2!.id },
      )
    ).addQueueMember;

    const upd = (
      await ok(
        `mutation($id: ID!) { updateQueueMember(id: $id, input: {ringSeconds: 30}) { ringSeconds ringAttempts } }`,
        { id: m1.id },
      )
    ).updateQueueMember;
    assert.deepEqual(upd, { ringSeconds: 30, ringAttempts: 2 });

    const ordered = (
      await ok(
        `mutation($q: ID!, $m: [ID!]!) { setQueueMemberOrder(queueId: $q, memberIds: $m) { members { id ringOrder } } }`,
        { q: queue.id, m: [m2.id, m1.id] },
      )
    ).setQueueMemberOrder;
    assert.deepEqual(
      ordered.members.map((m: { id: string }) => m.id),
      [m2.id, m1.id],
    );

    const renamed = (
      await ok(
        `mutation($id: ID!) { updateQueue(id: $id, input: {displayName: "Overflow line"}) { displayName name } }`,
        { id: queue.id },
      )
    ).updateQueue;
    assert.deepEqual(renamed, { displayName: 'Overflow line', name: 'overflow' });

    const member = await ok(
      `query($id: ID!, $q: ID!) { queueMember(id: $id) { ringSeconds queue { name } } queue(id: $q) { members { id } } }`,
      { id: m1.id, q: queue.id },
    );
    assert.equal(member.queueMember.ringSeconds, 30);
    assert.equal(member.queue.members.length, 2);

    await ok(`mutation($id: ID!) { removeQueueMember(id: $id) { deletedId } }`, { id: m2.id });
    const left = await ok(`query($q: ID!) { queue(id: $q) { members { id } } }`, { q: queue.id });
    assert.deepEqual(left.queue.members, [{ id: m1.id }]);

    const listed = await ok(
      `query($d: ID!) { domain(id: $d) { queues(first: 100, orderBy: [{field: NAME, direction: DESC}]) { nodes { name } } } }`,
      { d: domainId },
    );
    const names = listed.domain.queues.nodes.map((q: { name: string }) => q.name);
    assert.ok(names.includes('overflow'));
    assert.deepEqual(names, [...names].sort().reverse());

    await ok(`mutation($id: ID!) { deleteQueue(id: $id) { deletedId } }`, { id: queue.id });
    const gone = await stack.gql(`query($id: ID!) { queue(id: $id) { id } }`, { id: queue.id });
    assert.equal(gone.errors?.[0]?.extensions?.code, 'NOT_FOUND');
  });

  test('trusted networks: create, list, read, update, delete', async () => {
    const created = (
      await ok(
        `mutation($d: ID!) { createTrustedNetwork(input: {domainId: $d, network: "192.0.2.0/24", description: "test lab"}) { id network description } }`,
        { d: domainId },
      )
    ).createTrustedNetwork;
    assert.deepEqual({ n: created.network, d: created.description }, { n: '192.0.2.0/24', d: 'test lab' });
    const listed = await ok(`query($d: ID!) { domain(id: $d) { trustedNetworks { nodes { id network } } } }`, {
      d: domainId,
    });
    assert.ok(listed.domain.trustedNetworks.nodes.some((n: { id: string }) => n.id === created.id));
    const updated = (
      await ok(
        `mutation($id: ID!) { updateTrustedNetwork(id: $id, input: {network: "2001:db8::/48"}) { network description } }`,
        { id: created.id },
      )
    ).updateTrustedNetwork;
    assert.deepEqual(updated, { network: '2001:db8::/48', description: 'test lab' });
    const read = await ok(`query($id: ID!) { trustedNetwork(id: $id) { network domain { id } } }`, { id: created.id });
    assert.equal(read.trustedNetwork.domain.id, domainId);
    await ok(`mutation($id: ID!) { deleteTrustedNetwork(id: $id) { deletedId } }`, { id: created.id });
    const gone = await stack.gql(`query($id: ID!) { trustedNetwork(id: $id) { id } }`, { id: created.id });
    assert.equal(gone.errors?.[0]?.extensions?.code, 'NOT_FOUND');
  });
});

/** Every operation of infinity-config-v2-sip.txt, as method + path template. */
const DOCUMENTED_OPERATIONS = [
  'GET /sip/domains',
  'GET /sip/domains/{}',
  'POST /sip/domains/{}',
  'GET /sip/domains/{}/users',
  'GET /sip/domains/{}/users/{}',
  'POST /sip/domains/{}/users',
  'POST /sip/domains/{}/users/{}',
  'DELETE /sip/domains/{}/users/{}',
  'GET /sip/domains/{}/groups',
  'GET /sip/domains/{}/groups/{}',
  'POST /sip/domains/{}/groups',
  'POST /sip/domains/{}/groups/{}',
  'DELETE /sip/domains/{}/groups/{}',
  'GET /sip/domains/{}/groups/{}/users',
  'POST /sip/domains/{}/groups/{}/users',
  'DELETE /sip/domains/{}/groups/{}/users',
  'GET /sip/domains/{}/users/{}/devices',
  'GET /sip/domains/{}/users/{}/devices/{}',
  'POST /sip/domains/{}/users/{}/devices',
  'DELETE /sip/domains/{}/users/{}/devices/{}',
  'GET /sip/domains/{}/users/{}/groups',
  'POST /sip/domains/{}/users/{}/groups',
  'GET /sip/domains/{}/queues',
  'GET /sip/domains/{}/queues/{}',
  'POST /sip/domains/{}/queues',
  'POST /sip/domains/{}/queues/{}',
  'DELETE /sip/domains/{}/queues/{}',
  'GET /sip/domains/{}/queues/{}/members',
  'GET /sip/domains/{}/queues/{}/members/{}',
  'POST /sip/domains/{}/queues/{}/members',
  'POST /sip/domains/{}/queues/{}/members/{}',
  'DELETE /sip/domains/{}/queues/{}/members/{}',
  'PUT /sip/domains/{}/queues/{}/members/order',
  'GET /sip/domains/{}/trustednetworks',
  'GET /sip/domains/{}/trustedNetworks/{}',
  'POST /sip/domains/{}/trustedNetworks',
  'POST /sip/domains/{}/trustedNetwork/{}',
  'DELETE /sip/domains/{}/trustedNetwork/{}',
  'GET /sip/domains/{}/devices',
  'GET /sip/domains/{}/devices/{}',
  'POST /sip/domains/{}/devices',
  'POST /sip/domains/{}/devices/{}',
  'DELETE /sip/domains/{}/devices/{}',
];

function template(call: RecordedRequest): string {
  return `${call.method} ${call.path.replace(/^\/config\/v2/, '').replace(/\/\d+(?=\/|$)/g, '/{}')}`;
}

test('every one of the 43 documented Infinity operations was reached through GraphQL', () => {
  assert.equal(DOCUMENTED_OPERATIONS.length, 43);
  const seen = new Set(
    stack.demo.emulators
      .infinity!.since(firstMark)
      .filter((c) => c.status < 500)
      .map(template),
  );
  const missing = DOCUMENTED_OPERATIONS.filter((op) => !seen.has(op));
  assert.deepEqual(missing, []);
});
