/**
 * A page of users answered together with the groups and PBX devices its query selects. They are
 * loaded before the page is returned, with the same calls in the same round as the users' own
 * fields would make a moment later; each user's `groups` and `devices` then resolves to a value.
 * graphql-js spends several promises on every object with an asynchronous field: on a page of 100
 * users that was most of the request's promises. A restricted principal gets the same where the
 * nested field's own policy admits it (that field still checks it when it runs); nothing is loaded
 * that the field would refuse.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { fieldAdmits } from '../auth/policy.js';
import type { GatewayContext } from '../context.js';
import type { Page, UserModel } from '../model.js';
import { selectsPath } from './shared.js';

export async function withUserRelations(
  ctx: GatewayContext,
  connection: string,
  info: GraphQLResolveInfo,
  pending: Promise<Page<UserModel>>,
): Promise<Page<UserModel>> {
  const groups = selectsPath(info, ['nodes', 'groups']) ? ctx.optionalSource('groups', connection) : undefined;
  const devices = selectsPath(info, ['nodes', 'devices']) ? ctx.optionalSource('pbxDevices', connection) : undefined;
  if (!groups && !devices) return pending;
  const page = await pending;
  const admits = (field: 'groups' | 'devices', domain: string): boolean =>
    fieldAdmits(ctx, info.schema, 'User', field, { connection, domain });
  const loads: Array<Promise<void>> = [];
  for (const [domainId, userIds] of userIdsByDomain(page.items)) {
    if (groups && admits('groups', domainId)) loads.push(groups.loadUserGroups(domainId, userIds));
    if (devices && admits('devices', domainId)) loads.push(devices.loadUserDevices(domainId, userIds));
  }
  await Promise.all(loads);
  return page;
}

function userIdsByDomain(users: readonly UserModel[]): Map<string, string[]> {
  const byDomain = new Map<string, string[]>();
  for (const { domainId, userId } of users) {
    const ids = byDomain.get(domainId);
    if (ids) ids.push(userId);
    else byDomain.set(domainId, [userId]);
  }
  return byDomain;
}
