import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkSnapshot, compareSchemas } from '../../scripts/schema.js';
import { printGatewaySchema } from '../../src/schema-print.js';

test('schema.graphql is the schema the code serves (run `npm run schema:print` after a schema change)', async () => {
  const problem = await checkSnapshot();
  assert.equal(problem, undefined, problem);
});

test('a removed field is reported as breaking, an added one as safe, and the failure says so', async () => {
  const current = printGatewaySchema();
  assert.match(current, /\n {2}macAddress: MacAddress\n/);
  const withoutMac = current.replace(/\n {2}macAddress: MacAddress\n/, '\n');
  const removed = await compareSchemas(current, withoutMac);
  assert.equal(removed.breaking.length, 1, removed.breaking.join('\n'));
  assert.match(removed.breaking[0]!, /macAddress/);

  const added = await compareSchemas(
    current,
    current.replace('type Query {', 'type Query {\n  gatewayVersion: String'),
  );
  assert.deepEqual({ breaking: added.breaking.length, safe: added.safe.length }, { breaking: 0, safe: 1 });

  const problem = await checkSnapshot(current, withoutMac);
  assert.ok(problem?.includes('BREAKING for existing clients (1):'), problem);
});
