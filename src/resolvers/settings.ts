import type { GatewayContext } from '../context.js';
import type { Resolvers } from '../generated/graphql.js';
import { badInput } from '../errors.js';
import { decodeIdOf } from '../ids.js';
import type { AccountModel } from '../model.js';
import type { AccountSettingsSource } from '../vendors/ports.js';
import { patchOf } from './shared.js';
import { gatherFromEach } from './partial.js';

const settingsOf = (ctx: GatewayContext, account: AccountModel): AccountSettingsSource =>
  ctx.source('accountSettings', account.connection);
const addressOf = (account: AccountModel): string => account.key[0]!;

async function settingsAccount(
  ctx: GatewayContext,
  accountId: string,
): Promise<{ source: AccountSettingsSource; account: AccountModel }> {
  const gid = decodeIdOf('Account', accountId, 'accountId', ctx.connectionVendors);
  const source = ctx.source('accountSettings', gid.connection);
  const account = (await source.accounts()).find((a) => a.key[0] === gid.key[0]);
  if (!account)
    throw badInput(`accountId: no SIP Thor account ${gid.key[0]} on connection ${gid.connection}`, 'accountId');
  return { source, account };
}

export const settingsResolvers: Resolvers = {
  Query: {
    accounts: (_, { connection }, ctx) =>
      gatherFromEach(ctx.sources('accountSettings', { connection: connection ?? undefined }), (s) =>
        s.accounts(),
      ) as never,
  },
  Mutation: {
    setDoNotDisturb: async (_, { accountId, enabled, durationMinutes }, ctx) => {
      if (durationMinutes !== null && durationMinutes !== undefined && (!enabled || durationMinutes < 1)) {
        throw badInput('durationMinutes: a positive number of minutes, only when enabling', 'durationMinutes');
      }
      const { source, account } = await settingsAccount(ctx, accountId);
      await source.setDoNotDisturb(addressOf(account), enabled, durationMinutes ?? undefined);
      return account;
    },
    setPrivacy: async (_, { accountId, enabled }, ctx) => {
      const { source, account } = await settingsAccount(ctx, accountId);
      await source.setPrivacy(addressOf(account), enabled);
      return account;
    },
    addAccountAlias: async (_, { accountId, username }, ctx) => {
      if (!/^[A-Za-z0-9._+-]{1,64}$/.test(username))
        throw badInput('username: letters, digits and . _ + - only', 'username');
      const { source, account } = await settingsAccount(ctx, accountId);
      await source.addAlias(addressOf(account), username);
      return account;
    },
    setCallForwarding: async (_, { accountId, input }, ctx) => {
      const change = patchOf(input);
      if (Object.keys(change).length === 0)
        throw badInput('input: name at least one forwarding rule to change', 'input');
      const { source, account } = await settingsAccount(ctx, accountId);
      await source.setCallForwarding(addressOf(account), change);
      return account;
    },
  },
  Account: {
    // Settings exist where the account's connection has the accountSettings capability (SIP Thor).
    settings: (account, _, ctx) => (ctx.optionalSource('accountSettings', account.connection) ? account : null),
  },
  SipAccountSettings: {
    identity: (a, _, ctx) => settingsOf(ctx, a).identity(addressOf(a)),
    aliases: (a, _, ctx) => settingsOf(ctx, a).aliases(addressOf(a)),
    enumNumbers: (a, _, ctx) => settingsOf(ctx, a).enumNumbers(addressOf(a)),
    callForwarding: (a, _, ctx) => settingsOf(ctx, a).callForwarding(addressOf(a)),
    doNotDisturb: (a, _, ctx) => settingsOf(ctx, a).doNotDisturb(addressOf(a)),
    privacy: (a, _, ctx) => settingsOf(ctx, a).privacy(addressOf(a)),
    voicemail: (a, _, ctx) => settingsOf(ctx, a).voicemail(addressOf(a)),
    callHistory: (a, _, ctx) => settingsOf(ctx, a).callHistory(addressOf(a)),
    registeredDevices: (a, _, ctx) => settingsOf(ctx, a).registeredDevices(addressOf(a)),
    prepaid: (a, _, ctx) => settingsOf(ctx, a).prepaid(addressOf(a)),
    balanceHistory: (a, _, ctx) => settingsOf(ctx, a).balanceHistory(addressOf(a)),
    monthlyUsage: (a, _, ctx) => settingsOf(ctx, a).monthlyUsage(addressOf(a)),
    acceptRules: (a, _, ctx) => settingsOf(ctx, a).acceptRules(addressOf(a)),
    rejectRules: (a, _, ctx) => settingsOf(ctx, a).rejectRules(addressOf(a)),
  },
};
