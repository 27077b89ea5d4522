/**
 * The cross-vendor join (directory devices → 2N device SIP config by MAC) and SIP Thor account
 * settings, against the emulators over HTTP: per-request call counts, Digest auth, write-only
 * passwords, read-back after changes.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;
before(async () => {
  stack = await startStack();
});
after(() => stack.stop());

const ok: Stack['ok'] = (query, variables) => stack.ok(query, variables);

const intercoms = () => Object.entries(stack.demo.emulators).filter(([name]) => name.startsWith('intercom-'));

describe('device SIP config (2N)', () => {
  test('domain → users → groups → devices → sipConfig: each intercom asked once, with Digest', async () => {
    const query = `{ domains(vendor: INFINITY) { users(first: 100) { nodes { userName groups { name } devices { macAddress sipConfig { connection macAddress accounts { username enabled registered deviceAccount { index sipNumber domain } } } } } } } }`;
    await stack.gql(query); // warm-up: MACs are learnt once per process from each device's system info
    const { result, calls } = await stack.counting(() => stack.gql(query));
    assert.equal(result.errors, undefined, JSON.stringify(result.errors));

    const devices = (result.data as any).domains.flatMap((d: any) => d.users.nodes.flatMap((u: any) => u.devices));
    const linked = devices.filter((d: any) => d.sipConfig);
    assert.equal(linked.length, intercoms().length, 'every intercom is found through its directory device');
    for (const device of linked) {
      assert.equal(device.sipConfig.macAddress, device.macAddress);
      assert.deepEqual(
        device.sipConfig.accounts.map((a: any) => a.deviceAccount.index),
        [1, 2],
      );
    }
    for (const [name] of intercoms()) {
      const served = (calls[name] ?? []).filter((c) => c.status === 200);
      assert.deepEqual(
        served.map((c) => `${c.method} ${c.path}`).sort(),
        ['GET /api/phone/config', 'GET /api/phone/status'],
        `${name} asked once for config and once for status`,
      );
      assert.ok(
        served.every((c) => String(c.headers.authorization).startsWith('Digest ')),
        'Digest credentials',
      );
    }
  });

  test('update one device account: partial, returned as the device reports it, password never readable', async () => {
    const [name, emulator] = intercoms()[0]!;
    const config = await ok(
      `query { domains(vendor: INFINITY) { devices(first: 1000) { nodes { sipConfig { connection accounts { id deviceAccount { index displayName } } } } } } }`,
    );
    const account = config.domains
      .flatMap((d: any) => d.devices.nodes)
      .map((d: any) => d.sipConfig)
      .find((c: any) => c?.connection === name).accounts[1];
    const mark = emulator.requests.length;
    const updated = await ok(
      `mutation($id: ID!) { updateDeviceSipAccount(id: $id, input: {enabled: true, displayName: "Lobby door", sipNumber: "4711", domain: "sip.example.com", password: "door-Secret-9", registrarPort: 5060}) { displayName enabled deviceAccount { sipNumber domain registrarPort } } }`,
      { id: account.id },
    );
    assert.deepEqual(updated.updateDeviceSipAccount, {
      displayName: 'Lobby door',
      enabled: true,
      deviceAccount: { sipNumber: '4711', domain: 'sip.example.com', registrarPort: 5060 },
    });
    const put = emulator.since(mark).find((c) => c.method === 'PUT' && c.status === 200);
    assert.ok(put, 'one PUT reached the device');
    assert.match(String(put.headers['content-type']), /^multipart\/form-data/);
    assert.match(put.body, /name="blob-json"/);
    assert.ok(!JSON.stringify(updated).includes('door-Secret-9'));
  });

  test('a value the device refuses names the parameter, and nothing is applied', async () => {
    const [name] = intercoms()[0]!;
    const config = await ok(
      `query { domains(vendor: INFINITY) { devices(first: 1000) { nodes { sipConfig { connection accounts { id displayName } } } } } }`,
    );
    const account = config.domains
      .flatMap((d: any) => d.devices.nodes)
      .map((d: any) => d.sipConfig)
      .find((c: any) => c?.connection === name).accounts[0];
    const result = await stack.gql(
      `mutation($id: ID!) { updateDeviceSipAccount(id: $id, input: {displayName: "Should not stick", answerMode: "9"}) { displayName } }`,
      { id: account.id },
    );
    assert.equal(result.errors?.[0]?.extensions?.code, 'VENDOR_REJECTED');
    assert.equal(result.errors?.[0]?.extensions?.param, 'answerMode');
    const after = await ok(`query($id: ID!) { account(id: $id) { displayName } }`, { id: account.id });
    assert.equal(after.account.displayName, account.displayName);
  });
});

describe('SIP Thor account settings', () => {
  const firstAccount = async () =>
    (await ok('{ accounts { id address } }')).accounts[0] as { id: string; address: string };

  test('forwarding and voicemail asked twice each in one query: exactly two vendor calls', async () => {
    const { id } = await firstAccount();
    const query = `query($id: ID!) { a: account(id: $id) { settings { callForwarding { busy } voicemail { mailbox } } } b: account(id: $id) { settings { callForwarding { noAnswer } voicemail { email } } } }`;
    const { result, calls } = await stack.counting(() => stack.gql(query, { id }));
    assert.equal(result.errors, undefined, JSON.stringify(result.errors));
    const served = (calls.sipthor ?? [])
      .filter((c) => c.status === 200)
      .map((c) => new URLSearchParams(c.query).get('action'))
      .sort();
    assert.deepEqual(served, ['get_call_forwarding', 'get_voicemail']);
    assert.ok(
      (calls.sipthor ?? [])
        .filter((c) => c.status === 200)
        .every((c) => String(c.headers.authorization).startsWith('Digest ')),
    );
  });

  test('change forwarding and DND, read back after the change', async () => {
    const { id } = await firstAccount();
    const forwarded = await ok(
      `mutation($id: ID!) { setCallForwarding(accountId: $id, input: {busy: "<voice-mailbox>", noAnswer: "<mobile-number>"}) { settings { callForwarding { busy noAnswer } identity { mobileNumber } } } }`,
      { id },
    );
    assert.equal(forwarded.setCallForwarding.settings.callForwarding.busy, '<voice-mailbox>');
    assert.equal(
      forwarded.setCallForwarding.settings.callForwarding.noAnswer,
      forwarded.setCallForwarding.settings.identity.mobileNumber,
      '<mobile-number> resolves to the mobile number',
    );

    const cleared = await ok(
      `mutation($id: ID!) { setCallForwarding(accountId: $id, input: {busy: ""}) { settings { callForwarding { busy noAnswer } } } }`,
      { id },
    );
    assert.equal(cleared.setCallForwarding.settings.callForwarding.busy, null);
    assert.notEqual(cleared.setCallForwarding.settings.callForwarding.noAnswer, null, 'only the given rule changed');

    const dnd = await ok(
      `mutation($id: ID!) { setDoNotDisturb(accountId: $id, enabled: true, durationMinutes: 30) { settings { doNotDisturb { enabled minutesLeft } } } }`,
      { id },
    );
    assert.deepEqual(dnd.setDoNotDisturb.settings.doNotDisturb, { enabled: true, minutesLeft: 30 });
    const off = await ok(
      `mutation($id: ID!) { setDoNotDisturb(accountId: $id, enabled: false) { settings { doNotDisturb { enabled } } } }`,
      { id },
    );
    assert.equal(off.setDoNotDisturb.settings.doNotDisturb.enabled, false);

    const privacy = await ok(
      `mutation($id: ID!) { setPrivacy(accountId: $id, enabled: true) { settings { privacy } } }`,
      { id },
    );
    assert.equal(privacy.setPrivacy.settings.privacy, true);
    const alias = await ok(
      `mutation($id: ID!) { addAccountAlias(accountId: $id, username: "frontdesk") { address settings { aliases } } }`,
      { id },
    );
    assert.ok(
      alias.addAccountAlias.settings.aliases.includes(`frontdesk@${alias.addAccountAlias.address.split('@')[1]}`),
    );
  });

  test('every read action is reachable and voicemail never carries its password', async () => {
    const { id } = await firstAccount();
    const data = await ok(
      `query($id: ID!) { account(id: $id) { settings { identity { sipAddress } aliases enumNumbers callForwarding { unconditional } doNotDisturb { enabled } privacy voicemail { mailbox } callHistory { placed { remoteParty } received { remoteParty } } registeredDevices { contact } prepaid { prepaid balance } balanceHistory { value } monthlyUsage { calls } acceptRules { groups } rejectRules } } }`,
      { id },
    );
    assert.ok(data.account.settings.identity.sipAddress);
    assert.ok(Array.isArray(data.account.settings.registeredDevices));
  });

  test('a backend failure (HTML alert instead of JSON) fails only its field', async () => {
    const { id } = await firstAccount();
    stack.demo.states.sipthor.failAction('get_voicemail');
    try {
      const result = await stack.gql(
        `query($id: ID!) { account(id: $id) { settings { voicemail { mailbox } callForwarding { busy } } } }`,
        { id },
      );
      const error = result.errors?.find((e) => e.path?.includes('voicemail'));
      assert.equal(error?.extensions?.code, 'VENDOR_UNAVAILABLE');
      assert.match(error!.message, /get_voicemail failed/);
      assert.equal((result.data as any).account.settings.voicemail, null);
      assert.ok((result.data as any).account.settings.callForwarding, 'the other settings still resolve');
    } finally {
      stack.demo.states.sipthor.failingActions.clear();
    }
  });

  test('a directory user finds their SIP Thor account by SIP address', async () => {
    const { address } = await firstAccount();
    const data = await ok(
      `{ domains(vendor: INFINITY) { name users(first: 1000) { nodes { userName accounts { vendor address } } } } }`,
    );
    const owner = data.domains
      .flatMap((d: any) => d.users.nodes.map((u: any) => ({ ...u, domain: d.name })))
      .find((u: any) => `${u.userName}@${u.domain}` === address);
    assert.ok(owner, `a directory user owns ${address}`);
    assert.deepEqual(owner.accounts, [{ vendor: 'SIP_THOR', address }]);
  });

  test('a wrong password is refused by Digest and reported as VENDOR_AUTH_FAILED', async () => {
    const settings = structuredClone(stack.demo.settings);
    const sipthor = settings.connections.find((c) => c.kind === 'sipthor');
    assert.ok(sipthor && sipthor.kind === 'sipthor');
    sipthor.accounts = sipthor.accounts.map((a) => ({ ...a, password: 'wrong-password' }));
    settings.connections = [sipthor];
    const { createServer } = await import('../../src/server.js');
    const { silentLogger } = await import('../../src/log.js');
    const gateway = await createServer({ ...settings, log: { level: 'silent' } }, { logger: silentLogger });
    const url = await gateway.listen(0, '127.0.0.1');
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.demo.keys.admin}` },
        body: JSON.stringify({ query: '{ accounts { settings { identity { sipAddress } } } }' }),
      });
      const body = (await response.json()) as { errors?: Array<{ extensions: Record<string, unknown> }> };
      assert.equal(body.errors?.[0]?.extensions.code, 'VENDOR_AUTH_FAILED');
      assert.equal(body.errors?.[0]?.extensions.httpStatus, 401);
    } finally {
      await gateway.stop();
    }
  });
});
