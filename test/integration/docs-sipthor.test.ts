/**
 * Issue 9, SIP Thor: what a server that follows sipthor-settings.txt and WIRE-NOTES.md strictly
 * answers, driven through GraphQL. The emulator shows privacy in no answer, can list active calls,
 * and can keep DND out of the accept rules: the doc says nothing more on any of these.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { startGateway, startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;
let accountId: string;
let address: string;

before(async () => {
  stack = await startStack();
  const data = await stack.ok(`{ accounts { id address } }`);
  ({ id: accountId, address } = data.accounts[0]);
});
after(() => stack.stop());
beforeEach(() => {
  const state = stack.demo.states.sipthor;
  state.activeCallsAs = 'count';
  state.dndShownInAcceptRules = true;
});

describe('5. prepaid accepts active_calls as a count or a list', () => {
  test('a list of calls is counted and the balance is kept', async () => {
    const state = stack.demo.states.sipthor;
    const account = state.account(address);
    account.prepaid = true;
    account.balance = 12.34;
    account.activeCalls = [
      { callId: 'c1', remoteParty: 'bob@example.com', duration: 31 },
      { callId: 'c2', remoteParty: '+31201234567', duration: 4 },
    ];
    const query = `query($id: ID!) { account(id: $id) { settings { prepaid { prepaid balance currency activeCalls } } } }`;
    state.activeCallsAs = 'list';
    const listed = await stack.ok(query, { id: accountId });
    assert.deepEqual(listed.account.settings.prepaid, {
      prepaid: true,
      balance: '12.3400',
      currency: 'EUR',
      activeCalls: 2,
    });
    state.activeCallsAs = 'count';
    const counted = await stack.ok(query, { id: accountId });
    assert.deepEqual(counted.account.settings.prepaid, listed.account.settings.prepaid);
  });
});

describe('6. privacy has no documented read: null, except right after setPrivacy', () => {
  test('a plain read is null; the mutation answers what it set; the server saw the write', async () => {
    const read = `query($id: ID!) { account(id: $id) { settings { privacy } } }`;
    assert.equal((await stack.ok(read, { id: accountId })).account.settings.privacy, null);
    const on = await stack.ok(
      `mutation($id: ID!) { setPrivacy(accountId: $id, enabled: true) { settings { privacy } } }`,
      { id: accountId },
    );
    assert.equal(on.setPrivacy.settings.privacy, true);
    assert.equal(stack.demo.states.sipthor.account(address).privacy, true);
    assert.equal(
      (await stack.ok(read, { id: accountId })).account.settings.privacy,
      null,
      'a later request knows nothing it can read',
    );
    const off = await stack.ok(
      `mutation($id: ID!) { setPrivacy(accountId: $id, enabled: false) { settings { privacy } } }`,
      { id: accountId },
    );
    assert.equal(off.setPrivacy.settings.privacy, false);
  });
});

describe('7. a mutation read-back never contradicts the write (DND)', () => {
  test('a server that keeps DND out of the accept rules still reads back what was set', async () => {
    stack.demo.states.sipthor.dndShownInAcceptRules = false;
    const set = `mutation($id: ID!, $on: Boolean!, $m: Int) { setDoNotDisturb(accountId: $id, enabled: $on, durationMinutes: $m) {
      settings { doNotDisturb { enabled minutesLeft } } } }`;
    const on = await stack.ok(set, { id: accountId, on: true, m: 60 });
    assert.deepEqual(on.setDoNotDisturb.settings.doNotDisturb, { enabled: true, minutesLeft: 60 });
    assert.equal(stack.demo.states.sipthor.account(address).dnd.on, true);
    const off = await stack.ok(set, { id: accountId, on: false });
    assert.deepEqual(off.setDoNotDisturb.settings.doNotDisturb, { enabled: false, minutesLeft: null });
  });

  test('where the accept rules do show DND, the read-back is theirs (minutes left counted by the server)', async () => {
    const on = await stack.ok(
      `mutation($id: ID!) { setDoNotDisturb(accountId: $id, enabled: true) { settings { doNotDisturb { enabled minutesLeft } acceptRules { persistent { groups } } } } }`,
      { id: accountId },
    );
    assert.deepEqual(on.setDoNotDisturb.settings.doNotDisturb, { enabled: true, minutesLeft: null });
    assert.deepEqual(on.setDoNotDisturb.settings.acceptRules.persistent.groups, ['nobody']);
    await stack.ok(`mutation($id: ID!) { setDoNotDisturb(accountId: $id, enabled: false) { id } }`, { id: accountId });
  });
});

describe('8. a base URL written as the doc writes it (…/settings.phtml) is the same server', () => {
  test('every settings field answers through a connection configured with /settings.phtml', async () => {
    const settings = structuredClone(stack.demo.settings);
    const connection = settings.connections.find((c) => c.kind === 'sipthor')!;
    connection.baseUrl = `${connection.baseUrl}/settings.phtml`;
    const gateway = await startGateway(settings);
    try {
      const result = await gateway.gql(
        `query($id: ID!) { account(id: $id) { settings { identity { sipAddress } aliases callForwarding { busy } prepaid { balance } } } }`,
        { id: accountId },
      );
      assert.equal(result.errors, undefined, JSON.stringify(result.errors));
      assert.equal((result.data as any).account.settings.identity.sipAddress, address);
      const calls = stack.demo.emulators.sipthor!.requests.slice(-4).map((r) => r.path);
      assert.ok(
        calls.every((p) => p === '/settings.phtml'),
        calls.join('\n'),
      );
    } finally {
      await gateway.gateway.stop();
    }
  });
});
