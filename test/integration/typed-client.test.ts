/**
 * The typed client example's operations, run by hash against a gateway whose trusted-documents
 * manifest is the one graphql-codegen wrote for them: what a frontend team would deploy.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { startDemo, type Demo } from '../../src/demo.js';
import { adminKeyOf, startGateway } from '../helpers/stack.js';
import type { GatewayServer } from '../../src/server.js';

const MANIFEST = new URL('../../examples/typed-client/src/gql/persisted-documents.json', import.meta.url).pathname;
const documents = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Record<string, string>;
const hashOf = (name: string): string => {
  const found = Object.entries(documents).find(([, body]) => body.includes(` ${name}(`));
  assert.ok(found, `${name} is in the manifest`);
  return found[0].replace(/^sha256:/, '');
};

let demo: Demo;
let gateway: GatewayServer;
let url: string;

before(async () => {
  demo = await startDemo();
  ({ gateway, url } = await startGateway({
    ...demo.settings,
    trustedDocuments: { enabled: true, manifest: MANIFEST },
  }));
});

after(async () => {
  await gateway.stop();
  await demo.stop();
});

async function run(
  body: Record<string, unknown>,
): Promise<{ data?: any; errors?: Array<{ extensions?: { code?: string } }> }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${adminKeyOf(demo.settings)}` },
    body: JSON.stringify(body),
  });
  return (await response.json()) as never;
}

const byHash = (name: string, variables: Record<string, unknown>) => ({
  variables,
  extensions: { persistedQuery: { version: 1, sha256Hash: hashOf(name) } },
});

test("each of the example's three operations runs by hash on a gateway that trusts only them", async () => {
  assert.equal(Object.keys(documents).length, 3);
  const listed = await run(byHash('DomainsWithUsers', { first: 2 }));
  assert.equal(listed.errors, undefined, JSON.stringify(listed.errors));
  const user = listed.data.domains.flatMap((d: any) => d.users?.nodes ?? [])[0];
  assert.ok(user?.id && user.userName);

  const renamed = await run(byHash('RenameUser', { id: user.id, displayName: 'Typed Client' }));
  assert.equal(renamed.errors, undefined, JSON.stringify(renamed.errors));
  assert.equal(renamed.data.updateUser.displayName, 'Typed Client');

  const read = await run(byHash('UserById', { id: user.id }));
  assert.deepEqual(read.data.node, { id: user.id, userName: user.userName, displayName: 'Typed Client' });

  const adHoc = await run({ query: '{ domains { id } }' });
  assert.equal(adHoc.errors?.[0]?.extensions?.code, 'OPERATION_NOT_ALLOWED');
});
