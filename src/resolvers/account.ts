import type { Resolvers } from '../generated/graphql.js';
import { decodeIdOf, encodeId } from '../ids.js';
import { accountsOfUser, sipConfigOfDevice } from '../joins.js';
import type { AccountModel, RegistrationState } from '../model.js';
import { existing, type NodeLoader, patchOf } from './shared.js';
import type { GatewayContext } from '../context.js';

/** Asked of the account's vendor only when a registration field is selected (a separate call for some). */
const registrationOf = (account: AccountModel, ctx: GatewayContext): Promise<RegistrationState> =>
  ctx.source('accounts', account.connection).registration(account);

export const accountId = (a: AccountModel): string => encodeId('Account', a.vendor, a.connection, a.key);

export const nodeLoaders: Record<string, NodeLoader> = {
  Account: (ctx, id) => ctx.source('accounts', id.connection).account(id.key),
};

export const accountResolvers: Resolvers = {
  Query: {
    account: (_, { id }, ctx) => {
      const gid = decodeIdOf('Account', id, 'id', ctx.connectionVendors);
      return existing(ctx.source('accounts', gid.connection).account(gid.key), 'account', id);
    },
    deviceSipConfigs: (_, { connection }, ctx) =>
      Promise.all(ctx.sources('deviceConfig', { connection: connection ?? undefined }).map((s) => s.config())),
  },
  Mutation: {
    updateDeviceSipAccount: (_, { id, input }, ctx) => {
      const gid = decodeIdOf('Account', id, 'id', ctx.connectionVendors);
      return ctx.source('deviceConfig', gid.connection).updateAccount(Number(gid.key[0]), patchOf(input));
    },
  },
  Account: {
    id: accountId,
    configured: (account) => account.username !== null,
    registered: async (account, _, ctx) => (await registrationOf(account, ctx)).registered,
    registeredAt: async (account, _, ctx) => (await registrationOf(account, ctx)).registeredAt,
    deviceAccount: (account) => account.deviceAccount ?? null,
  },
  Device: {
    sipConfig: (device, _, ctx) => sipConfigOfDevice(ctx, device),
  },
  User: {
    accounts: (user, _, ctx) => accountsOfUser(ctx, user),
  },
};
