/**
 * Issue 9 item 12: an explicit `null` in an update clears the field where the vendor can clear it
 * (the emptied value reaches the vendor), and is refused with BAD_USER_INPUT, naming the field and
 * before any vendor call, where it cannot. Field by field, as docs/vendors.md lists them.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;
let infinityDomain: string;
let stringeeDomain: string;

before(async () => {
  stack = await startStack();
  const data = await stack.ok<{ domains: Array<{ id: string; vendor: string }> }>('{ domains { id vendor } }');
  infinityDomain = data.domains.find((d) => d.vendor === 'INFINITY')!.id;
  stringeeDomain = data.domains.find((d) => d.vendor === 'STRINGEE')!.id;
});
after(() => stack.stop());

/** The mutation is refused as BAD_USER_INPUT naming `field`, and no vendor saw a request. */
async function refusedBeforeAnyCall(query: string, variables: Record<string, unknown>, field: string): Promise<void> {
  const { result, total } = await stack.counting(() => stack.gql(query, variables));
  const error = result.errors?.[0];
  assert.equal(error?.extensions?.code, 'BAD_USER_INPUT', JSON.stringify(result.errors));
  assert.equal(error?.extensions?.field, `input.${field}`);
  assert.match(String(error?.message), /cannot clear/);
  assert.equal(total, 0);
}

const lastPost = (calls: Record<string, Array<{ method: string; body: string }>>, vendor: string) =>
  new URLSearchParams((calls[vendor] ?? []).filter((c) => c.method === 'POST').at(-1)?.body ?? '');

describe('Infinity', () => {
  test('a user: optional text clears (sent as ""), required fields and flags are refused', async () => {
    const created = await stack.ok(
      `mutation($d: ID!) { createUser(input: {domainId: $d, userName: "null.tester", password: "S3cret!pass", displayName: "Null Tester",
      extension: "7761", email: "nt@example.com", jobTitle: "QA"}) { id } }`,
      { d: infinityDomain },
    );
    const id = created.createUser.id;
    const { result, calls } = await stack.counting(() =>
      stack.ok(
        `mutation($id: ID!) { updateUser(id: $id, input: {email: null, jobTitle: null, firstName: "Nul"}) { email jobTitle firstName displayName } }`,
        { id },
      ),
    );
    assert.deepEqual(result.updateUser, { email: null, jobTitle: null, firstName: 'Nul', displayName: 'Null Tester' });
    const sent = lastPost(calls, 'infinity');
    assert.deepEqual([sent.get('email'), sent.get('jobName'), sent.get('displayName')], ['', '', null]);

    for (const field of ['displayName', 'extension', 'password', 'followToMobile']) {
      await refusedBeforeAnyCall(
        `mutation($id: ID!) { updateUser(id: $id, input: {${field}: null}) { id } }`,
        { id },
        field,
      );
    }
  });

  test('a queue clears callerNameFormat; a trusted network its description; names and networks are refused', async () => {
    const queue = await stack.ok(
      `mutation($d: ID!) { createQueue(input: {domainId: $d, name: "nullq", displayName: "Null Q", extension: "7762", callerNameFormat: "{displayName}"}) { id } }`,
      { d: infinityDomain },
    );
    const q = await stack.ok(
      `mutation($id: ID!) { updateQueue(id: $id, input: {callerNameFormat: null}) { callerNameFormat name } }`,
      { id: queue.createQueue.id },
    );
    assert.deepEqual(q.updateQueue, { callerNameFormat: null, name: 'nullq' });
    await refusedBeforeAnyCall(
      `mutation($id: ID!) { updateQueue(id: $id, input: {name: null}) { id } }`,
      { id: queue.createQueue.id },
      'name',
    );

    const network = await stack.ok(
      `mutation($d: ID!) { createTrustedNetwork(input: {domainId: $d, network: "10.9.8.0/24", description: "lab"}) { id } }`,
      { d: infinityDomain },
    );
    const n = await stack.ok(
      `mutation($id: ID!) { updateTrustedNetwork(id: $id, input: {description: null}) { description network } }`,
      { id: network.createTrustedNetwork.id },
    );
    assert.deepEqual(n.updateTrustedNetwork, { description: null, network: '10.9.8.0/24' });
    await refusedBeforeAnyCall(
      `mutation($id: ID!) { updateTrustedNetwork(id: $id, input: {network: null}) { id } }`,
      { id: network.createTrustedNetwork.id },
      'network',
    );
  });

  test('domain, group, queue member and device fields cannot be cleared', async () => {
    const ids = await stack.ok(
      `query($d: ID!) { domain(id: $d) { id groups(first: 1) { nodes { id } } devices(first: 1) { nodes { id } }
      queues(first: 1) { nodes { members { id } } } } }`,
      { d: infinityDomain },
    );
    await refusedBeforeAnyCall(
      `mutation($id: ID!) { updateDomain(id: $id, input: {displayName: null}) { id } }`,
      { id: infinityDomain },
      'displayName',
    );
    await refusedBeforeAnyCall(
      `mutation($id: ID!) { updateGroup(id: $id, input: {callerNameFormat: null}) { id } }`,
      { id: ids.domain.groups.nodes[0].id },
      'callerNameFormat',
    );
    await refusedBeforeAnyCall(
      `mutation($id: ID!) { updateQueueMember(id: $id, input: {ringOrder: null}) { id } }`,
      { id: ids.domain.queues.nodes[0].members[0].id },
      'ringOrder',
    );
    await refusedBeforeAnyCall(
      `mutation($id: ID!) { updateDevice(id: $id, input: {name: null}) { id } }`,
      { id: ids.domain.devices.nodes[0].id },
      'name',
    );
  });
});

describe('Stringee, PortSIP, 2N, SIP Thor', () => {
  test('Stringee cannot clear an extension', async () => {
    const created = await stack.ok(
      `mutation($d: ID!) { createUser(input: {domainId: $d, userName: "nullext", password: "Secr3t-pass", displayName: "N", extension: "311"}) { id } }`,
      { d: stringeeDomain },
    );
    await refusedBeforeAnyCall(
      `mutation($id: ID!) { updateUser(id: $id, input: {password: "An0ther-pass", extension: null}) { id } }`,
      { id: created.createUser.id },
      'extension',
    );
  });

  test('a PortSIP provider clears outboundServer and ips; its hostname cannot be cleared', async () => {
    const list = await stack.ok(`{ providers(first: 1) { nodes { id } } }`);
    const id = list.providers.nodes[0].id;
    const cleared = await stack.ok(
      `mutation($id: ID!) { updateProvider(id: $id, input: {outboundServer: null, ips: null}) { outboundServer ips hostname } }`,
      { id },
    );
    assert.ok(!cleared.updateProvider.outboundServer, 'cleared');
    assert.deepEqual(cleared.updateProvider.ips, []);
    await refusedBeforeAnyCall(
      `mutation($id: ID!) { updateProvider(id: $id, input: {hostname: null}) { id } }`,
      { id },
      'hostname',
    );
  });

  test('a 2N slot clears its display name and proxy port (sent as ""); enabled cannot be cleared', async () => {
    const data = await stack.ok(`{ deviceSipConfigs { connection accounts { id } } }`);
    const account = { id: data.deviceSipConfigs[0].accounts[0].id, connection: data.deviceSipConfigs[0].connection };
    await stack.ok(
      `mutation($id: ID!) { updateDeviceSipAccount(id: $id, input: {displayName: "Lobby", proxyPort: 5070}) { id } }`,
      { id: account.id },
    );
    const { result, calls } = await stack.counting(() =>
      stack.ok(
        `mutation($id: ID!) { updateDeviceSipAccount(id: $id, input: {displayName: null, proxyPort: null}) { displayName deviceAccount { proxyPort } } }`,
        { id: account.id },
      ),
    );
    assert.deepEqual(result.updateDeviceSipAccount, { displayName: null, deviceAccount: { proxyPort: null } });
    const put = (calls[account.connection] ?? []).find((c) => c.method === 'PUT' && c.status === 200);
    assert.match(String(put?.body), /"displayName":""/);
    await refusedBeforeAnyCall(
      `mutation($id: ID!) { updateDeviceSipAccount(id: $id, input: {enabled: null}) { id } }`,
      { id: account.id },
      'enabled',
    );
  });

  test('SIP Thor clears a forwarding rule given as null', async () => {
    const data = await stack.ok(`{ accounts { id } }`);
    const id = data.accounts[0].id;
    await stack.ok(
      `mutation($id: ID!) { setCallForwarding(accountId: $id, input: {busy: "<voice-mailbox>"}) { id } }`,
      { id },
    );
    const cleared = await stack.ok(
      `mutation($id: ID!) { setCallForwarding(accountId: $id, input: {busy: null}) { settings { callForwarding { busy } } } }`,
      { id },
    );
    assert.equal(cleared.setCallForwarding.settings.callForwarding.busy, null);
  });
});
