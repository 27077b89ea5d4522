/**
 * Issue 9, 2N: a device connection whose MAC no directory device has is still reachable by its
 * connection, and a slot that was never configured says so instead of answering `username: ""`.
 * The device follows 2n-phone-config.txt: account 2 is blank, as in the doc's GET example.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTwoNEmulator } from '../../src/emulators/2n/index.js';
import type { EmulatorServer } from '../../src/emulators/shared/harness.js';
import { startGateway, startStack, type Stack } from '../helpers/stack.js';

const LONE_MAC = '02:00:5E:10:20:30';
let stack: Stack;
let lone: EmulatorServer;
let gateway: Awaited<ReturnType<typeof startGateway>>;

before(async () => {
  stack = await startStack();
  const device = createTwoNEmulator({
    macAddr: LONE_MAC,
    deviceName: 'Gate intercom',
    username: 'admin',
    password: 'gate-secret',
  });
  lone = device.server;
  const baseUrl = await lone.start();
  const settings = structuredClone(stack.demo.settings);
  const template = settings.connections.find((c) => c.kind === '2n')!;
  settings.connections.push({
    ...template,
    name: 'gate',
    baseUrl,
    username: 'admin',
    password: 'gate-secret',
    macAddress: undefined,
  } as typeof template);
  gateway = await startGateway(settings);
});
after(async () => {
  await gateway.gateway.stop();
  await lone.stop();
  await stack.stop();
});

async function ok(query: string, variables?: Record<string, unknown>): Promise<any> {
  const result = await gateway.gql(query, variables);
  assert.equal(result.errors, undefined, JSON.stringify(result.errors));
  return result.data;
}

describe('10. a device connection is reachable by connection, whatever the directory says', () => {
  test('no directory device has the MAC, and yet accounts(connection:) lists both slots', async () => {
    const directory = await ok(`{ domains(vendor: INFINITY) { devices(first: 500) { nodes { macAddress } } } }`);
    const macs = directory.domains.flatMap((d: any) => d.devices.nodes.map((n: any) => n.macAddress));
    assert.ok(!macs.includes(LONE_MAC), 'the directory does not know this device');

    const data = await ok(
      `{ deviceSipConfigs(connection: "gate") { connection macAddress accounts { id vendor connection deviceAccount { index } } } }`,
    );
    const [config] = data.deviceSipConfigs;
    assert.deepEqual([data.deviceSipConfigs.length, config.connection, config.macAddress], [1, 'gate', LONE_MAC]);
    assert.deepEqual(
      config.accounts.map((a: any) => [a.vendor, a.connection, a.deviceAccount.index]),
      [
        ['TWO_N', 'gate', 1],
        ['TWO_N', 'gate', 2],
      ],
    );
    const again = await ok(`query($id: ID!) { account(id: $id) { deviceAccount { index } } }`, {
      id: config.accounts[1].id,
    });
    assert.equal(again.account.deviceAccount.index, 2, 'the ids found that way are real ids');
  });

  test('an id found that way reaches the 2N mutation', async () => {
    const data = await ok(`{ deviceSipConfigs(connection: "gate") { accounts { id } } }`);
    const changed = await ok(
      `mutation($id: ID!) { updateDeviceSipAccount(id: $id, input: {displayName: "Gate"}) { displayName } }`,
      { id: data.deviceSipConfigs[0].accounts[0].id },
    );
    assert.equal(changed.updateDeviceSipAccount.displayName, 'Gate');
  });

  test('with no connection named, every device connection is listed, the lone one included', async () => {
    const data = await ok(`{ deviceSipConfigs { connection } }`);
    const names = data.deviceSipConfigs.map((c: any) => c.connection);
    assert.ok(names.includes('gate') && names.includes('intercom-1'), names.join(', '));
  });
});

describe('11. a never-configured slot has an honest shape', () => {
  test('slot 2 is configured: false with a null username; slot 1 is configured', async () => {
    const data = await ok(
      `{ deviceSipConfigs(connection: "gate") { accounts { username configured address deviceAccount { index sipNumber authId } } } }`,
    );
    const [first, second] = data.deviceSipConfigs[0].accounts;
    assert.equal(first.configured, true);
    assert.equal(first.username, first.deviceAccount.authId ?? first.deviceAccount.sipNumber);
    assert.deepEqual(second, {
      username: null,
      configured: false,
      address: null,
      deviceAccount: { index: 2, sipNumber: null, authId: null },
    });
  });

  test('configuring the slot makes it configured, with the SIP number as its username', async () => {
    const data = await ok(`{ deviceSipConfigs(connection: "gate") { accounts { id } } }`);
    const id = data.deviceSipConfigs[0].accounts[1].id;
    const changed = await ok(
      `mutation($id: ID!) { updateDeviceSipAccount(id: $id, input: {sipNumber: "4242", domain: "sip.example.com"}) { username configured address } }`,
      { id },
    );
    assert.deepEqual(changed.updateDeviceSipAccount, {
      username: '4242',
      configured: true,
      address: '4242@sip.example.com',
    });
  });
});
