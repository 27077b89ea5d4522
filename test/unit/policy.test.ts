/**
 * Policy coverage, generated from the schema: every root field and every field with a resolver
 * must have a @policy (its own or its type's), and a schema missing one is not built at all.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { isObjectType } from 'graphql';
import { allows } from '../../src/auth/grants.js';
import { applyPolicies, fieldsWithoutPolicy } from '../../src/auth/policy.js';
import type { Principal } from '../../src/auth/principal.js';
import { buildUnguardedSchema, loadTypeDefs } from '../../src/schema.js';

test('every root field, mutation and resolver-backed field of the schema has a policy', () => {
  const schema = buildUnguardedSchema();
  assert.deepEqual(fieldsWithoutPolicy(schema), []);
  const roots = [schema.getQueryType()!, schema.getMutationType()!];
  const rootFields = roots.flatMap((t) => Object.values(t.getFields()));
  assert.ok(rootFields.length >= 49, `${rootFields.length} root fields`);
  assert.ok(
    rootFields.every((f) => f.astNode?.directives?.some((d) => d.name.value === 'policy')),
    'each root field declares its own',
  );
  const withResolvers = Object.values(schema.getTypeMap())
    .filter(isObjectType)
    .flatMap((t) => Object.values(t.getFields()))
    .filter((f) => f.resolve);
  assert.ok(withResolvers.length > rootFields.length);
});

test('a field or mutation without a policy is reported by name and stops the schema from being built', () => {
  const typeDefs = [
    ...loadTypeDefs(),
    'extend type Query { unguarded: String }',
    'extend type Mutation { wipeEverything: Boolean }',
    'extend type Domain { secretNotes: String }',
  ];
  const schema = makeExecutableSchema({
    typeDefs,
    resolvers: { Domain: { secretNotes: () => 'x' }, Query: { unguarded: () => 'x' } },
  });
  const missing = fieldsWithoutPolicy(schema);
  assert.ok(missing.includes('Query.unguarded') && missing.includes('Mutation.wipeEverything'), missing.join());
  assert.ok(!missing.includes('Domain.secretNotes'), "Domain's own type policy covers a new field");
  assert.throws(
    () => applyPolicies(schema),
    /Query\.unguarded.*Mutation\.wipeEverything|Mutation\.wipeEverything.*Query\.unguarded/,
  );
});

test('grants: connection, domain, area; write implies read; admin is everything', () => {
  const tenant: Principal = {
    id: 't',
    via: 'apiKey',
    admin: false,
    grants: [{ connection: 'infinity', domains: ['1'], areas: { directory: 'write', devices: 'read' } }],
  };
  assert.ok(allows(tenant, 'infinity', { areas: ['directory'], access: 'read' }, '1'));
  assert.ok(allows(tenant, 'infinity', { areas: ['devices'], access: 'read' }, '1'));
  assert.ok(!allows(tenant, 'infinity', { areas: ['devices'], access: 'write' }, '1'));
  assert.ok(!allows(tenant, 'infinity', { areas: ['directory'], access: 'read' }, '2'));
  assert.ok(!allows(tenant, 'pbx', { areas: ['trunks'], access: 'read' }));
  assert.ok(allows(tenant, 'infinity', { access: 'write' }), 'the connection, some domain');
  const everywhere: Principal = {
    id: 'w',
    via: 'jwt',
    admin: false,
    grants: [{ connection: '*', areas: { trunks: 'read' } }],
  };
  assert.ok(allows(everywhere, 'pbx-2', { areas: ['trunks'], access: 'read' }));
  assert.ok(
    allows(
      { id: 'a', via: 'apiKey', admin: true, grants: [] },
      'anything',
      { areas: ['trunks'], access: 'write' },
      'x',
    ),
  );
});
