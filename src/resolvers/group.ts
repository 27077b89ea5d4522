import type { GatewayContext } from '../context.js';
import type { Resolvers } from '../generated/graphql.js';
import { createChecked } from '../provisioning/user-changes.js';
import { encodeId } from '../ids.js';
import type { GroupModel } from '../model.js';
import { connectionResolvers, defined, portRef, existing, type NodeLoader, patchOf } from './shared.js';

export const groupId = (g: Pick<GroupModel, 'vendor' | 'connection' | 'domainId' | 'groupId'>): string =>
  encodeId('Group', g.vendor, g.connection, [g.domainId, g.groupId]);

export const nodeLoaders: Record<string, NodeLoader> = {
  Group: (ctx, id) => ctx.source('groups', id.connection).group(id.key[0]!, id.key[1]!),
};

/** A field that a user's group rows lack: read from the full group, loaded once per request. */
function fullField<K extends keyof GroupModel>(field: K) {
  return async (group: GroupModel, _args: unknown, ctx: GatewayContext): Promise<Exclude<GroupModel[K], undefined>> => {
    const source = group.complete
      ? group
      : await ctx.source('groups', group.connection).group(group.domainId, group.groupId);
    return (source?.[field] ?? null) as Exclude<GroupModel[K], undefined>;
  };
}

function groupUserKeys(ctx: GatewayContext, userIds: readonly string[]): string[] {
  return userIds.map((id) => portRef(ctx, 'directory', 'User', id, 'userIds').key[1]!);
}

export const groupResolvers: Resolvers = {
  Query: {
    group: (_, { id }, ctx) => {
      const { source: groups, key } = portRef(ctx, 'groups', 'Group', id);
      return existing(groups.group(key[0]!, key[1]!), 'group', id);
    },
  },
  Mutation: {
    createGroup: async (_, { input }, ctx) => {
      const { source: groups, key } = portRef(ctx, 'groups', 'Domain', input.domainId, 'input.domainId');
      const { domainId: _domain, ...fields } = input;
      return createChecked(
        ctx,
        { connection: groups.connection, domainId: key[0]! },
        `group ${fields.name}`,
        'groups.createGroup',
        defined(fields),
      );
    },
    updateGroup: (_, { id, input }, ctx) => {
      const { source: groups, key } = portRef(ctx, 'groups', 'Group', id);
      return groups.updateGroup(key[0]!, key[1]!, patchOf(input));
    },
    deleteGroup: async (_, { id }, ctx) => {
      const { source: groups, key } = portRef(ctx, 'groups', 'Group', id);
      await groups.deleteGroup(key[0]!, key[1]!);
      return { deletedId: id };
    },
    addGroupUsers: async (_, { groupId: id, userIds }, ctx) => {
      const { source: groups, key } = portRef(ctx, 'groups', 'Group', id, 'groupId');
      await groups.addGroupUsers(key[0]!, key[1]!, groupUserKeys(ctx, userIds));
      return existing(groups.group(key[0]!, key[1]!), 'group', id);
    },
    removeGroupUsers: async (_, { groupId: id, userIds }, ctx) => {
      const { source: groups, key } = portRef(ctx, 'groups', 'Group', id, 'groupId');
      await groups.removeGroupUsers(key[0]!, key[1]!, groupUserKeys(ctx, userIds));
      return existing(groups.group(key[0]!, key[1]!), 'group', id);
    },
  },
  Group: {
    id: groupId,
    domain: (group, _, ctx) =>
      existing(ctx.source('directory', group.connection).domain(group.domainId), 'domain', group.domainId),
    ringRetry: fullField('ringRetry'),
    ringExclusive: fullField('ringExclusive'),
    callerNameFormat: fullField('callerNameFormat'),
    createdAt: fullField('createdAt'),
    updatedAt: fullField('updatedAt'),
    users: (group, _, ctx) => ctx.source('groups', group.connection).groupUsers(group.domainId, group.groupId),
  },
  GroupConnection: connectionResolvers,
};
