/**
 * One request's view of an Infinity connection. Every read goes through a DataLoader or a memo,
 * so identical calls within one GraphQL request are made once; list results prime the by-id
 * loaders; the devices of many users come from one domain-wide list. Any write clears the
 * request's caches so that what a mutation returns is read after the write.
 */
import DataLoader from 'dataloader';
import { GatewayError, ErrorCode } from '../../errors.js';
import type {
  DeviceAssignmentModel,
  DeviceModel,
  DomainModel,
  GroupModel,
  Page,
  QueueMemberModel,
  QueueModel,
  TrustedNetworkModel,
  UserModel,
} from '../../model.js';
import type {
  DeviceField,
  DeviceInput,
  DirectorySource,
  GroupField,
  GroupInput,
  ListOptions,
  QueueField,
  QueueInput,
  QueueMemberInput,
  TrustedNetworkField,
  TrustedNetworkInput,
  UserField,
  UserInput,
} from '../ports.js';
import type { InfinityClient, ListQuery } from './client.js';
import * as map from './map.js';
import { LIST_FIELDS, str } from './wire.js';

/** With no group count known yet, this many users make listing the domain's groups a good bet. */
const UNKNOWN_DOMAIN_PREFETCH_AT = 8;

/** Rows fetched per call when the gateway needs a whole domain-wide list. */
const FULL_LIST_PAGE = 1000;

const key = (...parts: string[]): string => parts.join('/');
const split = (k: string): [string, string] => k.split('/') as [string, string];

function toListQuery<F extends string>(fields: Record<F, string>, options: ListOptions<F>, extra = 1): ListQuery {
  const filters: Array<[string, string, string]> = [];
  for (const [field, value] of Object.entries(options.equals ?? {}) as Array<[F, string | undefined]>) {
    if (value !== undefined) filters.push([fields[field], 'eq', value]);
  }
  for (const [field, value] of Object.entries(options.contains ?? {}) as Array<[F, string | undefined]>) {
    if (value !== undefined) filters.push([fields[field], 'like', value]);
  }
  return {
    filters,
    sort: (options.sort ?? []).map((s) => [fields[s.field], s.direction]),
    // One row more than asked tells whether there is a next page without a count call.
    limit: options.page.limit + extra,
    offset: options.page.offset,
  };
}

function toPage<T>(rows: T[], options: ListOptions): Page<T> {
  return { items: rows.slice(0, options.page.limit), offset: options.page.offset, hasNextPage: rows.length > options.page.limit, totalCount: null };
}

function append<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** `domain/id` keys → ids per domain, in first-seen order. */
function groupByDomain(keys: readonly string[]): Map<string, string[]> {
  const byDomain = new Map<string, string[]>();
  for (const k of keys) {
    const [d, id] = split(k);
    append(byDomain, d, id);
  }
  return byDomain;
}

/**
 * Sizes seen in earlier requests (how many groups a domain has), kept per connection. Only the
 * planner reads them, to estimate costs: a stale figure can make a plan dearer, never an answer wrong.
 */
export class DomainStats {
  private readonly groupCounts = new Map<string, number>();
  groupCount(domainId: string): number | undefined {
    return this.groupCounts.get(domainId);
  }
  recordGroupCount(domainId: string, count: number): void {
    this.groupCounts.set(domainId, count);
  }
}

const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));

function inKeyOrder<T>(keys: readonly string[], found: Map<string, T>, missing: T): T[] {
  return keys.map((k) => found.get(k) ?? missing);
}

export class InfinityDirectory implements DirectorySource {
  readonly vendor = 'infinity' as const;
  private readonly memo = new Map<string, Promise<unknown>>();

  private readonly domainLoader = new DataLoader<string, DomainModel | null>(async (ids) => {
    if (ids.length === 1) {
      const row = await this.client.readDomain(ids[0]!);
      return [row ? map.toDomain(this.connection, row) : null];
    }
    const all = await this.domains();
    return inKeyOrder(ids, new Map(all.map((d) => [d.domainId, d])), null);
  });

  /**
   * Users by id. Several of one domain (a router resolving User references) come from ONE list
   * call, as `domain.users` would; only ids beyond a full first page are read one by one.
   */
  private readonly userLoader = new DataLoader<string, UserModel | null>(async (keys) => {
    const found = new Map<string, UserModel | Error | null>();
    await Promise.all(
      [...groupByDomain(keys)].map(async ([d, users]) => {
        let unlisted = users;
        if (users.length > 1) {
          const rows = await this.client.listUsers(d, { limit: FULL_LIST_PAGE, offset: 0 }).catch((error: unknown) => asError(error));
          if (rows instanceof Error) return users.forEach((u) => found.set(key(d, u), rows));
          for (const row of rows) {
            const user = map.toUser(this.connection, d, row);
            if (users.includes(user.userId)) found.set(key(d, user.userId), user);
          }
          unlisted = rows.length < FULL_LIST_PAGE ? [] : users.filter((u) => !found.has(key(d, u)));
        }
        await Promise.all(
          unlisted.map(async (u) => {
            const row = await this.client.readUser(d, u).catch((error: unknown) => asError(error));
            found.set(key(d, u), row instanceof Error ? row : row ? map.toUser(this.connection, d, row) : null);
          }),
        );
      }),
    );
    return keys.map((k) => found.get(k) ?? null);
  });

  private readonly groupLoader = this.byIdLoader(async (d, g) => {
    const row = await this.client.readGroup(d, g);
    return row ? map.toGroup(this.connection, d, row) : null;
  });

  private readonly queueLoader = this.byIdLoader(async (d, q) => {
    const row = await this.client.readQueue(d, q);
    return row ? map.toQueue(this.connection, d, row) : null;
  });

  private readonly deviceLoader = this.byIdLoader(async (d, dev) => {
    const row = await this.client.readDevice(d, dev);
    return row ? map.toDevice(this.connection, d, row) : null;
  });

  private readonly trustedNetworkLoader = this.byIdLoader(async (d, t) => {
    const row = await this.client.readTrustedNetwork(d, t);
    return row ? map.toTrustedNetwork(this.connection, d, row) : null;
  });

  /**
   * Groups by user, planned per domain batch: U per-user calls, or the domain's group list plus
   * each group's members, inverted (1 + G calls), whichever the known group count makes cheaper.
   */
  private readonly userGroupsLoader = new DataLoader<string, GroupModel[]>(async (keys) => {
    const found = new Map<string, GroupModel[]>();
    await Promise.all(
      [...groupByDomain(keys)].map(async ([d, users]) => {
        const groupsOfUser = (await this.planUserGroups(d, users.length)) === 'invert' ? await this.invertGroupMembers(d) : await this.perUserGroups(d, users);
        for (const u of users) found.set(key(d, u), groupsOfUser.get(u) ?? []);
      }),
    );
    return keys.map((k) => found.get(k) ?? []);
  });

  private readonly groupUsersLoader = this.byIdLoader(async (d, g) =>
    (await this.client.listGroupUsers(d, g)).map((row) => map.toGroupMember(this.connection, d, row)),
  );

  private readonly queueMembersLoader = this.byIdLoader(async (d, q) =>
    (await this.client.listQueueMembers(d, q)).map((row) => map.toQueueMember(this.connection, d, q, row)),
  );

  /**
   * Devices by user. One user: the domain list filtered on that user. Several users of a domain:
   * ONE unfiltered domain-wide list, split by user here — never one call per user.
   */
  private readonly userDevicesLoader = new DataLoader<string, DeviceModel[]>(async (keys) => {
    const found = new Map<string, DeviceModel[]>();
    await Promise.all(
      [...groupByDomain(keys)].map(async ([d, users]) => {
        const devices =
          users.length === 1
            ? await this.listAllDevices(d, [['userId', 'eq', users[0]!]])
            : await this.listAllDevices(d, []);
        for (const device of devices) {
          this.deviceLoader.prime(key(d, device.deviceId), device);
          if (!device.userId) continue;
          append(found, key(d, device.userId), device);
        }
      }),
    );
    return keys.map((k) => found.get(k) ?? []);
  });

  constructor(
    private readonly client: InfinityClient,
    readonly connection: string,
    private readonly stats: DomainStats,
  ) {}

  // ---- domains

  domains(): Promise<DomainModel[]> {
    return this.once('domains', async () => {
      const domains = (await this.client.listDomains()).map((row) => map.toDomain(this.connection, row));
      for (const domain of domains) this.domainLoader.prime(domain.domainId, domain);
      return domains;
    });
  }

  domain(domainId: string): Promise<DomainModel | null> {
    return this.domainLoader.load(domainId);
  }

  async updateDomain(domainId: string, input: { displayName?: string; callRecording?: boolean }): Promise<DomainModel> {
    await this.write(() =>
      this.client.updateDomain(domainId, { displayName: input.displayName, rec: input.callRecording === undefined ? undefined : input.callRecording ? 1 : 0 }),
    );
    return this.readBack(this.domain(domainId), 'domain', domainId);
  }

  // ---- users

  users(domainId: string, options: ListOptions<UserField>): Promise<Page<UserModel>> {
    return this.once(`users:${domainId}:${JSON.stringify(options)}`, async () => {
      const rows = await this.client.listUsers(domainId, toListQuery(LIST_FIELDS.user, options));
      const users = rows.map((row) => map.toUser(this.connection, domainId, row));
      for (const user of users) this.userLoader.prime(key(domainId, user.userId), user);
      return toPage(users, options);
    });
  }

  user(domainId: string, userId: string): Promise<UserModel | null> {
    return this.userLoader.load(key(domainId, userId));
  }

  async createUser(domainId: string, input: UserInput): Promise<UserModel> {
    const userId = await this.write(() => this.client.createUser(domainId, map.userParams(input)));
    return this.readBack(this.user(domainId, userId), 'user', userId);
  }

  async updateUser(domainId: string, userId: string, input: UserInput): Promise<UserModel> {
    await this.write(() => this.client.updateUser(domainId, userId, map.userParams(input)));
    return this.readBack(this.user(domainId, userId), 'user', userId);
  }

  deleteUser(domainId: string, userId: string): Promise<void> {
    return this.write(() => this.client.deleteUser(domainId, userId));
  }

  // ---- groups

  groups(domainId: string, options: ListOptions<GroupField>): Promise<Page<GroupModel>> {
    return this.once(`groups:${domainId}:${JSON.stringify(options)}`, async () => {
      const rows = await this.client.listGroups(domainId, toListQuery(LIST_FIELDS.group, options));
      const groups = rows.map((row) => map.toGroup(this.connection, domainId, row));
      for (const group of groups) this.groupLoader.prime(key(domainId, group.groupId), group);
      return toPage(groups, options);
    });
  }

  group(domainId: string, groupId: string): Promise<GroupModel | null> {
    return this.groupLoader.load(key(domainId, groupId));
  }

  async createGroup(domainId: string, input: GroupInput): Promise<GroupModel> {
    const groupId = await this.write(() => this.client.createGroup(domainId, map.groupParams(input)));
    return this.readBack(this.group(domainId, groupId), 'group', groupId);
  }

  /** The doc marks no update field optional, so the whole group is sent: read, lay the input over it, write. */
  async updateGroup(domainId: string, groupId: string, input: GroupInput): Promise<GroupModel> {
    const row = await this.client.readGroup(domainId, groupId, true);
    if (!row) throw new GatewayError(ErrorCode.NotFound, `group ${groupId} was not found`);
    const current = map.toGroup(this.connection, domainId, row);
    await this.write(() => this.client.updateGroup(domainId, groupId, map.mergedGroupParams(current, input)));
    return this.readBack(this.group(domainId, groupId), 'group', groupId);
  }

  deleteGroup(domainId: string, groupId: string): Promise<void> {
    return this.write(() => this.client.deleteGroup(domainId, groupId));
  }

  groupUsers(domainId: string, groupId: string): Promise<UserModel[]> {
    return this.groupUsersLoader.load(key(domainId, groupId));
  }

  addGroupUsers(domainId: string, groupId: string, userIds: string[]): Promise<void> {
    return this.write(() => this.client.addGroupUsers(domainId, groupId, userIds));
  }

  removeGroupUsers(domainId: string, groupId: string, userIds: string[]): Promise<void> {
    return this.write(() => this.client.removeGroupUsers(domainId, groupId, userIds));
  }

  userGroups(domainId: string, userId: string): Promise<GroupModel[]> {
    return this.userGroupsLoader.load(key(domainId, userId));
  }

  /** Starts the domain's group list early when inverting memberships is already the cheaper plan. */
  expectGroupsOfUsers(domainId: string, userCount: number): void {
    const known = this.stats.groupCount(domainId);
    const inverting = known === undefined ? userCount >= UNKNOWN_DOMAIN_PREFETCH_AT : 1 + known < userCount;
    if (inverting) this.allGroups(domainId).catch(() => undefined);
  }

  addUserGroups(domainId: string, userId: string, groupIds: string[]): Promise<void> {
    return this.write(() => this.client.addUserGroups(domainId, userId, groupIds));
  }

  // ---- queues

  queues(domainId: string, options: ListOptions<QueueField>): Promise<Page<QueueModel>> {
    return this.once(`queues:${domainId}:${JSON.stringify(options)}`, async () => {
      const rows = await this.client.listQueues(domainId, toListQuery(LIST_FIELDS.queue, options));
      const queues = rows.map((row) => map.toQueue(this.connection, domainId, row));
      for (const queue of queues) this.queueLoader.prime(key(domainId, queue.queueId), queue);
      return toPage(queues, options);
    });
  }

  queue(domainId: string, queueId: string): Promise<QueueModel | null> {
    return this.queueLoader.load(key(domainId, queueId));
  }

  async createQueue(domainId: string, input: QueueInput): Promise<QueueModel> {
    const queueId = await this.write(() => this.client.createQueue(domainId, map.queueParams(input)));
    return this.readBack(this.queue(domainId, queueId), 'queue', queueId);
  }

  async updateQueue(domainId: string, queueId: string, input: QueueInput): Promise<QueueModel> {
    await this.write(() => this.client.updateQueue(domainId, queueId, map.queueParams(input)));
    return this.readBack(this.queue(domainId, queueId), 'queue', queueId);
  }

  deleteQueue(domainId: string, queueId: string): Promise<void> {
    return this.write(() => this.client.deleteQueue(domainId, queueId));
  }

  async queueMembers(domainId: string, queueId: string): Promise<QueueMemberModel[]> {
    const members = await this.queueMembersLoader.load(key(domainId, queueId));
    return [...members].sort((a, b) => (a.ringOrder ?? Number.MAX_SAFE_INTEGER) - (b.ringOrder ?? Number.MAX_SAFE_INTEGER));
  }

  queueMember(domainId: string, queueId: string, memberId: string): Promise<QueueMemberModel | null> {
    return this.once(`queueMember:${domainId}:${queueId}:${memberId}`, async () => {
      const row = await this.client.readQueueMember(domainId, queueId, memberId);
      return row ? map.toQueueMember(this.connection, domainId, queueId, row) : null;
    });
  }

  async createQueueMember(domainId: string, queueId: string, input: QueueMemberInput): Promise<QueueMemberModel> {
    const memberId = await this.write(() => this.client.createQueueMember(domainId, queueId, map.queueMemberParams(input)));
    return this.readBack(this.queueMember(domainId, queueId, memberId), 'queue member', memberId);
  }

  async updateQueueMember(domainId: string, queueId: string, memberId: string, input: QueueMemberInput): Promise<QueueMemberModel> {
    await this.write(() => this.client.updateQueueMember(domainId, queueId, memberId, map.queueMemberParams(input)));
    return this.readBack(this.queueMember(domainId, queueId, memberId), 'queue member', memberId);
  }

  deleteQueueMember(domainId: string, queueId: string, memberId: string): Promise<void> {
    return this.write(() => this.client.deleteQueueMember(domainId, queueId, memberId));
  }

  setQueueMemberOrder(domainId: string, queueId: string, memberIds: string[]): Promise<void> {
    return this.write(() => this.client.setQueueMemberOrder(domainId, queueId, memberIds));
  }

  // ---- trusted networks

  trustedNetworks(domainId: string, options: ListOptions<TrustedNetworkField>): Promise<Page<TrustedNetworkModel>> {
    return this.once(`trustedNetworks:${domainId}:${JSON.stringify(options)}`, async () => {
      const rows = await this.client.listTrustedNetworks(domainId, toListQuery(LIST_FIELDS.trustedNetwork, options));
      const networks = rows.map((row) => map.toTrustedNetwork(this.connection, domainId, row));
      for (const network of networks) this.trustedNetworkLoader.prime(key(domainId, network.networkId), network);
      return toPage(networks, options);
    });
  }

  trustedNetwork(domainId: string, networkId: string): Promise<TrustedNetworkModel | null> {
    return this.trustedNetworkLoader.load(key(domainId, networkId));
  }

  async createTrustedNetwork(domainId: string, input: TrustedNetworkInput): Promise<TrustedNetworkModel> {
    const networkId = await this.write(() => this.client.createTrustedNetwork(domainId, { network: input.network, description: input.description }));
    return this.readBack(this.trustedNetwork(domainId, networkId), 'trusted network', networkId);
  }

  async updateTrustedNetwork(domainId: string, networkId: string, input: TrustedNetworkInput): Promise<TrustedNetworkModel> {
    await this.write(() => this.client.updateTrustedNetwork(domainId, networkId, { network: input.network, description: input.description }));
    return this.readBack(this.trustedNetwork(domainId, networkId), 'trusted network', networkId);
  }

  deleteTrustedNetwork(domainId: string, networkId: string): Promise<void> {
    return this.write(() => this.client.deleteTrustedNetwork(domainId, networkId));
  }

  // ---- PBX devices

  devices(domainId: string, options: ListOptions<DeviceField>): Promise<Page<DeviceModel>> {
    return this.once(`devices:${domainId}:${JSON.stringify(options)}`, async () => {
      const rows = await this.client.listDevices(domainId, toListQuery(LIST_FIELDS.device, options));
      const devices = rows.map((row) => map.toDevice(this.connection, domainId, row));
      for (const device of devices) this.deviceLoader.prime(key(domainId, device.deviceId), device);
      return toPage(devices, options);
    });
  }

  device(domainId: string, deviceId: string): Promise<DeviceModel | null> {
    return this.deviceLoader.load(key(domainId, deviceId));
  }

  userDevices(domainId: string, userId: string): Promise<DeviceModel[]> {
    return this.userDevicesLoader.load(key(domainId, userId));
  }

  async createDevice(domainId: string, input: DeviceInput): Promise<DeviceModel> {
    const deviceId = await this.write(() => this.client.createDevice(domainId, { pbxDeviceName: input.name, deviceMacAddress: input.macAddress }));
    return this.readBack(this.device(domainId, deviceId), 'device', deviceId);
  }

  async updateDevice(domainId: string, deviceId: string, input: DeviceInput): Promise<DeviceModel> {
    if (input.macAddress !== undefined) {
      throw new GatewayError(ErrorCode.NotSupported, 'Infinity cannot change the MAC address of a PBX device: delete it and create it anew', { field: 'macAddress' });
    }
    await this.write(() => this.client.updateDevice(domainId, deviceId, { pbxDeviceName: input.name }));
    return this.readBack(this.device(domainId, deviceId), 'device', deviceId);
  }

  deleteDevice(domainId: string, deviceId: string): Promise<void> {
    return this.write(() => this.client.deleteDevice(domainId, deviceId));
  }

  deviceAssignments(domainId: string, userId: string, options: ListOptions<'deviceName' | 'updatedAt'>): Promise<Page<DeviceAssignmentModel>> {
    return this.once(`deviceAssignments:${domainId}:${userId}:${JSON.stringify(options)}`, async () => {
      const rows = await this.client.listUserDevices(domainId, userId, toListQuery(LIST_FIELDS.userDevice, options));
      return toPage(
        rows.map((row) => map.toDeviceAssignment(this.connection, domainId, row)),
        options,
      );
    });
  }

  deviceAssignment(domainId: string, userId: string, deviceId: string): Promise<DeviceAssignmentModel | null> {
    return this.once(`deviceAssignment:${domainId}:${userId}:${deviceId}`, async () => {
      const row = await this.client.readUserDevice(domainId, userId, deviceId);
      return row ? map.toDeviceAssignment(this.connection, domainId, row) : null;
    });
  }

  async assignDevice(domainId: string, userId: string, deviceId: string): Promise<DeviceAssignmentModel> {
    const created = await this.write(() => this.client.createUserDevice(domainId, userId, deviceId));
    const assignment = await this.readBack(this.deviceAssignment(domainId, userId, deviceId), 'device assignment', deviceId);
    return { ...assignment, provisioningToken: str(created.pbxDeviceToken) || null };
  }

  unassignDevice(domainId: string, userId: string, deviceId: string): Promise<void> {
    return this.write(() => this.client.deleteUserDevice(domainId, userId, deviceId));
  }

  // ---- planning

  /** Which plan costs fewer calls for the groups of `userCount` users of one domain. */
  private async planUserGroups(domainId: string, userCount: number): Promise<'perUser' | 'invert'> {
    if (userCount <= 1) return 'perUser';
    const listed = this.memo.has(`allGroups:${domainId}`);
    let groupCount = listed ? (await this.allGroups(domainId)).length : this.stats.groupCount(domainId);
    let listCost = listed ? 0 : 1;
    if (groupCount === undefined) {
      // Unknown domain: one list call tells; it is spent either way, so only G vs U remains.
      groupCount = (await this.allGroups(domainId)).length;
      listCost = 0;
    }
    return listCost + groupCount < userCount ? 'invert' : 'perUser';
  }

  private async perUserGroups(domainId: string, userIds: string[]): Promise<Map<string, GroupModel[]>> {
    const lists = await Promise.all(userIds.map((u) => this.client.listUserGroups(domainId, u)));
    return new Map(userIds.map((u, i) => [u, lists[i]!.map((row) => map.toUserGroup(this.connection, domainId, row))]));
  }

  private async invertGroupMembers(domainId: string): Promise<Map<string, GroupModel[]>> {
    const groups = await this.allGroups(domainId);
    const members = await Promise.all(groups.map((g) => this.groupUsers(domainId, g.groupId)));
    const byUser = new Map<string, GroupModel[]>();
    groups.forEach((group, i) => {
      for (const member of members[i]!) append(byUser, member.userId, group);
    });
    return byUser;
  }

  /** Every group of the domain (paged through), memoized and primed into the by-id loader. */
  private allGroups(domainId: string): Promise<GroupModel[]> {
    return this.once(`allGroups:${domainId}`, async () => {
      const groups: GroupModel[] = [];
      for (let offset = 0; ; offset += FULL_LIST_PAGE) {
        const rows = await this.client.listGroups(domainId, { limit: FULL_LIST_PAGE, offset });
        groups.push(...rows.map((row) => map.toGroup(this.connection, domainId, row)));
        if (rows.length < FULL_LIST_PAGE) break;
      }
      for (const group of groups) this.groupLoader.prime(key(domainId, group.groupId), group);
      this.stats.recordGroupCount(domainId, groups.length);
      return groups;
    });
  }

  // ---- plumbing

  private byIdLoader<T>(fetch: (domainId: string, id: string) => Promise<T>): DataLoader<string, T> {
    return new DataLoader<string, T>((keys) =>
      Promise.all(
        keys.map((k) => {
          const [d, id] = split(k);
          return fetch(d, id).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
        }),
      ) as Promise<Array<T | Error>>,
    );
  }

  private once<T>(memoKey: string, fetch: () => Promise<T>): Promise<T> {
    let pending = this.memo.get(memoKey) as Promise<T> | undefined;
    if (!pending) {
      pending = fetch();
      this.memo.set(memoKey, pending);
      pending.catch(() => this.memo.delete(memoKey));
    }
    return pending;
  }

  private async listAllDevices(domainId: string, filters: Array<[string, string, string]>): Promise<DeviceModel[]> {
    const devices: DeviceModel[] = [];
    for (let offset = 0; ; offset += FULL_LIST_PAGE) {
      const rows = await this.client.listDevices(domainId, { filters, limit: FULL_LIST_PAGE, offset });
      devices.push(...rows.map((row) => map.toDevice(this.connection, domainId, row)));
      if (rows.length < FULL_LIST_PAGE) return devices;
    }
  }

  /** Runs a write, then forgets everything this request has read: it may be stale now. */
  private async write<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } finally {
      this.memo.clear();
      for (const loader of [
        this.domainLoader,
        this.userLoader,
        this.groupLoader,
        this.queueLoader,
        this.deviceLoader,
        this.trustedNetworkLoader,
        this.userGroupsLoader,
        this.groupUsersLoader,
        this.queueMembersLoader,
        this.userDevicesLoader,
      ] as Array<DataLoader<string, unknown>>) {
        loader.clearAll();
      }
    }
  }

  private async readBack<T>(read: Promise<T | null>, what: string, id: string): Promise<T> {
    const value = await read;
    if (value === null) {
      throw new GatewayError(ErrorCode.VendorBadResponse, `the ${what} ${id} was written but cannot be read back`, { vendor: this.vendor, connection: this.connection });
    }
    return value;
  }
}
