/**
 * The cross-vendor joins, decided here and nowhere else: adapters describe their own data (a
 * device's MAC, an account's owner or SIP address, how their accounts relate to users) and the
 * gateway matches them across connections.
 */
import type { GatewayContext } from './context.js';
import type { AccountModel, DeviceModel, DeviceSipConfigModel, UserModel } from './model.js';

/** A directory device → the SIP config of the device connection (2N) with its MAC; each asked once per request. */
export async function sipConfigOfDevice(
  ctx: GatewayContext,
  device: DeviceModel,
): Promise<DeviceSipConfigModel | null> {
  if (!device.macAddress) return null;
  const sources = ctx.sources('deviceConfig');
  const macs = await Promise.all(sources.map((s) => s.macAddress()));
  const match = sources[macs.indexOf(device.macAddress)];
  return match ? match.config() : null;
}

/**
 * A directory user → the SIP accounts that are theirs: on the user's own connection those naming
 * the user as owner (Stringee phones), on any connection those whose address is the user's
 * `userName@<domain name>` (SIP Thor). Device accounts (2N) join through the device instead.
 */
export async function accountsOfUser(
  ctx: GatewayContext,
  user: UserModel,
  knownDomainName?: string,
): Promise<AccountModel[]> {
  const sources = ctx
    .sources('accounts')
    .filter((s) => (s.userLink === 'owner' ? s.connection === user.connection : s.userLink === 'sipAddress'));
  const byAddress = sources.some((s) => s.userLink === 'sipAddress');
  // A subgraph without the user's directory gets the domain name from the router (`@requires`).
  const domainName = byAddress
    ? (knownDomainName ?? (await ctx.source('directory', user.connection).domain(user.domainId))?.name)
    : undefined;
  const address = `${user.userName}@${domainName ?? ''}`.toLowerCase();
  const owns = (account: AccountModel): boolean =>
    account.owner?.domainId === user.domainId && account.owner.userId === user.userId;
  const lists = await Promise.all(
    sources.map(async (source) => {
      const accounts = await source.accounts();
      return source.userLink === 'owner'
        ? accounts.filter(owns)
        : accounts.filter((a) => a.address?.toLowerCase() === address);
    }),
  );
  return lists.flat();
}
