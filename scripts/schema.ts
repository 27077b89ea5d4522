/**
 * The schema contract clients build against: `schema.graphql` at the repository root is a
 * snapshot of the gateway's schema, and `npm test` fails while the code's schema differs from it.
 *
 *   npm run schema:print   rewrite the snapshot from the code (commit it with the change)
 *   npm run schema:check   say what differs, breaking changes first (exit 1 when anything does)
 *
 * Breaking changes are classified by @graphql-inspector/core, so a reviewer sees in the failure
 * (and in the snapshot's diff) which clients a change can break.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CriticalityLevel, diff } from '@graphql-inspector/core';
import { buildSchema as buildFromSdl } from 'graphql';
import { printGatewaySchema } from '../src/schema-print.js';

export const SNAPSHOT_PATH = fileURLToPath(new URL('../schema.graphql', import.meta.url));

export interface SchemaChanges {
  breaking: string[];
  dangerous: string[];
  safe: string[];
}

export async function compareSchemas(before: string, after: string): Promise<SchemaChanges> {
  const changes = await diff(buildFromSdl(before), buildFromSdl(after));
  const of = (level: CriticalityLevel) => changes.filter((c) => c.criticality.level === level).map((c) => c.message);
  return {
    breaking: of(CriticalityLevel.Breaking),
    dangerous: of(CriticalityLevel.Dangerous),
    safe: of(CriticalityLevel.NonBreaking),
  };
}

/** undefined when the snapshot matches the code; else what a reviewer needs to read. */
export async function checkSnapshot(
  snapshot = readFileSync(SNAPSHOT_PATH, 'utf8'),
  code = printGatewaySchema(),
): Promise<string | undefined> {
  if (snapshot === code) return undefined;
  const { breaking, dangerous, safe } = await compareSchemas(snapshot, code);
  const list = (title: string, items: string[]) =>
    items.length ? [`${title} (${items.length}):`, ...items.map((m) => `  - ${m}`)] : [];
  return [
    'schema.graphql differs from the schema the code serves. Run `npm run schema:print` and commit the snapshot with the change.',
    ...list('BREAKING for existing clients', breaking),
    ...list('dangerous', dangerous),
    ...list('safe', safe),
    ...(breaking.length + dangerous.length + safe.length === 0 ? ['(only formatting or descriptions differ)'] : []),
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv[2] === 'check') {
    const problem = await checkSnapshot();
    if (problem) {
      process.stderr.write(`${problem}\n`);
      process.exit(1);
    }
    process.stdout.write('schema.graphql matches the code\n');
  } else {
    writeFileSync(SNAPSHOT_PATH, printGatewaySchema());
    process.stdout.write(`wrote ${SNAPSHOT_PATH}\n`);
  }
}
