import type { GatewayContext } from '../context.js';
import type { Resolvers } from '../generated/graphql.js';
import { badInput } from '../errors.js';
import { encodeId } from '../ids.js';
import type { UserModel } from '../model.js';
import { createUserInGroups } from '../provisioning/user-changes.js';
import {
  connectionResolvers,
  defined,
  emptyPage,
  portRef,
  existing,
  pageRequest,
  selectedFields,
  sortKeys,
  type NodeLoader,
  patchOf,
} from './shared.js';

export const userId = (u: Pick<UserModel, 'vendor' | 'connection' | 'domainId' | 'userId'>): string =>
  encodeId('User', u.vendor, u.connection, [u.domainId, u.userId]);

/** Fields `Query.user` answers without the user's row (src/explain/models.ts predicts the same). */
export const USER_ROW_FREE_FIELDS = new Set(['__typename', 'id', 'vendor', 'connection', 'groups', 'devices']);

/** The fields a partial user row (a group's member list) lacks: each loads the full user, once per request. */
export const FULL_ROW_FIELDS = [
  'email',
  'firstName',
  'lastName',
  'jobTitle',
  'department',
  'company',
  'office',
  'ukCallerId',
  'usCallerId',
  'mobileNumber',
  'followToMobile',
  'ukPhoneId',
  'usPhoneId',
  'hotdeskAllowed',
  'onDashboard',
  'createdAt',
  'updatedAt',
] as const satisfies ReadonlyArray<keyof UserModel>;

/** A user known only by its key; `complete: false` makes any row field load the user. */
function userStub(vendor: UserModel['vendor'], connection: string, domainId: string, userId: string): UserModel {
  return {
    vendor,
    connection,
    domainId,
    userId,
    complete: false,
    userName: userId,
    displayName: null,
    extension: null,
  };
}

export const nodeLoaders: Record<string, NodeLoader> = {
  User: (ctx, id) => ctx.source('directory', id.connection).user(id.key[0]!, id.key[1]!),
};

/**
 * A resolver for a user field that partial rows (a group's member list) lack: answered from the
 * row when it is complete, else from the user, loaded (and batched) once per request.
 */
function fullField<K extends keyof UserModel>(field: K) {
  return async (user: UserModel, _args: unknown, ctx: GatewayContext): Promise<Exclude<UserModel[K], undefined>> => {
    const source = user.complete
      ? user
      : await ctx.source('directory', user.connection).user(user.domainId, user.userId);
    return (source?.[field] ?? null) as Exclude<UserModel[K], undefined>;
  };
}

function fullFields() {
  return Object.fromEntries(FULL_ROW_FIELDS.map((field) => [field, fullField(field)])) as {
    [K in (typeof FULL_ROW_FIELDS)[number]]: ReturnType<typeof fullField<K>>;
  };
}

export const userResolvers: Resolvers = {
  Query: {
    user: (_, { id }, ctx, info) => {
      const { source: directory, key, id: gid } = portRef(ctx, 'directory', 'User', id);
      // Asked only for relations including its groups, the row is not needed: the groups call answers 404 for an unknown user.
      const fields = selectedFields(info);
      if (fields.has('groups') && [...fields].every((f) => USER_ROW_FREE_FIELDS.has(f)))
        return userStub(gid.vendor, gid.connection, key[0]!, key[1]!);
      return existing(directory.user(key[0]!, key[1]!), 'user', id);
    },
  },
  Mutation: {
    createUser: async (_, { input }, ctx) => {
      const { source: directory, key } = portRef(ctx, 'directory', 'Domain', input.domainId, 'input.domainId');
      const domainKey = key[0]!;
      const { domainId: _domain, groupIds, ...fields } = input;
      const groups = (groupIds ?? []).map((id) => portRef(ctx, 'groups', 'Group', id, 'input.groupIds'));
      if (groups.some((g) => g.id.connection !== directory.connection || g.key[0] !== domainKey)) {
        throw badInput('input.groupIds: every group must be in the same domain as the user', 'input.groupIds');
      }
      await existing(directory.domain(domainKey), 'domain', input.domainId);
      const at = { connection: directory.connection, domainId: domainKey };
      return createUserInGroups(
        ctx,
        at,
        defined(fields),
        groups.map((g) => g.key[1]!),
      );
    },
    updateUser: (_, { id, input }, ctx) => {
      const { source: directory, key } = portRef(ctx, 'directory', 'User', id);
      return directory.updateUser(key[0]!, key[1]!, patchOf(input));
    },
    deleteUser: async (_, { id }, ctx) => {
      const { source: directory, key } = portRef(ctx, 'directory', 'User', id);
      await directory.deleteUser(key[0]!, key[1]!);
      return { deletedId: id };
    },
    addUserToGroups: async (_, { userId: id, groupIds }, ctx) => {
      const { source: directory, key, id: gid } = portRef(ctx, 'directory', 'User', id, 'userId');
      const groups = groupIds.map((g) => portRef(ctx, 'groups', 'Group', g, 'groupIds').key[1]!);
      await ctx.source('groups', gid.connection).addUserGroups(key[0]!, key[1]!, groups);
      return existing(directory.user(key[0]!, key[1]!), 'user', id);
    },
  },
  User: {
    id: userId,
    domain: (user, _, ctx) =>
      existing(ctx.source('directory', user.connection).domain(user.domainId), 'domain', user.domainId),
    ...fullFields(),
    // A vendor without groups or PBX devices: the user has none.
    groups: (user, _, ctx) =>
      ctx.optionalSource('groups', user.connection)?.userGroups(user.domainId, user.userId) ?? [],
    devices: (user, _, ctx) =>
      ctx.optionalSource('pbxDevices', user.connection)?.userDevices(user.domainId, user.userId) ?? [],
    deviceAssignments: (user, { first, after, orderBy }, ctx) => {
      const page = pageRequest(ctx, first, after);
      const devices = ctx.optionalSource('pbxDevices', user.connection);
      return (
        devices?.deviceAssignments(user.domainId, user.userId, { page, sort: sortKeys(orderBy) }) ?? emptyPage(page)
      );
    },
  },
  UserConnection: connectionResolvers,
};
