/**
 * A write whose answer is lost is checked against the vendor before the client is answered: the
 * emulators apply a write and garble its answer (the write landed), or reset the connection before
 * handling it (it did not). The client hears which, in `extensions.reconciled`, and the emulator's
 * state agrees.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startStack, type Stack } from '../helpers/stack.js';

describe('reconcile after an unknown outcome', () => {
  let stack: Stack;
  let domainId: string;
  before(async () => {
    stack = await startStack();
    domainId = (await stack.ok(`{ domains(vendor: INFINITY) { id } }`)).domains[0].id;
  });
  after(() => stack.stop());

  test('the vendor applied the write but its answer was garbled: the user is found and returned, once', async () => {
    const infinity = stack.demo.emulators.infinity!;
    infinity.injectFault({ kind: 'malformed', method: 'POST', pathPrefix: '/config/v2/sip/domains/1/users', times: 1 });
    const mark = infinity.requests.length;
    const result = await stack.gql(
      `mutation($d: ID!) { createUser(input: {domainId: $d, userName: "lost.answer", password: "S3cret!pass", displayName: "Lost", extension: "7871"}) { userName } }`,
      { d: domainId },
    );
    assert.equal(result.errors, undefined, JSON.stringify(result.errors));
    assert.deepEqual(result.data, { createUser: { userName: 'lost.answer' } });
    const reconciled = (result as { extensions?: { reconciled?: Array<{ outcome: string }> } }).extensions?.reconciled;
    assert.deepEqual(
      reconciled?.map((r) => r.outcome),
      ['APPLIED'],
    );
    assert.equal(infinity.since(mark).filter((r) => r.method === 'POST').length, 1, 'sent once');
    const domain = stack.demo.states.infinity.domains()[0]!.domainId;
    assert.equal(stack.demo.states.infinity.users(domain).filter((u) => u.user === 'lost.answer').length, 1);
  });

  test('the connection was reset before the vendor handled it: the check finds nothing and says so', async () => {
    const infinity = stack.demo.emulators.infinity!;
    infinity.injectFault({ kind: 'reset', method: 'POST', pathPrefix: '/config/v2/sip/domains/1/devices', times: 1 });
    const result = await stack.gql(
      `mutation($d: ID!) { createDevice(input: {domainId: $d, name: "Reset phone", macAddress: "AA:BB:CC:77:77:77"}) { id } }`,
      {
        d: domainId,
      },
    );
    assert.equal(result.errors?.[0]?.extensions?.reconciled, 'NOT_APPLIED', JSON.stringify(result.errors));
    assert.equal(result.errors?.[0]?.extensions?.retryable, true);
    const reconciled = (result as { extensions?: { reconciled?: Array<{ outcome: string }> } }).extensions?.reconciled;
    assert.deepEqual(
      reconciled?.map((r) => r.outcome),
      ['NOT_APPLIED'],
    );
    const domain = stack.demo.states.infinity.domains()[0]!.domainId;
    assert.equal(
      stack.demo.states.infinity.devices(domain).filter((d) => d.deviceMacAddress === 'AA:BB:CC:77:77:77').length,
      0,
    );
  });
});
