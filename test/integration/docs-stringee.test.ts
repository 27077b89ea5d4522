/**
 * Issue 9, Stringee: the `r` codes are not public (WIRE-NOTES.md), so a real server may number its
 * refusals otherwise than docs/vendors.md's table. The emulator is renumbered here; through
 * GraphQL no code alone may turn a refusal into NOT_FOUND.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import { DEFAULT_RESULT_CODES } from '../../src/emulators/stringee/index.js';
import { startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;
let domainId: string;

before(async () => {
  stack = await startStack();
  const data = await stack.ok<{ domains: Array<{ id: string; vendor: string }> }>('{ domains { id vendor } }');
  domainId = data.domains.find((d) => d.vendor === 'STRINGEE')!.id;
});
after(() => stack.stop());
afterEach(() => {
  stack.demo.states.stringee.resultCodes = { ...DEFAULT_RESULT_CODES };
});

const CREATE = `mutation($d: ID!, $u: String!) { createUser(input: {domainId: $d, userName: $u, password: "Secr3t-pass", displayName: "X", extension: "301"}) { id } }`;

describe('9. unknown or unmapped r codes are VENDOR_REJECTED with vendorCode, never NOT_FOUND', () => {
  test('a duplicate username answered with the code our table gives "not found" is VENDOR_REJECTED', async () => {
    await stack.ok(CREATE, { d: domainId, u: 'dup.check' });
    stack.demo.states.stringee.resultCodes = {
      ...DEFAULT_RESULT_CODES,
      usernameExists: DEFAULT_RESULT_CODES.phoneNotFound,
    };
    const result = await stack.gql(CREATE, { d: domainId, u: 'dup.check' });
    const error = result.errors?.[0]?.extensions;
    assert.equal(error?.code, 'VENDOR_REJECTED', JSON.stringify(result.errors));
    assert.equal(error?.vendorCode, DEFAULT_RESULT_CODES.phoneNotFound);
    assert.match(String(error?.vendorMessage), /already exists/);
  });

  test('a code outside the table is VENDOR_REJECTED whatever its message; the table code with "not found" is NOT_FOUND', async () => {
    const created = await stack.ok(CREATE, { d: domainId, u: 'gone.soon' });
    stack.demo.states.stringee.remove('gone.soon'); // deleted on the vendor's side, behind the gateway's back
    const update = `mutation($id: ID!) { updateUser(id: $id, input: {password: "An0ther-pass"}) { id } }`;
    const known = await stack.gql(update, { id: created.createUser.id });
    assert.equal(known.errors?.[0]?.extensions?.code, 'NOT_FOUND', JSON.stringify(known.errors));

    stack.demo.states.stringee.resultCodes = { ...DEFAULT_RESULT_CODES, phoneNotFound: 9 };
    const unknown = await stack.gql(update, { id: created.createUser.id });
    assert.equal(unknown.errors?.[0]?.extensions?.code, 'VENDOR_REJECTED', JSON.stringify(unknown.errors));
    assert.equal(unknown.errors?.[0]?.extensions?.vendorCode, 9);
  });
});
