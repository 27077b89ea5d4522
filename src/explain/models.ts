/**
 * One model per GraphQL field that makes vendor calls: which port reads its resolver makes for the
 * objects flowing in, and the objects flowing out. They mirror src/resolvers/ and src/joins.ts
 * (a resolver that changes which reads it makes changes its model here; test/integration/
 * explain.test.ts compares every prediction with the calls the emulators saw).
 */
import type { FieldNode } from 'graphql';
import type { CallProfile, ListShape } from '../vendors/shared/call-profile.js';
import { VENDOR_ENUM } from '../vendors/catalog.js';
import { DOMAIN_LIST_FIELDS, DOMAIN_ROW_FREE_FIELDS } from '../resolvers/domain.js';
import { decodeCursor } from '../resolvers/shared.js';
import { FULL_ROW_FIELDS, USER_ROW_FREE_FIELDS } from '../resolvers/user.js';
import type { Walk } from './predict.js';

/** Objects of one type from one connection (and domain), `count` of them, ready after `round`. */
export interface Flow {
  connection?: string;
  domainId?: string;
  count: number;
  round: number;
  /** Full rows (false for a group's member rows, whose other fields need the user read). */
  complete?: boolean;
  /** The domain's row is already read in this request (its name joins SIP Thor accounts). */
  domainRow?: boolean;
  /** Which of the connection's accounts (by index) the objects are, for per-account reads. */
  accounts?: number[];
}

type FieldModel = (walk: Walk, field: FieldNode, flows: Flow[]) => Flow[];

/** Fields answered from the object itself, whatever the type (and every field of a page: `XConnection`). */
export const FREE_FIELDS = new Set(['__typename', 'id', 'vendor', 'connection']);

/** Fields with a resolver of their own that never call a vendor (configuration, the journal, the object itself). */
export const FREE_COORDINATES = new Set([
  'PageInfo.hasNextPage',
  'PageInfo.hasPreviousPage',
  'PageInfo.startCursor',
  'PageInfo.endCursor',
  'Query.connections',
  'Query.change',
  'Node.__resolveType',
  'Account.configured',
  'Account.deviceAccount',
  'DeviceAssignmentPayload.assignment',
  'DeviceAssignmentPayload.provisioningToken',
  'ProvisioningPayload.ok',
]);

const DEFAULT_PAGE = 100;
const SETTINGS_SECTIONS = [
  'identity',
  'aliases',
  'enumNumbers',
  'callForwarding',
  'doNotDisturb',
  'privacy',
  'voicemail',
  'callHistory',
  'registeredDevices',
  'prepaid',
  'balanceHistory',
  'monthlyUsage',
  'acceptRules',
  'rejectRules',
];

function profileOf(walk: Walk, connection: string | undefined): CallProfile | undefined {
  return connection ? walk.adapters.get(connection)?.callProfile : undefined;
}

function listShape(walk: Walk, field: FieldNode): ListShape {
  const args = walk.args(field);
  const filter = (args.filter ?? {}) as Record<string, unknown>;
  const contains = Object.keys(filter).some((k) => k.endsWith('Contains') && filter[k] != null);
  const limit = typeof args.first === 'number' ? args.first : DEFAULT_PAGE;
  const offset = typeof args.after === 'string' ? offsetAfter(args.after) : 0;
  return { limit, offset, contains, key: JSON.stringify({ f: args.first, a: args.after, w: filter, o: args.orderBy }) };
}

/** The offset a cursor names; a cursor that is not one is refused by the resolver, not here. */
function offsetAfter(cursor: string): number {
  try {
    return decodeCursor(cursor);
  } catch {
    return 0;
  }
}

/** Rows a page of a domain list yields: the page, bounded by the list's size when seen before. */
function rowsOf(
  walk: Walk,
  flow: Flow,
  kind: 'users' | 'groups' | 'devices' | 'queues' | 'trustedNetworks',
  list: ListShape,
): number {
  const counts = walk.adapters.get(flow.connection ?? '')?.counts;
  const seen = counts?.get(kind, flow.domainId ?? '');
  if (seen === undefined) {
    const typical = counts?.typical(kind);
    const assumed = typical === undefined ? 'a full page' : `${typical}, like the other domains seen`;
    walk.assumptions.add(`${flow.connection}: ${kind} of domain ${flow.domainId} not seen yet: assumed ${assumed}`);
    return Math.max(0, Math.min(list.limit, (typical ?? list.limit) - list.offset));
  }
  return Math.max(0, Math.min(list.limit, seen - list.offset));
}

/** A domain list field (`Domain.users` …): one list read per domain, its rows flowing on. */
function domainList(kind: 'users' | 'groups' | 'devices' | 'queues' | 'trustedNetworks'): FieldModel {
  return (walk, field, flows) =>
    flows.flatMap((flow) => {
      const profile = profileOf(walk, flow.connection);
      const read = profile?.[kind];
      if (!read || !flow.domainId) return profile ? [] : unpredicted(walk, `Domain.${kind}`, flow);
      const list = listShape(walk, field);
      const round = flow.round + 1;
      if (kind === 'users' && walk.selects(field, ['nodes', 'groups']))
        walk.call(flow.connection!, profile.anticipatedGroups?.(flow.domainId, list.limit) ?? [], round);
      const ready = walk.call(flow.connection!, read(flow.domainId, list), round);
      const count = flow.count * rowsOf(walk, flow, kind, list);
      return [{ ...flow, count, round: ready, complete: true }];
    });
}

function unpredicted(walk: Walk, coordinate: string, flow: Flow): Flow[] {
  walk.unmodelled.add(
    `${coordinate} on ${walk.adapters.get(flow.connection ?? '')?.vendor ?? 'an unknown connection'}`,
  );
  return [flow];
}

/** The full rows of users that arrived partial (a group's members), read once per domain. */
function userRow(walk: Walk, _field: FieldNode, flows: Flow[]): Flow[] {
  for (const flow of flows) {
    if (flow.complete !== false || !flow.domainId) continue;
    const profile = profileOf(walk, flow.connection);
    if (profile?.usersById) walk.call(flow.connection!, profile.usersById(flow.domainId, flow.count), flow.round + 1);
    else unpredicted(walk, 'User row', flow);
  }
  return flows;
}

/** The domain row, unless this request has it already. */
function domainRowOf(walk: Walk, flow: Flow): number {
  if (flow.domainRow || !flow.domainId) return flow.round;
  const keys = profileOf(walk, flow.connection)?.domain?.(flow.domainId) ?? [];
  return Math.max(flow.round, walk.call(flow.connection!, keys, flow.round + 1));
}

/** A root field reading one object by its global id: the connection's read of that type, once per id. */
function byId(type: string): FieldModel {
  return (walk, field, [root]) => {
    const id = walk.id(walk.args(field).id);
    const profile = id ? walk.adapters.get(id.connection)?.callProfile : undefined;
    if (!id || !profile) return [];
    if (!profile.byId)
      return unpredicted(walk, `Query.${field.name.value}`, {
        connection: id.connection,
        count: 1,
        round: root!.round,
      });
    const ready = Math.max(root!.round, walk.call(id.connection, profile.byId(type, id.key), root!.round + 1));
    return [
      { connection: id.connection, domainId: id.key[0], count: 1, round: ready, complete: true, domainRow: false },
    ];
  };
}

export const FIELD_MODELS: Record<string, FieldModel> = {
  'Query.group': byId('Group'),
  'Query.queue': byId('Queue'),
  'Query.queueMember': byId('QueueMember'),
  'Query.device': byId('Device'),
  'Query.trustedNetwork': byId('TrustedNetwork'),
  'Query.provider': byId('Provider'),
  'Query.domain': (walk, field, [root]) => {
    const id = walk.id(walk.args(field).id);
    if (!id || !walk.adapters.has(id.connection)) return [];
    const flow: Flow = { connection: id.connection, domainId: id.key[0], count: 1, round: root!.round };
    const fields = [...walk.fieldsOf(field)];
    // Asked only for its lists, the row is not read (src/resolvers/domain.ts).
    if (fields.every((f) => DOMAIN_ROW_FREE_FIELDS.has(f)) && fields.some((f) => DOMAIN_LIST_FIELDS.has(f)))
      return [flow];
    return [{ ...flow, round: domainRowOf(walk, flow), domainRow: true }];
  },
  'Query.domains': (walk, field, [root]) => {
    const { vendor, connection } = walk.args(field);
    const flows: Flow[] = [];
    for (const [name, adapter] of walk.adapters) {
      const profile = adapter.callProfile;
      if (!profile?.domains || (connection && connection !== name)) continue;
      if (vendor && VENDOR_ENUM[String(vendor)] !== adapter.vendor) continue;
      const ready = Math.max(root!.round, walk.call(name, profile.domains(), root!.round + 1));
      const ids = adapter.counts?.domains();
      if (!ids) walk.assumptions.add(`${name}: its domains not listed yet: one assumed`);
      for (const domainId of ids ?? ['(not listed yet)'])
        flows.push({ connection: name, domainId, count: 1, round: ready, complete: true, domainRow: true });
    }
    return flows;
  },
  'Query.user': (walk, field, [root]) => {
    const id = walk.id(walk.args(field).id);
    if (!id || !walk.adapters.has(id.connection)) return [];
    const flow: Flow = { connection: id.connection, domainId: id.key[0], count: 1, round: root!.round };
    const fields = [...walk.fieldsOf(field)];
    if (fields.includes('groups') && fields.every((f) => USER_ROW_FREE_FIELDS.has(f))) return [flow];
    const keys = profileOf(walk, id.connection)?.usersById?.(id.key[0]!, 1) ?? [];
    return [{ ...flow, round: Math.max(flow.round, walk.call(id.connection, keys, flow.round + 1)), complete: true }];
  },
  'Domain.users': domainList('users'),
  'Domain.groups': domainList('groups'),
  'Domain.queues': domainList('queues'),
  'Domain.devices': domainList('devices'),
  'Domain.trustedNetworks': domainList('trustedNetworks'),
  ...Object.fromEntries(
    ['User', 'Group', 'Queue', 'Device', 'TrustedNetwork'].map((type): [string, FieldModel] => [
      `${type}.domain`,
      (walk, _field, flows) => flows.map((flow) => ({ ...flow, count: 1, round: domainRowOf(walk, flow) })),
    ]),
  ),
  // Every device connection's config (or one's), read whatever directory devices there are.
  'Query.deviceSipConfigs': (walk, field, [root]) =>
    connectionsWith(walk, field, 'deviceConfig').map(([name, profile]) => ({
      connection: name,
      count: 1,
      round: walk.call(name, profile.deviceConfig!(), root!.round + 1),
    })),
  // The accounts of every settings connection (SIP Thor), from its configuration.
  'Query.accounts': (walk, field, [root]) =>
    connectionsWith(walk, field, 'settings').map(([name, profile]) => {
      const count = profile.accountCount?.() ?? 1;
      const round = Math.max(root!.round, walk.call(name, profile.accounts?.() ?? [], root!.round + 1));
      return { connection: name, count, round, accounts: Array.from({ length: count }, (_, i) => i) };
    }),
  ...Object.fromEntries(FULL_ROW_FIELDS.map((f) => [`User.${f}`, userRow])),
  'User.groups': (walk, _field, flows) =>
    flows.flatMap((flow) => {
      const profile = profileOf(walk, flow.connection);
      if (!profile?.groupsOfUsers || !flow.domainId) return [];
      const listed = walk.made(flow.connection!, `allGroups:${flow.domainId}`);
      const counts = walk.adapters.get(flow.connection!)?.counts;
      if (counts?.get('groups', flow.domainId) === undefined) {
        const typical = counts?.typical('groups');
        const assumed = typical === undefined ? 'at most one per user' : `${typical}, like the other domains seen`;
        walk.assumptions.add(`${flow.connection}: groups of domain ${flow.domainId} not seen yet: assumed ${assumed}`);
      }
      const ready = walk.steps(
        flow.connection!,
        profile.groupsOfUsers(flow.domainId, flow.count, listed),
        flow.round + 1,
      );
      return [{ ...flow, round: Math.max(flow.round, ready), complete: true }];
    }),
  'User.devices': (walk, _field, flows) =>
    flows.flatMap((flow) => {
      const profile = profileOf(walk, flow.connection);
      if (!profile?.devicesOfUsers || !flow.domainId || flow.count === 0) return [];
      const ready = walk.call(flow.connection!, profile.devicesOfUsers(flow.domainId, flow.count), flow.round + 1);
      return [{ ...flow, round: ready, complete: true }];
    }),
  // src/joins.ts accountsOfUser: owner-linked accounts of the user's connection, address-linked ones anywhere.
  'User.accounts': (walk, _field, flows) =>
    flows.flatMap((flow) => {
      if (flow.count === 0) return [];
      const out: Flow[] = [];
      for (const [name, adapter] of walk.adapters) {
        const profile = adapter.callProfile;
        if (!profile?.accounts) continue;
        const byAddress = adapter.vendor === 'sipthor';
        if (!byAddress && (adapter.vendor !== 'stringee' || name !== flow.connection)) continue;
        const start = byAddress ? domainRowOf(walk, flow) : flow.round;
        const ready = Math.max(start, walk.call(name, profile.accounts(), start + 1));
        const count = Math.min(profile.accountCount?.() ?? flow.count, flow.count);
        if (byAddress) walk.assumptions.add(`${name}: each configured account assumed to belong to a user asked`);
        out.push({ connection: name, count, round: ready, accounts: Array.from({ length: count }, (_, i) => i) });
      }
      return out;
    }),
  // src/joins.ts sipConfigOfDevice: every device connection's MAC, then the config of the one that matches.
  'Device.sipConfig': (walk, _field, flows) => {
    const devices = flows.reduce((sum, f) => sum + f.count, 0);
    if (devices === 0) return [];
    const round = Math.min(...flows.map((f) => f.round));
    const out: Flow[] = [];
    for (const [name, adapter] of walk.adapters) {
      const profile = adapter.callProfile;
      if (!profile?.deviceConfig) continue;
      const macReady = Math.max(round, walk.call(name, profile.deviceMac?.() ?? [], round + 1));
      walk.assumptions.add(`${name}: its MAC assumed to be one of the devices asked`);
      out.push({ connection: name, count: 1, round: walk.call(name, profile.deviceConfig(), macReady + 1) });
    }
    return out;
  },
  'DeviceSipConfig.accounts': (walk, _field, flows) =>
    flows.map((flow) => ({ ...flow, count: flow.count * (profileOf(walk, flow.connection)?.accountCount?.() ?? 1) })),
  'Account.registered': (walk, _field, flows) => registrations(walk, flows),
  'Account.registeredAt': (walk, _field, flows) => registrations(walk, flows),
  'Account.settings': (_walk, _field, flows) => flows,
  ...Object.fromEntries(
    SETTINGS_SECTIONS.map((section): [string, FieldModel] => [
      `SipAccountSettings.${section}`,
      (walk, _field, flows) => {
        for (const flow of flows) {
          const profile = profileOf(walk, flow.connection);
          for (const account of flow.accounts ?? [])
            walk.call(flow.connection!, profile?.settings?.(account, section) ?? [], flow.round + 1);
        }
        return flows;
      },
    ]),
  ),
};

/** The connections (all, or the one the `connection` argument names) whose profile has `read`. */
function connectionsWith(walk: Walk, field: FieldNode, read: keyof CallProfile): Array<[string, CallProfile]> {
  const only = walk.args(field).connection;
  return [...walk.adapters]
    .filter(([name, adapter]) => adapter.callProfile?.[read] && (!only || only === name))
    .map(([name, adapter]) => [name, adapter.callProfile!]);
}

function registrations(walk: Walk, flows: Flow[]): Flow[] {
  for (const flow of flows)
    walk.call(flow.connection!, profileOf(walk, flow.connection)?.registrations?.() ?? [], flow.round + 1);
  return flows;
}
