/**
 * What a subgraph adds to the standalone resolvers: `__resolveReference` for every entity, through
 * the same per-request loaders as any other read (so 100 representations batch like a list), the
 * renamed root fields, and the key-only stubs of vendor slices, which build their model from the
 * representation and call no vendor for it.
 */
import type { GatewayContext } from '../context.js';
import { decodeIdOf } from '../ids.js';
import { accountsOfUser } from '../joins.js';
import type { DeviceModel, UserModel } from '../model.js';
import { nodeResolvers, NODE_LOADERS } from '../resolvers/node.js';
import type { SubgraphName } from './config.js';
import { RENAMED_IN_SUBGRAPH } from './slices.js';

type ResolverMap = Record<string, Record<string, unknown>>;

/** A User as the sipthor slice knows it: its key plus the fields its `@requires` asked for. */
interface UserReference extends UserModel {
  domainName: string;
}

function deviceFromRepresentation(
  ref: { id: string; macAddress?: string | null },
  ctx: Pick<GatewayContext, 'connectionVendors'>,
): DeviceModel {
  const gid = decodeIdOf('Device', ref.id, 'id', ctx.connectionVendors);
  const [domainId, deviceId] = gid.key as [string, string];
  const none = { name: '', userId: null, userName: null, createdAt: null, updatedAt: null };
  return {
    vendor: gid.vendor,
    connection: gid.connection,
    domainId,
    deviceId,
    macAddress: ref.macAddress ?? null,
    ...none,
  };
}

function userFromRepresentation(
  ref: { id: string; userName: string; domain?: { name?: string } },
  ctx: Pick<GatewayContext, 'connectionVendors'>,
): UserReference {
  const gid = decodeIdOf('User', ref.id, 'id', ctx.connectionVendors);
  const [domainId, userId] = gid.key as [string, string];
  const row = { complete: false, displayName: null, extension: null };
  return {
    vendor: gid.vendor,
    connection: gid.connection,
    domainId,
    userId,
    userName: ref.userName,
    domainName: ref.domain?.name ?? '',
    ...row,
  };
}

const STUBS: Partial<Record<SubgraphName, ResolverMap>> = {
  '2n': { Device: { __resolveReference: deviceFromRepresentation } },
  sipthor: {
    User: {
      __resolveReference: userFromRepresentation,
      accounts: (user: UserReference, _: unknown, ctx: GatewayContext) => accountsOfUser(ctx, user, user.domainName),
    },
  },
};

export function federationResolvers(subgraph: SubgraphName): ResolverMap {
  const map: ResolverMap = {};
  for (const [type, load] of Object.entries(NODE_LOADERS)) {
    map[type] = {
      __resolveReference: (ref: { id: string }, ctx: GatewayContext) =>
        load(ctx, decodeIdOf(type, ref.id, 'id', ctx.connectionVendors)),
    };
  }
  if (subgraph === 'sipgraph') {
    const query = nodeResolvers.Query as Record<string, unknown>;
    map.Query = Object.fromEntries(Object.entries(RENAMED_IN_SUBGRAPH).map(([from, to]) => [to, query[from]]));
  }
  for (const [type, fields] of Object.entries(STUBS[subgraph] ?? {})) map[type] = { ...map[type], ...fields };
  return map;
}
