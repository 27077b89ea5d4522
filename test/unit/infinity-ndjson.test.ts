/** Infinity's NDJSON read the cheap way (one pass, rows checked without zod copying them) answers as zod and the line-wise parse do. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseNdjsonArray } from '../../src/vendors/infinity/client.js';
import {
  deviceRow,
  groupRow,
  rowCheck,
  userDeviceCreated,
  userRow,
  createdIdOf,
} from '../../src/vendors/infinity/wire.js';

/** The line-wise reading every answer had before: blank lines dropped, the rest one JSON array. */
function lineWise(text: string): unknown[] | 'not JSON' {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  try {
    return JSON.parse(`[${lines.join(',')}]`) as unknown[];
  } catch {
    return 'not JSON';
  }
}

const row = fc.dictionary(fc.constantFrom('groupId', 'groupName', 'userId', 'x'), fc.oneof(fc.string(), fc.integer()));
const line = fc.oneof(
  row.map((r) => JSON.stringify(r)),
  fc.constantFrom('', ' ', '\t', '\r', '\u00a0', '\ufeff', '{bad', '[1]', 'null', ' {"groupId":"1"} '),
);

test('the one-pass NDJSON parse equals the line-wise one, or leaves the text to it', () => {
  fc.assert(
    fc.property(fc.array(line, { maxLength: 6 }), fc.constantFrom('\n', '\r\n'), (lines, newline) => {
      const text = lines.join(newline);
      const fast = parseNdjsonArray(text);
      if (fast !== undefined) assert.deepEqual(fast, lineWise(text));
    }),
    { numRuns: 2000 },
  );
  assert.deepEqual(parseNdjsonArray('{"a":"1"}\n{"a":"2"}\n\n'), [{ a: '1' }, { a: '2' }]);
  assert.equal(parseNdjsonArray('{"a":"1"}\n\n{"a":"2"}'), undefined, 'a blank line inside goes line-wise');
  assert.equal(parseNdjsonArray('{"a":"1"}\u00a0'), undefined, 'not JSON whitespace: line-wise says which row');
});

const wireValue = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.constantFrom(Number.NaN, Infinity, -0, 1.5),
  fc.constant(null),
  fc.constant(undefined),
  fc.boolean(),
  fc.constant({}),
  fc.constant([]),
);

test('a row passes the check only if zod accepts it, and every row zod refuses fails it', () => {
  for (const schema of [userRow, groupRow, deviceRow, userDeviceCreated]) {
    const check = rowCheck(schema);
    assert.ok(check, 'a row of value and optional fields has a check');
    const keys = Object.keys(schema.shape);
    const candidate = fc.oneof(
      fc.record(Object.fromEntries(keys.map((k) => [k, wireValue])), { requiredKeys: [] }),
      fc.constantFrom(null, [], 'row', 1),
    );
    fc.assert(
      fc.property(candidate, (value) => {
        assert.equal(check(value), schema.safeParse(value).success, JSON.stringify(value));
      }),
      { numRuns: 1000 },
    );
  }
  assert.ok(rowCheck(createdIdOf('userId')), 'a loose object keeps unknown keys as the check does');
});
