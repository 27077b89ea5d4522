/**
 * The derived subgraph SDL: entities, renames, composition without errors or hints, and the
 * per-vendor supergraph offering every standalone field but the few a router cannot route.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { composeServices } from '@apollo/composition';
import { Kind, isObjectType, printSchema, type GraphQLSchema, type ObjectTypeDefinitionNode } from 'graphql';
import { publishedDocument } from '../../src/federation/sdl.js';
import { buildSubgraph } from '../../src/federation/subgraph.js';
import { RENAMED_IN_SUBGRAPH, WHOLE_SCHEMA_ONLY } from '../../src/federation/slices.js';
import { staleSchemas } from '../../src/print-schema.js';
import { buildSchema } from '../../src/schema.js';

const VENDOR_SUBGRAPHS = ['directory', 'pbx', '2n', 'sipthor'] as const;

function composeOf(names: ReadonlyArray<Parameters<typeof publishedDocument>[0]>) {
  const result = composeServices(
    names.map((name) => ({ name, url: `http://127.0.0.1/${name}`, typeDefs: publishedDocument(name) })),
  );
  assert.deepEqual(result.errors ?? [], [], String(result.errors));
  assert.deepEqual(
    (result.hints ?? []).map((h) => h.message),
    [],
    'no composition hints',
  );
  return result.schema!.toAPISchema().toGraphQLJSSchema();
}

function fieldsOf(schema: GraphQLSchema): Set<string> {
  const fields = new Set<string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const name of Object.keys(type.getFields())) fields.add(`${type.name}.${name}`);
  }
  return fields;
}

test('the standalone schema has no federation in it', () => {
  const sdl = printSchema(buildSchema());
  assert.doesNotMatch(sdl, /@key|@link|_service|_entities|_Any/);
});

test('the sipgraph subgraph: every Node type is an entity keyed by id; node/nodes/connections renamed', () => {
  const doc = publishedDocument('sipgraph');
  const objects = doc.definitions.filter((d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION);
  const nodes = objects.filter((d) => d.interfaces?.some((i) => i.name.value === 'Node'));
  assert.ok(nodes.length >= 9);
  for (const type of nodes)
    assert.ok(
      type.directives?.some((d) => d.name.value === 'key'),
      `${type.name.value} has @key`,
    );
  const schema = buildSubgraph('sipgraph');
  const query = schema.getQueryType()!.getFields();
  for (const [from, to] of Object.entries(RENAMED_IN_SUBGRAPH)) assert.ok(query[to] && !query[from], `${from} → ${to}`);
  assert.ok(query._service && query._entities);
});

test("paged fields carry @listSize on `first`, other lists of objects the cost rule's estimate", () => {
  const doc = publishedDocument('sipgraph');
  const domain = doc.definitions.find(
    (d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === 'Domain',
  )!;
  const users = domain.fields!.find((f) => f.name.value === 'users')!;
  const listSize = users.directives!.find((d) => d.name.value === 'listSize')!;
  assert.deepEqual(
    listSize.arguments!.map((a) => a.name.value),
    ['assumedSize', 'slicingArguments', 'sizedFields', 'requireOneSlicingArgument'],
  );
});

test('the sipgraph subgraph composes alone, without hints', () => {
  composeOf(['sipgraph']);
});

test('the vendor subgraphs compose without hints and serve every standalone field but the id-routed few', () => {
  for (const name of VENDOR_SUBGRAPHS) buildSubgraph(name);
  const supergraph = fieldsOf(composeOf(VENDOR_SUBGRAPHS));
  const standalone = fieldsOf(buildSchema());
  const missing = [...standalone].filter((f) => !supergraph.has(f));
  // Types reachable only through those fields: VendorConnection (`connections`), and the saga's
  // Change, ChangeStep, ChangeFailure and ProvisioningPayload (`change`, `provisionUser`, `deprovisionUser`).
  const onlyThere = ['VendorConnection.', 'Change.', 'ChangeStep.', 'ChangeFailure.', 'ProvisioningPayload.'];
  assert.deepEqual(
    missing.filter((f) => !onlyThere.some((type) => f.startsWith(type))).sort(),
    [...WHOLE_SCHEMA_ONLY].sort(),
  );
  assert.deepEqual(
    [...supergraph].filter((f) => !standalone.has(f)),
    [],
  );
});

test('schema.graphql and schema/federation/*.graphql are what `npm run schema:print` writes', () => {
  assert.deepEqual(staleSchemas(), [], 'run npm run schema:print and commit the files');
});
