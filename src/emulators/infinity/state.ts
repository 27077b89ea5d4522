/**
 * The SIP phone system behind the Infinity Config API v2, in memory, holding the rules the vendor
 * doc states and the ones docs/vendors.md settles where the doc is silent: uniqueness per domain,
 * MAC and CIDR formats, one user per device, cascades on delete, queue member order.
 *
 * Inputs are already typed (the routes decode the wire); every rule broken here is an
 * InfinityError whose message names the wire param, so the routes can send it as is.
 */
import { isIPv4, isIPv6 } from 'node:net';
import { badParam, notFound } from './errors.js';

interface Stamped {
  created: Date;
  updated: Date;
}

export interface DomainFields {
  displayName: string;
  rec: boolean;
}

export interface NewDomain extends DomainFields {
  domainName: string;
}

export interface Domain extends NewDomain, Stamped {
  domainId: number;
}

/** What an update may change: the doc's update params (the user name and phone ids are fixed at creation). */
export interface UserFields {
  password: string;
  displayName: string;
  pin: string;
  extensionNumber: string;
  email: string;
  firstName: string;
  lastName: string;
  jobName: string;
  departmentName: string;
  companyName: string;
  officeName: string;
  ukCallerId: string;
  usCallerId: string;
  mobileNumber: string;
  mobileFollow: boolean;
  hotdeskAllowed: boolean;
  dashboard: boolean;
}

export interface NewUser extends Partial<UserFields> {
  user: string;
  password: string;
  displayName: string;
  extensionNumber: string;
  ukPhoneId?: number;
  usPhoneId?: number;
}

export interface User extends UserFields, Stamped {
  userId: number;
  domainId: number;
  user: string;
  ukPhoneId: number | null;
  usPhoneId: number | null;
}

export interface GroupFields {
  groupName: string;
  displayName: string;
  extensionNumber: string;
  ringRetry: boolean;
  ringExclusive: boolean;
  callerNameFormat: string;
}

export interface Group extends GroupFields, Stamped {
  groupId: number;
  domainId: number;
}

export interface QueueFields {
  queueName: string;
  displayName: string;
  extensionNumber: string;
  callerNameFormat: string;
}

export type NewQueue = Omit<QueueFields, 'callerNameFormat'> & Partial<Pick<QueueFields, 'callerNameFormat'>>;

export interface Queue extends QueueFields, Stamped {
  queueId: number;
  domainId: number;
}

export const RING_STRATEGIES = ['all', 'huntLongestIdle'] as const;
export type RingStrategy = (typeof RING_STRATEGIES)[number];

export interface QueueMemberFields {
  groupId: number;
  ringStrategy: RingStrategy;
  ringAttempts: number;
  ringSecs: number;
  /** Lowest rings first. */
  ringOrder: number;
}

/** Without a ringOrder the member goes last. */
export type NewQueueMember = Omit<QueueMemberFields, 'ringOrder'> & Partial<Pick<QueueMemberFields, 'ringOrder'>>;

export interface QueueMember extends QueueMemberFields {
  queueMemberId: number;
  queueId: number;
}

export interface TrustedNetworkFields {
  /** IPv4 or IPv6 CIDR, kept exactly as given. */
  network: string;
  description: string;
}

export type NewTrustedNetwork = Omit<TrustedNetworkFields, 'description'> &
  Partial<Pick<TrustedNetworkFields, 'description'>>;

export interface TrustedNetwork extends TrustedNetworkFields, Stamped {
  trustedNetworkId: number;
  domainId: number;
}

export interface NewPbxDevice {
  pbxDeviceName: string;
  /** Any case, `:` or `-`; stored upper-case with `:`. */
  deviceMacAddress: string;
}

export interface PbxDevice extends NewPbxDevice, Stamped {
  pbxDeviceId: number;
  domainId: number;
  /** The one user the device is associated with, if any. */
  userId: number | null;
}

const EXTENSION = /^\d{2,8}$/;
/** The characters a SIP URI user part can carry without escaping, which is all a user name needs. */
const USER_NAME = /^[A-Za-z0-9._-]{1,64}$/;
/** Six hex pairs, one separator style throughout. */
const MAC = /^[0-9a-f]{2}([:-])[0-9a-f]{2}(?:\1[0-9a-f]{2}){4}$/i;
const CIDR = /^([^/%]+)\/(\d{1,3})$/;
const CALLER_NAME_VARIABLES = new Set(['displayName', 'srcPhoneNumber', 'dgrpName']);

export function normaliseMac(value: string): string {
  if (!MAC.test(value)) throw badParam('deviceMacAddress', `"${value}" is not a MAC address like 10:20:30:1A:2B:3C`);
  return value.replaceAll('-', ':').toUpperCase();
}

export function checkCidr(value: string): string {
  const [, address = '', prefix = ''] = CIDR.exec(value) ?? [];
  const longestPrefix = isIPv4(address) ? 32 : isIPv6(address) ? 128 : -1;
  if (prefix === '' || Number(prefix) > longestPrefix)
    throw badParam('network', `"${value}" is not an IPv4 or IPv6 CIDR network (address/prefix)`);
  return value;
}

function checkExtension(value: string): string {
  if (!EXTENSION.test(value)) throw badParam('extensionNumber', `"${value}" must be 2 to 8 digits`);
  return value;
}

function checkUserName(value: string): string {
  if (!USER_NAME.test(value)) throw badParam('user', `"${value}" must be 1 to 64 of letters, digits, ".", "_" and "-"`);
  return value;
}

function checkCallerNameFormat(value: string): string {
  for (const [, variable = ''] of value.matchAll(/\{([^}]*)\}/g)) {
    if (!CALLER_NAME_VARIABLES.has(variable))
      throw badParam('callerNameFormat', `{${variable}} is not one of {displayName}, {srcPhoneNumber}, {dgrpName}`);
  }
  return value;
}

/** Values unique within a domain (user names, extensions, MACs), each with its holder for the clash message. */
class UniqueKeys {
  private readonly holders = new Map<string, string>();

  constructor(private readonly param: string) {}

  /** Throws unless `key` is free or already `holder`'s. */
  check(key: string, holder?: string): void {
    const current = this.holders.get(key);
    if (current !== undefined && current !== holder) throw badParam(this.param, `${key} is already used by ${current}`);
  }

  hold(key: string, holder: string): void {
    this.holders.set(key, holder);
  }

  release(key: string): void {
    this.holders.delete(key);
  }

  move(from: string, to: string, holder: string): void {
    this.release(from);
    this.hold(to, holder);
  }
}

interface DomainEntry {
  domain: Domain;
  users: Map<number, User>;
  groups: Map<number, Group>;
  /** groupId → ids of the users in it. */
  groupUsers: Map<number, Set<number>>;
  queues: Map<number, Queue>;
  queueMembers: Map<number, QueueMember>;
  trustedNetworks: Map<number, TrustedNetwork>;
  devices: Map<number, PbxDevice>;
  userNames: UniqueKeys;
  /** Shared by users, groups and queues: they are all dialled the same way. */
  extensions: UniqueKeys;
  macAddresses: UniqueKeys;
}

function lookup<T>(records: Map<number, T>, id: number, what: string): T {
  const record = records.get(id);
  if (!record) throw notFound(what, id);
  return record;
}

/**
 * Drops the keys whose value is `undefined`, so that spreading or assigning the input never writes
 * `undefined` over a default or a stored value. Only optional keys can be dropped: still a `T`.
 */
function definedOnly<T extends object>(input: T): T {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as T;
}

const holderOf = {
  user: (id: number) => `user ${id}`,
  group: (id: number) => `group ${id}`,
  queue: (id: number) => `queue ${id}`,
  device: (id: number) => `PBX device ${id}`,
};

type ResourceKind = 'domain' | 'user' | 'group' | 'queue' | 'queueMember' | 'trustedNetwork' | 'pbxDevice';

export class InfinityState {
  /** "Now" for createDatetime/updateDatetime; the seed swaps in a fixed clock so its data is reproducible. */
  clock: () => Date = () => new Date();

  private readonly entries = new Map<number, DomainEntry>();
  /** Ids are unique per resource type across the whole server, as Infinity's are. */
  private readonly lastIds: Record<ResourceKind, number> = {
    domain: 0,
    user: 0,
    group: 0,
    queue: 0,
    queueMember: 0,
    trustedNetwork: 0,
    pbxDevice: 0,
  };

  private nextId(kind: ResourceKind): number {
    this.lastIds[kind] += 1;
    return this.lastIds[kind];
  }

  private stamps(): Stamped {
    const now = this.clock();
    return { created: now, updated: now };
  }

  private entry(domainId: number): DomainEntry {
    return lookup(this.entries, domainId, 'domain');
  }

  // ---- domains: the API cannot create them, only the emulator's owner (the seed, a test) can

  addDomain(input: NewDomain): Domain {
    if ([...this.entries.values()].some((e) => e.domain.domainName === input.domainName))
      throw badParam('domainName', `${input.domainName} already exists`);
    const domain: Domain = { ...input, domainId: this.nextId('domain'), ...this.stamps() };
    this.entries.set(domain.domainId, {
      domain,
      users: new Map(),
      groups: new Map(),
      groupUsers: new Map(),
      queues: new Map(),
      queueMembers: new Map(),
      trustedNetworks: new Map(),
      devices: new Map(),
      userNames: new UniqueKeys('user'),
      extensions: new UniqueKeys('extensionNumber'),
      macAddresses: new UniqueKeys('deviceMacAddress'),
    });
    return domain;
  }

  domains(): Domain[] {
    return [...this.entries.values()].map((e) => e.domain);
  }

  domain(domainId: number): Domain {
    return this.entry(domainId).domain;
  }

  updateDomain(domainId: number, changes: Partial<DomainFields>): void {
    const domain = this.domain(domainId);
    Object.assign(domain, definedOnly(changes), { updated: this.clock() });
  }

  // ---- users

  users(domainId: number): User[] {
    return [...this.entry(domainId).users.values()];
  }

  user(domainId: number, userId: number): User {
    return lookup(this.entry(domainId).users, userId, 'user');
  }

  createUser(domainId: number, input: NewUser): User {
    const entry = this.entry(domainId);
    entry.userNames.check(checkUserName(input.user));
    entry.extensions.check(checkExtension(input.extensionNumber));
    const user: User = {
      pin: '',
      email: '',
      firstName: '',
      lastName: '',
      jobName: '',
      departmentName: '',
      companyName: '',
      officeName: '',
      ukCallerId: '',
      usCallerId: '',
      mobileNumber: '',
      mobileFollow: false,
      hotdeskAllowed: false,
      dashboard: false,
      ...definedOnly(input),
      ukPhoneId: input.ukPhoneId ?? null,
      usPhoneId: input.usPhoneId ?? null,
      userId: this.nextId('user'),
      domainId,
      ...this.stamps(),
    };
    entry.users.set(user.userId, user);
    entry.userNames.hold(user.user, holderOf.user(user.userId));
    entry.extensions.hold(user.extensionNumber, holderOf.user(user.userId));
    return user;
  }

  updateUser(domainId: number, userId: number, changes: Partial<UserFields>): void {
    const entry = this.entry(domainId);
    const user = this.user(domainId, userId);
    this.changeExtension(entry, user, changes.extensionNumber, holderOf.user(userId));
    Object.assign(user, definedOnly(changes), { updated: this.clock() });
  }

  /** Also takes the user out of its groups and frees its devices. */
  deleteUser(domainId: number, userId: number): void {
    const entry = this.entry(domainId);
    const user = this.user(domainId, userId);
    entry.users.delete(userId);
    entry.userNames.release(user.user);
    entry.extensions.release(user.extensionNumber);
    for (const members of entry.groupUsers.values()) members.delete(userId);
    for (const device of entry.devices.values()) {
      if (device.userId === userId) this.setOwner(device, null);
    }
  }

  /** Checks a new extension against the domain and moves the record onto it; no-op when unchanged or absent. */
  private changeExtension(
    entry: DomainEntry,
    record: { extensionNumber: string },
    extension: string | undefined,
    holder: string,
  ): void {
    if (extension === undefined || extension === record.extensionNumber) return;
    entry.extensions.check(checkExtension(extension), holder);
    entry.extensions.move(record.extensionNumber, extension, holder);
  }

  // ---- groups and their users

  groups(domainId: number): Group[] {
    return [...this.entry(domainId).groups.values()];
  }

  group(domainId: number, groupId: number): Group {
    return lookup(this.entry(domainId).groups, groupId, 'group');
  }

  createGroup(domainId: number, input: GroupFields): Group {
    const entry = this.entry(domainId);
    entry.extensions.check(checkExtension(input.extensionNumber));
    checkCallerNameFormat(input.callerNameFormat);
    const group: Group = { ...input, groupId: this.nextId('group'), domainId, ...this.stamps() };
    entry.groups.set(group.groupId, group);
    entry.groupUsers.set(group.groupId, new Set());
    entry.extensions.hold(group.extensionNumber, holderOf.group(group.groupId));
    return group;
  }

  updateGroup(domainId: number, groupId: number, changes: Partial<GroupFields>): void {
    const entry = this.entry(domainId);
    const group = this.group(domainId, groupId);
    if (changes.callerNameFormat !== undefined) checkCallerNameFormat(changes.callerNameFormat);
    this.changeExtension(entry, group, changes.extensionNumber, holderOf.group(groupId));
    Object.assign(group, definedOnly(changes), { updated: this.clock() });
  }

  /** Also drops its memberships and the queue members that ring it. */
  deleteGroup(domainId: number, groupId: number): void {
    const entry = this.entry(domainId);
    const group = this.group(domainId, groupId);
    entry.groups.delete(groupId);
    entry.groupUsers.delete(groupId);
    entry.extensions.release(group.extensionNumber);
    for (const member of [...entry.queueMembers.values()]) {
      if (member.groupId === groupId) entry.queueMembers.delete(member.queueMemberId);
    }
  }

  groupUsers(domainId: number, groupId: number): User[] {
    const members = this.membersOf(this.entry(domainId), groupId);
    return this.users(domainId).filter((user) => members.has(user.userId));
  }

  userGroups(domainId: number, userId: number): Group[] {
    const entry = this.entry(domainId);
    this.user(domainId, userId);
    return this.groups(domainId).filter((group) => this.membersOf(entry, group.groupId).has(userId));
  }

  /** Users already in the group stay as they are; an unknown user fails the whole call. */
  addGroupUsers(domainId: number, groupId: number, userIds: number[]): void {
    const members = this.membersOf(this.entry(domainId), groupId);
    this.requireUsers(domainId, userIds, 'userSpec');
    for (const userId of userIds) members.add(userId);
  }

  removeGroupUsers(domainId: number, groupId: number, userIds: number[]): void {
    const members = this.membersOf(this.entry(domainId), groupId);
    const outsider = userIds.find((userId) => !members.has(userId));
    if (outsider !== undefined) throw badParam('userSpec', `user ${outsider} is not in group ${groupId}`);
    for (const userId of userIds) members.delete(userId);
  }

  /** The same membership seen from the user's side (`POST …/users/{u}/groups`). */
  addUserGroups(domainId: number, userId: number, groupIds: number[]): void {
    const entry = this.entry(domainId);
    this.user(domainId, userId);
    const unknown = groupIds.find((groupId) => !entry.groups.has(groupId));
    if (unknown !== undefined) throw badParam('groupSpec', `group ${unknown} is not in domain ${domainId}`);
    for (const groupId of groupIds) this.membersOf(entry, groupId).add(userId);
  }

  private membersOf(entry: DomainEntry, groupId: number): Set<number> {
    return lookup(entry.groupUsers, groupId, 'group');
  }

  private requireUsers(domainId: number, userIds: number[], param: string): void {
    const users = this.entry(domainId).users;
    const unknown = userIds.find((userId) => !users.has(userId));
    if (unknown !== undefined) throw badParam(param, `user ${unknown} is not in domain ${domainId}`);
  }

  // ---- queues and their members

  queues(domainId: number): Queue[] {
    return [...this.entry(domainId).queues.values()];
  }

  queue(domainId: number, queueId: number): Queue {
    return lookup(this.entry(domainId).queues, queueId, 'queue');
  }

  createQueue(domainId: number, input: NewQueue): Queue {
    const entry = this.entry(domainId);
    entry.extensions.check(checkExtension(input.extensionNumber));
    if (input.callerNameFormat !== undefined) checkCallerNameFormat(input.callerNameFormat);
    const queue: Queue = {
      callerNameFormat: '',
      ...definedOnly(input),
      queueId: this.nextId('queue'),
      domainId,
      ...this.stamps(),
    };
    entry.queues.set(queue.queueId, queue);
    entry.extensions.hold(queue.extensionNumber, holderOf.queue(queue.queueId));
    return queue;
  }

  updateQueue(domainId: number, queueId: number, changes: Partial<QueueFields>): void {
    const entry = this.entry(domainId);
    const queue = this.queue(domainId, queueId);
    if (changes.callerNameFormat !== undefined) checkCallerNameFormat(changes.callerNameFormat);
    this.changeExtension(entry, queue, changes.extensionNumber, holderOf.queue(queueId));
    Object.assign(queue, definedOnly(changes), { updated: this.clock() });
  }

  /** Also deletes its members. */
  deleteQueue(domainId: number, queueId: number): void {
    const entry = this.entry(domainId);
    const queue = this.queue(domainId, queueId);
    for (const member of this.queueMembers(domainId, queueId)) entry.queueMembers.delete(member.queueMemberId);
    entry.queues.delete(queueId);
    entry.extensions.release(queue.extensionNumber);
  }

  /** In ring order (ties by id), the order the queue rings them. */
  queueMembers(domainId: number, queueId: number): QueueMember[] {
    this.queue(domainId, queueId);
    return [...this.entry(domainId).queueMembers.values()]
      .filter((member) => member.queueId === queueId)
      .sort((a, b) => a.ringOrder - b.ringOrder || a.queueMemberId - b.queueMemberId);
  }

  queueMember(domainId: number, queueId: number, queueMemberId: number): QueueMember {
    this.queue(domainId, queueId);
    const member = lookup(this.entry(domainId).queueMembers, queueMemberId, 'queue member');
    if (member.queueId !== queueId) throw notFound('queue member', queueMemberId);
    return member;
  }

  createQueueMember(domainId: number, queueId: number, input: NewQueueMember): QueueMember {
    const entry = this.entry(domainId);
    const siblings = this.queueMembers(domainId, queueId);
    this.requireGroup(entry, input.groupId);
    const last = Math.max(0, ...siblings.map((member) => member.ringOrder));
    const member: QueueMember = {
      ringOrder: last + 1,
      ...definedOnly(input),
      queueMemberId: this.nextId('queueMember'),
      queueId,
    };
    entry.queueMembers.set(member.queueMemberId, member);
    return member;
  }

  updateQueueMember(
    domainId: number,
    queueId: number,
    queueMemberId: number,
    changes: Partial<QueueMemberFields>,
  ): void {
    const entry = this.entry(domainId);
    const member = this.queueMember(domainId, queueId, queueMemberId);
    if (changes.groupId !== undefined) this.requireGroup(entry, changes.groupId);
    Object.assign(member, definedOnly(changes));
  }

  deleteQueueMember(domainId: number, queueId: number, queueMemberId: number): void {
    this.queueMember(domainId, queueId, queueMemberId);
    this.entry(domainId).queueMembers.delete(queueMemberId);
  }

  /** `queueMemberIds` must name every member of the queue once; each gets ringOrder = index + 1. */
  orderQueueMembers(domainId: number, queueId: number, queueMemberIds: number[]): void {
    const members = this.queueMembers(domainId, queueId);
    const named = new Set(queueMemberIds);
    const complete =
      named.size === queueMemberIds.length &&
      named.size === members.length &&
      members.every((m) => named.has(m.queueMemberId));
    if (!complete)
      throw badParam(
        'queueMemberId',
        `must name each of the ${members.length} members of queue ${queueId} exactly once`,
      );
    const byId = this.entry(domainId).queueMembers;
    queueMemberIds.forEach((id, index) => {
      lookup(byId, id, 'queue member').ringOrder = index + 1;
    });
  }

  private requireGroup(entry: DomainEntry, groupId: number): void {
    if (!entry.groups.has(groupId))
      throw badParam('groupId', `group ${groupId} is not in domain ${entry.domain.domainId}`);
  }

  // ---- trusted networks

  trustedNetworks(domainId: number): TrustedNetwork[] {
    return [...this.entry(domainId).trustedNetworks.values()];
  }

  trustedNetwork(domainId: number, trustedNetworkId: number): TrustedNetwork {
    return lookup(this.entry(domainId).trustedNetworks, trustedNetworkId, 'trusted network');
  }

  createTrustedNetwork(domainId: number, input: NewTrustedNetwork): TrustedNetwork {
    const entry = this.entry(domainId);
    const network: TrustedNetwork = {
      network: checkCidr(input.network),
      description: input.description ?? '',
      trustedNetworkId: this.nextId('trustedNetwork'),
      domainId,
      ...this.stamps(),
    };
    entry.trustedNetworks.set(network.trustedNetworkId, network);
    return network;
  }

  updateTrustedNetwork(domainId: number, trustedNetworkId: number, changes: Partial<TrustedNetworkFields>): void {
    const network = this.trustedNetwork(domainId, trustedNetworkId);
    if (changes.network !== undefined) checkCidr(changes.network);
    Object.assign(network, definedOnly(changes), { updated: this.clock() });
  }

  deleteTrustedNetwork(domainId: number, trustedNetworkId: number): void {
    this.trustedNetwork(domainId, trustedNetworkId);
    this.entry(domainId).trustedNetworks.delete(trustedNetworkId);
  }

  // ---- PBX devices and their one user

  devices(domainId: number): PbxDevice[] {
    return [...this.entry(domainId).devices.values()];
  }

  device(domainId: number, pbxDeviceId: number): PbxDevice {
    return lookup(this.entry(domainId).devices, pbxDeviceId, 'PBX device');
  }

  /** The user a device is associated with, for the rows that name it. */
  owner(device: PbxDevice): User | undefined {
    return device.userId === null ? undefined : this.entry(device.domainId).users.get(device.userId);
  }

  createDevice(domainId: number, input: NewPbxDevice): PbxDevice {
    const entry = this.entry(domainId);
    const mac = normaliseMac(input.deviceMacAddress);
    entry.macAddresses.check(mac);
    const device: PbxDevice = {
      pbxDeviceName: input.pbxDeviceName,
      deviceMacAddress: mac,
      userId: null,
      pbxDeviceId: this.nextId('pbxDevice'),
      domainId,
      ...this.stamps(),
    };
    entry.devices.set(device.pbxDeviceId, device);
    entry.macAddresses.hold(mac, holderOf.device(device.pbxDeviceId));
    return device;
  }

  renameDevice(domainId: number, pbxDeviceId: number, pbxDeviceName: string): void {
    const device = this.device(domainId, pbxDeviceId);
    device.pbxDeviceName = pbxDeviceName;
    device.updated = this.clock();
  }

  deleteDevice(domainId: number, pbxDeviceId: number): void {
    const entry = this.entry(domainId);
    const device = this.device(domainId, pbxDeviceId);
    entry.devices.delete(pbxDeviceId);
    entry.macAddresses.release(device.deviceMacAddress);
  }

  userDevices(domainId: number, userId: number): PbxDevice[] {
    this.user(domainId, userId);
    return this.devices(domainId).filter((device) => device.userId === userId);
  }

  /** 404 unless the device exists and is associated with this user. */
  userDevice(domainId: number, userId: number, pbxDeviceId: number): PbxDevice {
    this.user(domainId, userId);
    const device = this.device(domainId, pbxDeviceId);
    if (device.userId !== userId) throw notFound('PBX device', `${pbxDeviceId} of user ${userId}`);
    return device;
  }

  /** The device id comes from the body, so an unknown or taken device is a 400 naming pbxDeviceId. */
  assignDevice(domainId: number, userId: number, pbxDeviceId: number): PbxDevice {
    this.user(domainId, userId);
    const device = this.entry(domainId).devices.get(pbxDeviceId);
    if (!device) throw badParam('pbxDeviceId', `PBX device ${pbxDeviceId} is not in domain ${domainId}`);
    if (device.userId === userId)
      throw badParam('pbxDeviceId', `PBX device ${pbxDeviceId} already belongs to user ${userId}`);
    if (device.userId !== null)
      throw badParam('pbxDeviceId', `PBX device ${pbxDeviceId} belongs to user ${device.userId}`);
    this.setOwner(device, userId);
    return device;
  }

  unassignDevice(domainId: number, userId: number, pbxDeviceId: number): void {
    this.setOwner(this.userDevice(domainId, userId, pbxDeviceId), null);
  }

  private setOwner(device: PbxDevice, userId: number | null): void {
    device.userId = userId;
    device.updated = this.clock();
  }
}
