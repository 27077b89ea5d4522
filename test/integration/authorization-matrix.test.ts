/**
 * The authorization matrix: every root field and mutation (generated from the schema) called by
 * an admin, a tenant (one Infinity domain: directory and devices, read and write), a read-only
 * tenant of the same domain, and an anonymous caller; the tenants also aim every id-taking field at
 * the other domain. The expected outcome is stated here from the areas each field touches, apart
 * from the schema's @policy directives, and every refused call is checked to have reached no vendor.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Area } from '../../src/auth/principal.js';
import { graphqlClient, startGateway, startStack, type GraphQLClient, type Stack } from '../helpers/stack.js';
import { rootOperations, type RootOperation } from '../helpers/schema-walk.js';

type Outcome = 'allowed' | 'denied' | 'unauthenticated';
type Target = 'own' | 'foreign';
type Who = 'admin' | 'tenant' | 'reader' | 'anonymous';

/** The area each root field touches (public: no vendor). Everything not named is directory. */
const TOUCHES: Record<string, Area | 'public'> = {
  connections: 'public',
  _noop: 'public',
  ...Object.fromEntries(
    [
      'device',
      'deviceAssignment',
      'createDevice',
      'updateDevice',
      'deleteDevice',
      'assignDevice',
      'unassignDevice',
    ].map((f) => [f, 'devices']),
  ),
  ...Object.fromEntries(
    ['providers', 'provider', 'createProvider', 'updateProvider', 'deleteProvider'].map((f) => [f, 'trunks']),
  ),
  updateDeviceSipAccount: 'deviceSipConfig',
  // A caller reads only the changes it started; no vendor is asked.
  change: 'public',
  deviceSipConfigs: 'deviceSipConfig',
  ...Object.fromEntries(
    ['account', 'accounts', 'setDoNotDisturb', 'setPrivacy', 'addAccountAlias', 'setCallForwarding'].map((f) => [
      f,
      'accountSettings',
    ]),
  ),
};

/** Fields that write to several vendors at once (Infinity, PBX devices, 2N, Stringee): admins only. */
const ADMIN_ONLY = new Set(['provisionUser', 'deprovisionUser']);

function expected(who: Who, op: RootOperation, target: Target): Outcome {
  if (who === 'anonymous') return 'unauthenticated';
  if (ADMIN_ONLY.has(op.field)) return who === 'admin' ? 'allowed' : 'denied';
  const area = TOUCHES[op.field] ?? 'directory';
  if (who === 'admin' || area === 'public') return 'allowed';
  const inScope = (area === 'directory' || area === 'devices') && target === 'own';
  if (who === 'reader') return inScope && op.type === 'Query' ? 'allowed' : 'denied';
  return inScope ? 'allowed' : 'denied';
}

let stack: Stack;
let stopReaderGateway: () => Promise<void>;
const callers = {} as Record<Who, GraphQLClient>;
/** Ids by type in the tenant's domain (own) and the other one (foreign); vendor-wide ids in both. */
const ids: Record<Target, Record<string, string>> = { own: {}, foreign: {} };

before(async () => {
  stack = await startStack();
  const auth = stack.demo.settings.auth!;
  const readerKey = 'sg_matrix-reader-key';
  const reader = {
    id: 'reader',
    key: readerKey,
    admin: false,
    grants: [
      { connection: 'infinity', domains: ['1'], areas: { directory: 'read' as const, devices: 'read' as const } },
    ],
  };
  const gateway = await startGateway({ ...stack.demo.settings, auth: { ...auth, apiKeys: [...auth.apiKeys, reader] } });
  stopReaderGateway = () => gateway.gateway.stop();
  Object.assign(callers, {
    admin: graphqlClient(gateway.url, stack.demo.keys.admin),
    tenant: graphqlClient(gateway.url, stack.demo.keys.tenant),
    reader: graphqlClient(gateway.url, readerKey),
    anonymous: graphqlClient(gateway.url, null),
  });

  const data = await stack.ok(`{
    domains(vendor: INFINITY) { id users(first: 1) { nodes { id } } groups(first: 1) { nodes { id } }
      queues(first: 1) { nodes { id members { id } } } devices(first: 1) { nodes { id } } trustedNetworks(first: 1) { nodes { id } } }
    accounts { id } providers(first: 1) { nodes { id } }
    domainsOfAll: domains(vendor: INFINITY) { users(first: 1) { nodes { devices { sipConfig { accounts { id } } } } } } }`);
  for (const [target, domain] of [
    ['own', data.domains[0]],
    ['foreign', data.domains[1]],
  ] as const) {
    Object.assign(ids[target], {
      Domain: domain.id,
      User: domain.users.nodes[0].id,
      Group: domain.groups.nodes[0].id,
      Queue: domain.queues.nodes[0].id,
      QueueMember: domain.queues.nodes[0].members[0].id,
      Device: domain.devices.nodes[0].id,
      TrustedNetwork: domain.trustedNetworks.nodes[0].id,
      Provider: data.providers.nodes[0].id,
      Account: data.accounts[0].id,
      DeviceSipAccount: data.domainsOfAll[0].users.nodes[0].devices[0].sipConfig.accounts[0].id,
    });
  }
});
after(async () => {
  await stopReaderGateway();
  await stack.stop();
});

const ARG_TYPES: Record<string, string> = {
  userId: 'User',
  userIds: 'User',
  groupId: 'Group',
  groupIds: 'Group',
  deviceId: 'Device',
  domainId: 'Domain',
  queueId: 'Queue',
  memberIds: 'QueueMember',
  accountId: 'Account',
  ids: 'User',
};

/** The type of the id an argument takes: by its name, or for `id` by the field's name. */
function idType(field: string, argPath: string): string {
  const name = argPath.split('.').pop()!;
  if (ARG_TYPES[name]) return ARG_TYPES[name]!;
  if (field === 'node') return 'User';
  const noun = field.replace(/^(update|delete|remove|create)/, '');
  return noun.charAt(0).toUpperCase() + noun.slice(1);
}

/** Every root operation with its ids taken from `target`; `targeted` when it names any id. */
function operations(target: Target): Array<RootOperation & { targeted: boolean }> {
  const targeted = new Set<string>();
  const pick = (path: string, field: string): string => {
    targeted.add(field);
    return ids[target][idType(field, path)] ?? `no id for ${field} ${path}`;
  };
  const all = [...rootOperations('Query', pick), ...rootOperations('Mutation', pick)];
  return all.map((op) => ({ ...op, targeted: targeted.has(op.field) }));
}

async function outcomeOf(client: GraphQLClient, op: RootOperation): Promise<{ outcome: Outcome; vendorCalls: number }> {
  const { result, total } = await stack.counting(async () => {
    const response = await client.post(op.document, op.variables);
    const body = (await response.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
    return { status: response.status, codes: (body.errors ?? []).map((e) => e.extensions?.code) };
  });
  if (result.status === 401) return { outcome: 'unauthenticated', vendorCalls: total };
  return { outcome: result.codes.includes('FORBIDDEN') ? 'denied' : 'allowed', vendorCalls: total };
}

test('principals × every root field and mutation: allowed or FORBIDDEN as granted; refused calls reach no vendor', async (t) => {
  const mismatches: string[] = [];
  const leaks: string[] = [];
  const tally: Record<Outcome, number> = { allowed: 0, denied: 0, unauthenticated: 0 };
  let cells = 0;
  const plan: Array<[Who, Target]> = [
    ['anonymous', 'own'],
    ['reader', 'own'],
    ['reader', 'foreign'],
    ['tenant', 'foreign'],
    ['tenant', 'own'],
    ['admin', 'own'],
  ];
  for (const [who, target] of plan) {
    for (const op of operations(target)) {
      if (target === 'foreign' && !op.targeted) continue;
      const want = expected(who, op, target);
      const { outcome, vendorCalls } = await outcomeOf(callers[who], op);
      cells += 1;
      tally[outcome] += 1;
      if (outcome !== want) mismatches.push(`${who} ${target} ${op.type}.${op.field}: ${outcome}, expected ${want}`);
      if (outcome !== 'allowed' && vendorCalls > 0)
        leaks.push(`${who} ${target} ${op.type}.${op.field}: ${vendorCalls} vendor calls`);
    }
  }
  t.diagnostic(
    `matrix: ${cells} cells; allowed ${tally.allowed}, FORBIDDEN ${tally.denied}, 401 ${tally.unauthenticated}`,
  );
  assert.deepEqual(mismatches, []);
  assert.deepEqual(leaks, []);
  assert.ok(cells >= 4 * 50, `${cells} cells`);
});
