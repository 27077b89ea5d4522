import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GatewayError } from '../../src/errors.js';
import { decodeId, encodeId } from '../../src/ids.js';
import { pathSegment } from '../../src/url-path.js';

test('pathSegment refuses empty, "." and ".." and encodes everything else', () => {
  for (const bad of ['', '.', '..'])
    assert.throws(
      () => pathSegment(bad),
      (e: unknown) => e instanceof GatewayError && e.code === 'BAD_USER_INPUT',
    );
  assert.equal(pathSegment('...'), '...');
  assert.equal(pathSegment('a/b?c#d'), 'a%2Fb%3Fc%23d');
  assert.equal(pathSegment("it's(*)!"), 'it%27s%28%2A%29%21');
  assert.equal(pathSegment('%2e%2e'), '%252e%252e');
  assert.equal(pathSegment(42), '42');
});

test('decodeId accepts the keys each vendor issues and refuses every other shape', () => {
  const good: Array<[string, 'infinity' | 'stringee' | 'pbx' | '2n' | 'sipthor', string[]]> = [
    ['User', 'infinity', ['1', '22']],
    ['User', 'stringee', ['10042', 'alice.b_c-1']],
    ['Provider', 'pbx', ['1234']],
    ['Account', '2n', ['2']],
    ['Account', 'sipthor', ['alice@example.com']],
  ];
  for (const [type, vendor, key] of good) assert.deepEqual(decodeId(encodeId(type, vendor, 'conn', key)).key, key);
  const bad: Array<[string, 'infinity' | 'stringee' | 'pbx' | '2n' | 'sipthor', string[]]> = [
    ['User', 'infinity', ['1', '..']],
    ['User', 'infinity', ['1']],
    ['User', 'infinity', ['1', '2', '3']],
    ['Domain', 'infinity', ['Infinity']],
    ['User', 'stringee', ['10042', 'a/b']],
    ['Device', 'stringee', ['10042', '1']],
    ['Account', '2n', ['3']],
    ['Account', 'sipthor', ['../x@y']],
    ['Provider', 'pbx', ['1 ']],
  ];
  for (const [type, vendor, key] of bad) assert.throws(() => decodeId(encodeId(type, vendor, 'conn', key)), /id/);
  assert.throws(() => decodeId(encodeId('User', 'infinity', 'Bad Name', ['1', '2'])), /connection/);
  assert.throws(() => decodeId('not base64 !'), /not a sipgraph id/);
});

test("decodeId refuses an id naming a configured connection with another vendor, when given the server's connections", () => {
  const connections = new Map([['office', 'infinity']]);
  const posing = encodeId('User', 'stringee', 'office', ['1', 'alice']);
  assert.throws(
    () => decodeId(posing, 'id', connections),
    /names connection "office", which is not a stringee connection/,
  );
  assert.deepEqual(decodeId(encodeId('User', 'infinity', 'office', ['1', '2']), 'id', connections).key, ['1', '2']);
  // A connection not configured here is left to the port lookup (NOT_CONFIGURED), not refused as a vendor mismatch.
  assert.equal(
    decodeId(encodeId('User', 'stringee', 'elsewhere', ['1', 'alice']), 'id', connections).vendor,
    'stringee',
  );
});
