/**
 * `Domain.users` loads ahead the groups and PBX devices its query selects (src/resolvers/ahead.ts):
 * for an admin, and for a restricted principal wherever `User.groups` / `User.devices`' own policy
 * admits the page's domain, and never where that field would refuse it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Kind, parse, type FieldNode, type GraphQLResolveInfo, type OperationDefinitionNode } from 'graphql';
import type { Principal } from '../../src/auth/principal.js';
import type { GatewayContext } from '../../src/context.js';
import type { Page, UserModel } from '../../src/model.js';
import { withUserRelations } from '../../src/resolvers/ahead.js';
import { buildSchema } from '../../src/schema.js';

const schema = buildSchema();

function usersField(selection: string): GraphQLResolveInfo {
  const operation = parse(`{ domain(id: "x") { users { nodes { ${selection} } } } }`)
    .definitions[0] as OperationDefinitionNode;
  const domain = operation.selectionSet.selections[0] as FieldNode;
  const users = domain.selectionSet!.selections.find((s) => s.kind === Kind.FIELD) as FieldNode;
  return { fieldNodes: [users], fragments: {}, schema } as unknown as GraphQLResolveInfo;
}

const page: Page<UserModel> = {
  items: [
    { connection: 'infinity', domainId: '1', userId: '10' },
    { connection: 'infinity', domainId: '1', userId: '11' },
  ] as UserModel[],
  pageInfo: { hasNextPage: false, endCursor: null },
} as unknown as Page<UserModel>;

/** A context whose ports record what was loaded ahead. */
function contextOf(principal: Principal): { ctx: GatewayContext; loaded: string[] } {
  const loaded: string[] = [];
  const ports: Record<string, unknown> = {
    groups: { loadUserGroups: async (d: string, ids: string[]) => void loaded.push(`groups ${d}:${ids}`) },
    pbxDevices: { loadUserDevices: async (d: string, ids: string[]) => void loaded.push(`devices ${d}:${ids}`) },
  };
  const ctx = {
    principal,
    connectionVendors: new Map([['infinity', 'infinity']]),
    optionalSource: (port: string) => ports[port],
  } as unknown as GatewayContext;
  return { ctx, loaded };
}

const tenant = (areas: Record<string, 'read' | 'write'>, domains = ['1']): Principal => ({
  id: 'tenant',
  via: 'apiKey',
  admin: false,
  grants: [{ connection: 'infinity', domains, areas }],
});

async function loadedFor(principal: Principal, selection = 'userName groups { name } devices { name }') {
  const { ctx, loaded } = contextOf(principal);
  const answered = await withUserRelations(ctx, 'infinity', usersField(selection), Promise.resolve(page));
  assert.equal(answered, page, 'the page itself is answered unchanged');
  return loaded;
}

test('an admin: the selected groups and devices of the page, one load each', async () => {
  const admin: Principal = { id: 'admin', via: 'apiKey', admin: true, grants: [] };
  assert.deepEqual(await loadedFor(admin), ['groups 1:10,11', 'devices 1:10,11']);
  assert.deepEqual(await loadedFor(admin, 'userName groups { name }'), ['groups 1:10,11'], 'only what is selected');
});

test('a tenant granted directory and devices in the domain: both, as for an admin', async () => {
  assert.deepEqual(await loadedFor(tenant({ directory: 'read', devices: 'read' })), [
    'groups 1:10,11',
    'devices 1:10,11',
  ]);
});

test('a tenant without the devices area: groups only; User.devices would refuse, so nothing of it is loaded', async () => {
  assert.deepEqual(await loadedFor(tenant({ directory: 'write' })), ['groups 1:10,11']);
});

test('a tenant whose grant names other domains: nothing is loaded ahead for this page', async () => {
  assert.deepEqual(await loadedFor(tenant({ directory: 'read', devices: 'read' }, ['2'])), []);
});
