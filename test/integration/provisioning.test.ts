/**
 * provisionUser / deprovisionUser across Infinity, 2N and Stringee over real HTTP: every step in
 * the payload and in change(id:), compensation in reverse order, idempotency by key; the
 * emulators' own state is the evidence.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { footprint, NOTHING, PROVISION } from '../helpers/provisioning.js';
import { startStack, type Stack } from '../helpers/stack.js';

describe('provisionUser and deprovisionUser', () => {
  let stack: Stack;
  let domainId: string;
  let groupIds: string[];
  let mac: string;
  before(async () => {
    stack = await startStack();
    const data = await stack.ok(`{ domains { id vendor groups(first: 2) { nodes { id } } } }`);
    const domain = data.domains.find((d: { vendor: string }) => d.vendor === 'INFINITY');
    domainId = domain.id;
    groupIds = domain.groups.nodes.map((g: { id: string }) => g.id);
    // Free intercom-1's MAC in the directory, so a new device can take it and join the intercom.
    mac = stack.demo.states.intercoms[0]!.info.macAddr.toUpperCase();
    const taken = await stack.ok(
      `query($d: ID!, $m: MacAddress!) { domain(id: $d) { devices(filter: {macAddress: $m}) { nodes { id } } } }`,
      { d: domainId, m: mac },
    );
    for (const device of taken.domain.devices.nodes)
      await stack.ok(`mutation($id: ID!) { deleteDevice(id: $id) { deletedId } }`, { id: device.id });
  });
  after(() => stack.stop());

  const input = (userName: string, extension: string) => ({
    domainId,
    userName,
    password: 'S3cret!pass-2026',
    displayName: `Prov ${userName}`,
    extension,
    groupIds,
    device: { name: `${userName} desk`, macAddress: mac },
  });

  test('a vendor refusing the last step undoes every step before it, newest first', async () => {
    stack.demo.emulators.stringee!.injectFault({
      kind: 'status',
      status: 400,
      method: 'POST',
      pathPrefix: '/v1/sipphone',
      times: 1,
    });
    const result = (await stack.ok(PROVISION, { input: input('prov.undone', '7851') })).provisionUser;
    assert.equal(result.ok, false);
    assert.equal(result.change.status, 'COMPENSATED', JSON.stringify(result.change));
    assert.deepEqual(
      result.change.steps.map((s: { action: string; status: string }) => `${s.action} ${s.status}`),
      [
        'directory.createUser UNDONE',
        'directory.addUserGroups UNDONE',
        'directory.createDevice UNDONE',
        'directory.assignDevice UNDONE',
        '2n.writeAccount UNDONE',
        'stringee.createPhone NOT_APPLIED',
      ],
    );
    assert.equal(result.error.code, 'VENDOR_REJECTED');
    assert.deepEqual(footprint(stack.demo.states, 'prov.undone', mac), NOTHING, 'nothing is left at any vendor');
    const slot = stack.demo.states.intercoms[0]!.accounts[2];
    assert.deepEqual([slot.enabled, slot.authId, slot.password], [false, '', ''], 'the intercom slot is blank again');
  });

  test('provision with a key: every step done, one write each even when sent twice; deprovision removes it all', async () => {
    const key = randomUUID();
    const variables = { input: input('prov.anna', '7852'), key };
    const { result, calls } = await stack.counting(() => stack.ok(PROVISION, variables));
    const payload = result.provisionUser;
    assert.equal(payload.ok, true, JSON.stringify(payload));
    assert.equal(payload.change.status, 'COMPLETED');
    assert.ok(
      payload.change.steps.every((s: { status: string }) => s.status === 'DONE'),
      JSON.stringify(payload.change.steps),
    );
    assert.equal(payload.user.groups.length, 2);
    assert.equal(payload.device.user.userName, 'prov.anna');
    assert.deepEqual(footprint(stack.demo.states, 'prov.anna', mac), {
      user: true,
      groups: 2,
      deviceWithMac: true,
      deviceAssigned: true,
      intercomAccount: true,
      sipPhone: true,
    });
    const writes = Object.values(calls)
      .flat()
      .filter((c) => c.method !== 'GET').length;

    const again = await stack.counting(() => stack.ok(PROVISION, variables));
    assert.deepEqual(again.result, result, 'the retry replays the first payload');
    assert.equal(again.total, 0, 'and calls no vendor');
    assert.ok(writes >= 6, `${writes} writes the first time`);

    const read = await stack.ok(`query($id: ID!) { change(id: $id) { status kind steps { status } } }`, {
      id: payload.change.id,
    });
    assert.deepEqual(read.change, {
      status: 'COMPLETED',
      kind: 'provisionUser',
      steps: payload.change.steps.map(() => ({ status: 'DONE' })),
    });

    const gone = await stack.ok(
      `mutation($u: ID!) { deprovisionUser(input: {userId: $u, deleteDevices: true}) { ok change { status steps { action status } } } }`,
      { u: payload.user.id },
    );
    assert.equal(gone.deprovisionUser.ok, true, JSON.stringify(gone));
    assert.deepEqual(
      gone.deprovisionUser.change.steps.map((s: { action: string }) => s.action),
      ['2n.writeAccount', 'stringee.deletePhone', 'directory.deleteDevice', 'directory.deleteUser'],
    );
    assert.deepEqual(footprint(stack.demo.states, 'prov.anna', mac), NOTHING);
  });

  test('an existing user name is refused before anything is written', async () => {
    const existing = stack.demo.states.infinity.users(stack.demo.states.infinity.domains()[0]!.domainId)[0]!.user;
    const { result, calls } = await stack.counting(() =>
      stack.gql(PROVISION, { input: { ...input(existing, '7853'), device: undefined } }),
    );
    assert.equal(result.errors?.[0]?.extensions?.code, 'CONFLICT');
    assert.equal(
      Object.values(calls)
        .flat()
        .filter((c) => c.method !== 'GET').length,
      0,
    );
  });
});
