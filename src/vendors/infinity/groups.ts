/**
 * Infinity groups and memberships for one request (GroupPort). The groups of many users come from
 * whichever plan costs fewer calls (shared/group-planner.ts): per-user lists, or the domain's
 * groups and their members inverted.
 */
import { ErrorCode, GatewayError } from '../../errors.js';
import type { GroupModel, Page, UserModel } from '../../model.js';
import type { GroupField, GroupInput, GroupPort, ListOptions } from '../ports.js';
import type { ListCounts } from '../shared/call-profile.js';
import { listGroupsEarly, planGroupsOfUsers } from '../shared/group-planner.js';
import { refuseUnclearable, withoutNulls, type Patch } from '../patch.js';
import { readBack } from '../shared/read-back.js';
import { appendTo, idsByDomain, joinKey, splitKey, type Keyed, type RequestCache } from '../shared/request-cache.js';
import type { InfinityClient } from './client.js';
import * as map from './map.js';
import { groupParams, mergedGroupParams, toListQuery, toPage } from './params.js';
import { LIST_FIELDS } from './wire.js';

/** Rows fetched per call when the gateway needs a domain's whole group list. */
const FULL_LIST_PAGE = 1000;

const allGroupsKey = (domainId: string): string => `allGroups:${domainId}`;

export class InfinityGroups implements GroupPort {
  readonly vendor = 'infinity' as const;
  private readonly groupById: Keyed<GroupModel | null>;
  private readonly usersOfGroup: Keyed<UserModel[]>;
  private readonly groupsOfUser: Keyed<GroupModel[]>;

  constructor(
    private readonly client: InfinityClient,
    readonly connection: string,
    private readonly cache: RequestCache,
    private readonly counts: ListCounts,
  ) {
    this.groupById = cache.keyed(async (key) => {
      const [domainId, groupId] = splitKey(key);
      const row = await client.readGroup(domainId, groupId);
      return row ? map.toGroup(connection, domainId, row) : null;
    });
    this.usersOfGroup = cache.keyed(async (key) => {
      const [domainId, groupId] = splitKey(key);
      return (await client.listGroupUsers(domainId, groupId)).map((row) =>
        map.toGroupMember(connection, domainId, row),
      );
    });
    this.groupsOfUser = cache.batched(async (keys) => {
      const found = new Map<string, GroupModel[]>();
      await Promise.all(
        [...idsByDomain(keys)].map(async ([domainId, userIds]) => {
          const byUser =
            (await this.plan(domainId, userIds.length)) === 'invert'
              ? await this.invert(domainId)
              : await this.perUser(domainId, userIds);
          for (const userId of userIds) found.set(joinKey(domainId, userId), byUser.get(userId) ?? []);
        }),
      );
      return keys.map((key) => found.get(key) ?? []);
    });
  }

  groups(domainId: string, options: ListOptions<GroupField>): Promise<Page<GroupModel>> {
    return this.cache.once(`groups:${domainId}:${JSON.stringify(options)}`, async () => {
      const rows = await this.client.listGroups(domainId, toListQuery(LIST_FIELDS.group, options));
      const groups = rows.map((row) => map.toGroup(this.connection, domainId, row));
      for (const group of groups) this.groupById.prime(joinKey(domainId, group.groupId), group);
      return toPage(groups, options);
    });
  }

  group(domainId: string, groupId: string): Promise<GroupModel | null> {
    return this.groupById.load(joinKey(domainId, groupId));
  }

  async createGroup(domainId: string, input: GroupInput): Promise<GroupModel> {
    const groupId = await this.cache.write(() => this.client.createGroup(domainId, groupParams(input)));
    return readBack(this, this.group(domainId, groupId), 'group', groupId);
  }

  /** The doc marks no update field optional, so the whole group is sent: read, lay the input over it, write. */
  async updateGroup(domainId: string, groupId: string, patch: Patch<GroupInput>): Promise<GroupModel> {
    refuseUnclearable(patch, [], 'Infinity');
    const input = withoutNulls(patch);
    const row = await this.client.readGroup(domainId, groupId, true);
    if (!row) throw new GatewayError(ErrorCode.NotFound, `group ${groupId} was not found`);
    const current = map.toGroup(this.connection, domainId, row);
    await this.cache.write(() => this.client.updateGroup(domainId, groupId, mergedGroupParams(current, input)));
    return readBack(this, this.group(domainId, groupId), 'group', groupId);
  }

  deleteGroup(domainId: string, groupId: string): Promise<void> {
    return this.cache.write(() => this.client.deleteGroup(domainId, groupId));
  }

  groupUsers(domainId: string, groupId: string): Promise<UserModel[]> {
    return this.usersOfGroup.load(joinKey(domainId, groupId));
  }

  addGroupUsers(domainId: string, groupId: string, userIds: string[]): Promise<void> {
    return this.cache.write(() => this.client.addGroupUsers(domainId, groupId, userIds));
  }

  removeGroupUsers(domainId: string, groupId: string, userIds: string[]): Promise<void> {
    return this.cache.write(() => this.client.removeGroupUsers(domainId, groupId, userIds));
  }

  userGroups(domainId: string, userId: string): GroupModel[] | Promise<GroupModel[]> {
    return this.groupsOfUser.ask(joinKey(domainId, userId));
  }

  loadUserGroups(domainId: string, userIds: readonly string[]): Promise<void> {
    return this.groupsOfUser.loadAhead(userIds.map((userId) => joinKey(domainId, userId)));
  }

  /** Starts the domain's group list in the users' round when inverting is already the cheaper plan. */
  anticipateUserGroups(domainId: string, userCount: number): void {
    if (listGroupsEarly(userCount, this.counts.get('groups', domainId)))
      this.allGroups(domainId).catch(() => undefined);
  }

  addUserGroups(domainId: string, userId: string, groupIds: string[]): Promise<void> {
    return this.cache.write(() => this.client.addUserGroups(domainId, userId, groupIds));
  }

  private async plan(domainId: string, users: number): Promise<'perUser' | 'invert'> {
    if (users <= 1) return 'perUser';
    let groupsListed = this.cache.has(allGroupsKey(domainId));
    let groups = groupsListed ? (await this.allGroups(domainId)).length : this.counts.get('groups', domainId);
    if (groups === undefined) {
      // Unknown domain: one list call tells; it is spent either way, so only G vs U remains.
      groups = (await this.allGroups(domainId)).length;
      groupsListed = true;
    }
    return planGroupsOfUsers({ users, groups, groupsListed });
  }

  private async perUser(domainId: string, userIds: string[]): Promise<Map<string, GroupModel[]>> {
    const lists = await Promise.all(userIds.map((u) => this.client.listUserGroups(domainId, u)));
    return new Map(userIds.map((u, i) => [u, lists[i]!.map((row) => map.toUserGroup(this.connection, domainId, row))]));
  }

  private async invert(domainId: string): Promise<Map<string, GroupModel[]>> {
    const groups = await this.allGroups(domainId);
    const members = await Promise.all(groups.map((g) => this.groupUsers(domainId, g.groupId)));
    const byUser = new Map<string, GroupModel[]>();
    groups.forEach((group, i) => {
      for (const member of members[i]!) appendTo(byUser, member.userId, group);
    });
    return byUser;
  }

  /** Every group of the domain (paged through), once per request, primed into the by-id reads. */
  private allGroups(domainId: string): Promise<GroupModel[]> {
    return this.cache.once(allGroupsKey(domainId), async () => {
      const groups: GroupModel[] = [];
      for (let offset = 0; ; offset += FULL_LIST_PAGE) {
        const rows = await this.client.listGroups(domainId, { limit: FULL_LIST_PAGE, offset });
        groups.push(...rows.map((row) => map.toGroup(this.connection, domainId, row)));
        if (rows.length < FULL_LIST_PAGE) break;
      }
      for (const group of groups) this.groupById.prime(joinKey(domainId, group.groupId), group);
      this.counts.record('groups', domainId, groups.length);
      return groups;
    });
  }
}
