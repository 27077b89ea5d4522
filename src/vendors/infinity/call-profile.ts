/**
 * The calls each Infinity read makes (see src/vendors/call-profile.ts), keyed the way this folder's
 * ports cache them: the planner's prediction follows the same choices the ports make at run time.
 */
import type { CallProfile, CallSteps, ListCounts, ListShape } from '../shared/call-profile.js';
import { listGroupsEarly, planGroupsOfUsers } from '../shared/group-planner.js';

/** Rows per call when the gateway reads a whole list (directory.ts, devices.ts, groups.ts). */
const FULL_LIST_PAGE = 1000;

const indexed = (prefix: string, count: number): string[] => Array.from({ length: count }, (_, i) => `${prefix}#${i}`);

/** A substring filter is applied by the gateway over the whole list, read in full pages. */
function listCalls(kind: string, domainId: string, list: ListShape, total: number | undefined): string[] {
  if (!list.contains) return [`${kind}:${domainId}:${list.key}`];
  return indexed(`${kind}:${domainId}:all`, Math.max(1, Math.ceil(((total ?? 0) + 1) / FULL_LIST_PAGE)));
}

export function infinityCallProfile(counts: ListCounts): CallProfile {
  const allGroups = (domainId: string) => `allGroups:${domainId}`;
  return {
    domains: () => ['domains'],
    domain: (domainId) => [`domain:${domainId}`],
    byId: (type, key) => [`${type}:${key.join('/')}`],
    users: (domainId, list) => listCalls('users', domainId, list, counts.get('users', domainId)),
    usersById: (domainId, count) => (count === 1 ? [`user:${domainId}`] : [`usersPage:${domainId}`]),
    groups: (domainId, list) => [`groups:${domainId}:${list.key}`],
    queues: (domainId, list) => [`queues:${domainId}:${list.key}`],
    devices: (domainId, list) => listCalls('devices', domainId, list, counts.get('devices', domainId)),
    trustedNetworks: (domainId, list) => [`trustedNetworks:${domainId}:${list.key}`],
    anticipatedGroups: (domainId, userLimit) =>
      listGroupsEarly(userLimit, counts.get('groups', domainId)) ? [allGroups(domainId)] : [],
    groupsOfUsers(domainId, users, listed): CallSteps {
      if (users === 0) return [];
      const perUser = [indexed(`userGroups:${domainId}`, users)];
      if (users === 1) return perUser;
      const known = counts.get('groups', domainId);
      // Unseen: the port lists the groups first, then chooses; a domain like the others seen, or U at most.
      const groups = known ?? counts.typical('groups') ?? users;
      const members = indexed(`groupUsers:${domainId}`, Math.min(groups, users));
      if (known === undefined) return listed ? [members] : [[allGroups(domainId)], members];
      if (planGroupsOfUsers({ users, groups, groupsListed: listed }) === 'perUser') return perUser;
      return listed ? [members] : [[allGroups(domainId)], members];
    },
    devicesOfUsers: (domainId, users) => (users === 1 ? [`devicesOfUser:${domainId}`] : [`allDevices:${domainId}`]),
  };
}
