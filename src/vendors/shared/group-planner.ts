/**
 * Which calls answer "the groups of these U users of one domain" most cheaply, for a vendor that
 * can list a user's groups (1 call per user) or list the domain's groups and each group's members
 * and invert them (1 + G calls, the list call free once made). Pure: counts in, a plan out.
 */

export type GroupsOfUsersPlan = 'perUser' | 'invert';

/** With no group count known yet, this many users make listing the domain's groups a good bet. */
export const LIST_GROUPS_EARLY_FROM_USERS = 8;

export interface PlanInput {
  users: number;
  groups: number;
  /** The domain's groups are already listed in this request: inverting costs G, not 1 + G. */
  groupsListed: boolean;
}

export function planGroupsOfUsers({ users, groups, groupsListed }: PlanInput): GroupsOfUsersPlan {
  if (users <= 1) return 'perUser';
  return (groupsListed ? 0 : 1) + groups < users ? 'invert' : 'perUser';
}

/**
 * Whether to start listing the domain's groups as soon as the users are asked for, in their
 * round: when inverting is already the cheaper plan for what is known of the domain.
 */
export function listGroupsEarly(users: number, knownGroups: number | undefined): boolean {
  if (knownGroups === undefined) return users >= LIST_GROUPS_EARLY_FROM_USERS;
  return planGroupsOfUsers({ users, groups: knownGroups, groupsListed: false }) === 'invert';
}
