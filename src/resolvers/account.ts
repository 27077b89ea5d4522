import type { Resolvers } from '../generated/graphql.js';
import { decodeIdOf, encodeId } from '../ids.js';
import type { AccountModel, RegistrationState } from '../model.js';
import { existing, type NodeLoader, patchOf } from './shared.js';

function registrationOf(account: AccountModel): Promise<RegistrationState> {
  return typeof account.registration === 'function' ? account.registration() : Promise.resolve(account.registration);
}

export const accountId = (a: AccountModel): string => encodeId('Account', a.vendor, a.connection, a.key);

export const nodeLoaders: Record<string, NodeLoader> = {
  Account: (ctx, id) => ctx.source('accounts', id.connection).account(id.key),
};

export const accountResolvers: Resolvers = {
  Query: {
    account: (_, { id }, ctx) => {
      const gid = decodeIdOf('Account', id);
      return existing(ctx.source('accounts', gid.connection).account(gid.key), 'account', id);
    },
    deviceSipConfigs: (_, { connection }, ctx) => Promise.all(ctx.sources('deviceConfig', { connection: connection ?? undefined }).map((s) => s.config())),
  },
  Mutation: {
    updateDeviceSipAccount: (_, { id, input }, ctx) => {
      const gid = decodeIdOf('Account', id);
      return ctx.source('deviceConfig', gid.connection).updateAccount(Number(gid.key[0]), patchOf(input));
    },
  },
  Account: {
    id: accountId,
    configured: (account) => account.username !== null,
    registered: async (account) => (await registrationOf(account)).registered,
    registeredAt: async (account) => (await registrationOf(account)).registeredAt,
    deviceAccount: (account) => account.deviceAccount ?? null,
  },
  Device: {
    /** The device connection whose MAC matches; each such device is asked once per request. */
    sipConfig: async (device, _, ctx) => {
      if (!device.macAddress) return null;
      const sources = ctx.sources('deviceConfig');
      const macs = await Promise.all(sources.map((s) => s.macAddress()));
      const match = sources[macs.indexOf(device.macAddress)];
      return match ? match.config() : null;
    },
  },
  User: {
    accounts: async (user, _, ctx) => {
      const domain = await ctx.source('directory', user.connection).domain(user.domainId);
      const lists = await Promise.all(ctx.sources('accounts').map((s) => s.accountsOfUser(user, domain)));
      return lists.flat();
    },
  },
};
