/**
 * The Infinity Config API v2 SIP phone system, in memory: the rules the doc and docs/vendors.md
 * give (uniqueness, MAC and CIDR formats, one user per device, cascades on delete). Every failure
 * is an EmulatorError with the HTTP status and message the vendor would send.
 */
import { isIP } from 'node:net';

export class EmulatorError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface Domain {
  domainId: number;
  domainName: string;
  displayName: string;
  rec: number;
  created: Date;
  updated: Date;
}

export interface User {
  userId: number;
  domainId: number;
  user: string;
  password: string;
  pin: string;
  displayName: string;
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
  mobileFollow: number;
  ukPhoneId: string;
  usPhoneId: string;
  hotdeskAllowed: number;
  dashboard: number;
  created: Date;
  updated: Date;
}

export interface Group {
  groupId: number;
  domainId: number;
  groupName: string;
  displayName: string;
  extensionNumber: string;
  ringRetry: number;
  ringExclusive: number;
  callerNameFormat: string;
  created: Date;
  updated: Date;
}

export interface Queue {
  queueId: number;
  domainId: number;
  queueName: string;
  displayName: string;
  extensionNumber: string;
  callerNameFormat: string;
  created: Date;
  updated: Date;
}

export type RingStrategy = 'all' | 'huntLongestIdle';

export interface QueueMember {
  queueMemberId: number;
  queueId: number;
  groupId: number;
  ringStrategy: RingStrategy;
  ringAttempts: number;
  ringSecs: number;
  ringOrder: number;
}

export interface TrustedNetwork {
  trustedNetworkId: number;
  domainId: number;
  network: string;
  description: string;
  created: Date;
  updated: Date;
}

export interface Device {
  pbxDeviceId: number;
  domainId: number;
  pbxDeviceName: string;
  deviceMacAddress: string;
  userId: number | null;
  token: string;
  created: Date;
  updated: Date;
}

const EXTENSION = /^\d{2,8}$/;
const MAC = /^([0-9A-Fa-f]{2})[:-]([0-9A-Fa-f]{2})[:-]([0-9A-Fa-f]{2})[:-]([0-9A-Fa-f]{2})[:-]([0-9A-Fa-f]{2})[:-]([0-9A-Fa-f]{2})$/;

export function normaliseMac(value: string): string {
  const match = MAC.exec(value.trim());
  if (!match) throw new EmulatorError(400, `deviceMacAddress: "${value}" is not a MAC address`);
  return match.slice(1).join(':').toUpperCase();
}

export function checkCidr(value: string): string {
  const [address = '', prefix, extra] = value.trim().split('/');
  const family = isIP(address);
  const bits = Number(prefix);
  if (extra !== undefined || !family || !/^\d{1,3}$/.test(prefix ?? '') || bits > (family === 4 ? 32 : 128)) {
    throw new EmulatorError(400, `network: "${value}" is not a CIDR network`);
  }
  return value.trim();
}

function flag(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  if (value !== '0' && value !== '1') throw new EmulatorError(400, `${name}: must be 0 or 1`);
  return Number(value);
}

function positiveInt(name: string, value: string | undefined): number {
  if (value === undefined || !/^\d+$/.test(value)) throw new EmulatorError(400, `${name}: must be a non-negative integer`);
  return Number(value);
}

function required(name: string, value: string | undefined): string {
  if (value === undefined || value.trim() === '') throw new EmulatorError(400, `${name}: is required`);
  return value;
}

/** Form params after routing: plain strings, or arrays for `name[]`. */
export type Params = Record<string, string | undefined>;

export class InfinityState {
  readonly domains = new Map<number, Domain>();
  readonly users = new Map<number, User>();
  readonly groups = new Map<number, Group>();
  /** `${groupId}:${userId}` */
  readonly memberships = new Set<string>();
  readonly queues = new Map<number, Queue>();
  readonly members = new Map<number, QueueMember>();
  readonly networks = new Map<number, TrustedNetwork>();
  readonly devices = new Map<number, Device>();
  private nextId = { domain: 1, user: 1, group: 1, queue: 1, member: 1, network: 1, device: 1 };

  constructor(private readonly clock: () => Date = () => new Date()) {}

  // ---- lookups (404 for anything unknown in the path)

  domain(domainId: number): Domain {
    const domain = this.domains.get(domainId);
    if (!domain) throw new EmulatorError(404, `domain ${domainId} not found`);
    return domain;
  }

  user(domainId: number, userId: number): User {
    const user = this.users.get(userId);
    if (!user || user.domainId !== this.domain(domainId).domainId) throw new EmulatorError(404, `user ${userId} not found`);
    return user;
  }

  group(domainId: number, groupId: number): Group {
    const group = this.groups.get(groupId);
    if (!group || group.domainId !== this.domain(domainId).domainId) throw new EmulatorError(404, `group ${groupId} not found`);
    return group;
  }

  queue(domainId: number, queueId: number): Queue {
    const queue = this.queues.get(queueId);
    if (!queue || queue.domainId !== this.domain(domainId).domainId) throw new EmulatorError(404, `queue ${queueId} not found`);
    return queue;
  }

  member(domainId: number, queueId: number, memberId: number): QueueMember {
    const member = this.members.get(memberId);
    if (!member || member.queueId !== this.queue(domainId, queueId).queueId) throw new EmulatorError(404, `queue member ${memberId} not found`);
    return member;
  }

  network(domainId: number, networkId: number): TrustedNetwork {
    const network = this.networks.get(networkId);
    if (!network || network.domainId !== this.domain(domainId).domainId) throw new EmulatorError(404, `trusted network ${networkId} not found`);
    return network;
  }

  device(domainId: number, deviceId: number): Device {
    const device = this.devices.get(deviceId);
    if (!device || device.domainId !== this.domain(domainId).domainId) throw new EmulatorError(404, `PBX device ${deviceId} not found`);
    return device;
  }

  // ---- domains

  addDomain(domainName: string, displayName: string): Domain {
    const now = this.clock();
    const domain: Domain = { domainId: this.nextId.domain++, domainName, displayName, rec: 0, created: now, updated: now };
    this.domains.set(domain.domainId, domain);
    return domain;
  }

  updateDomain(domainId: number, params: Params): void {
    const domain = this.domain(domainId);
    if (params.displayName !== undefined) domain.displayName = params.displayName;
    domain.rec = flag('rec', params.rec, domain.rec);
    domain.updated = this.clock();
  }

  // ---- users

  createUser(domainId: number, params: Params): User {
    this.domain(domainId);
    const name = required('user', params.user);
    if (!/^[A-Za-z0-9._@+-]{1,64}$/.test(name)) throw new EmulatorError(400, `user: "${name}" has characters a SIP user name cannot have`);
    if ([...this.users.values()].some((u) => u.domainId === domainId && u.user === name)) throw new EmulatorError(400, `user: "${name}" already exists in the domain`);
    const extension = this.freeExtension(domainId, required('extensionNumber', params.extensionNumber));
    const now = this.clock();
    const user: User = {
      userId: this.nextId.user++,
      domainId,
      user: name,
      password: required('password', params.password),
      pin: params.pin ?? '',
      displayName: required('displayName', params.displayName),
      extensionNumber: extension,
      email: params.email ?? '',
      firstName: params.firstName ?? '',
      lastName: params.lastName ?? '',
      jobName: params.jobName ?? '',
      departmentName: params.departmentName ?? '',
      companyName: params.companyName ?? '',
      officeName: params.officeName ?? '',
      ukCallerId: params.ukCallerId ?? '',
      usCallerId: params.usCallerId ?? '',
      mobileNumber: params.mobileNumber ?? '',
      mobileFollow: flag('mobileFollow', params.mobileFollow, 0),
      ukPhoneId: params.ukPhoneId ?? '',
      usPhoneId: params.usPhoneId ?? '',
      hotdeskAllowed: flag('hotdeskAllowed', params.hotdeskAllowed, 0),
      dashboard: flag('dashboard', params.dashboard, 0),
      created: now,
      updated: now,
    };
    this.users.set(user.userId, user);
    return user;
  }

  updateUser(domainId: number, userId: number, params: Params): void {
    const user = this.user(domainId, userId);
    const next = { ...user };
    if (params.extensionNumber !== undefined && params.extensionNumber !== user.extensionNumber) next.extensionNumber = this.freeExtension(domainId, params.extensionNumber);
    for (const key of ['password', 'displayName', 'pin', 'email', 'firstName', 'lastName', 'jobName', 'departmentName', 'companyName', 'officeName', 'ukCallerId', 'usCallerId', 'mobileNumber'] as const) {
      if (params[key] !== undefined) next[key] = params[key];
    }
    next.mobileFollow = flag('mobileFollow', params.mobileFollow, user.mobileFollow);
    next.hotdeskAllowed = flag('hotdeskAllowed', params.hotdeskAllowed, user.hotdeskAllowed);
    next.dashboard = flag('dashboard', params.dashboard, user.dashboard);
    next.updated = this.clock();
    this.users.set(userId, next);
  }

  deleteUser(domainId: number, userId: number): void {
    this.user(domainId, userId);
    this.users.delete(userId);
    for (const key of [...this.memberships]) if (key.endsWith(`:${userId}`)) this.memberships.delete(key);
    for (const device of this.devices.values()) if (device.userId === userId) device.userId = null;
  }

  // ---- groups and memberships

  createGroup(domainId: number, params: Params): Group {
    this.domain(domainId);
    const now = this.clock();
    const group: Group = {
      groupId: this.nextId.group++,
      domainId,
      groupName: required('groupName', params.groupName),
      displayName: required('displayName', params.displayName),
      extensionNumber: this.freeExtension(domainId, required('extensionNumber', params.extensionNumber)),
      ringRetry: flag('ringRetry', params.ringRetry, 0),
      ringExclusive: flag('ringExclusive', params.ringExclusive, 0),
      callerNameFormat: params.callerNameFormat ?? '{displayName}',
      created: now,
      updated: now,
    };
    this.groups.set(group.groupId, group);
    return group;
  }

  updateGroup(domainId: number, groupId: number, params: Params): void {
    const group = this.group(domainId, groupId);
    const next = { ...group };
    if (params.extensionNumber !== undefined && params.extensionNumber !== group.extensionNumber) next.extensionNumber = this.freeExtension(domainId, params.extensionNumber);
    if (params.groupName !== undefined) next.groupName = required('groupName', params.groupName);
    if (params.displayName !== undefined) next.displayName = params.displayName;
    if (params.callerNameFormat !== undefined) next.callerNameFormat = params.callerNameFormat;
    next.ringRetry = flag('ringRetry', params.ringRetry, group.ringRetry);
    next.ringExclusive = flag('ringExclusive', params.ringExclusive, group.ringExclusive);
    next.updated = this.clock();
    this.groups.set(groupId, next);
  }

  deleteGroup(domainId: number, groupId: number): void {
    this.group(domainId, groupId);
    this.groups.delete(groupId);
    for (const key of [...this.memberships]) if (key.startsWith(`${groupId}:`)) this.memberships.delete(key);
    for (const member of [...this.members.values()]) if (member.groupId === groupId) this.members.delete(member.queueMemberId);
  }

  groupUsers(domainId: number, groupId: number): User[] {
    this.group(domainId, groupId);
    return [...this.users.values()].filter((u) => this.memberships.has(`${groupId}:${u.userId}`));
  }

  userGroups(domainId: number, userId: number): Group[] {
    this.user(domainId, userId);
    return [...this.groups.values()].filter((g) => this.memberships.has(`${g.groupId}:${userId}`));
  }

  /** Adding a member twice is a no-op; every id is checked before anything changes. */
  addMemberships(domainId: number, pairs: Array<[groupId: number, userId: number]>): void {
    for (const [g, u] of pairs) {
      this.group(domainId, g);
      this.user(domainId, u);
    }
    for (const [g, u] of pairs) this.memberships.add(`${g}:${u}`);
  }

  removeMemberships(domainId: number, groupId: number, userIds: number[]): void {
    this.group(domainId, groupId);
    for (const u of userIds) {
      if (!this.memberships.has(`${groupId}:${u}`)) throw new EmulatorError(400, `userSpec: user ${u} is not a member of group ${groupId}`);
    }
    for (const u of userIds) this.memberships.delete(`${groupId}:${u}`);
  }

  // ---- queues and members

  createQueue(domainId: number, params: Params): Queue {
    this.domain(domainId);
    const now = this.clock();
    const queue: Queue = {
      queueId: this.nextId.queue++,
      domainId,
      queueName: required('queueName', params.queueName),
      displayName: required('displayName', params.displayName),
      extensionNumber: this.freeExtension(domainId, required('extensionNumber', params.extensionNumber)),
      callerNameFormat: params.callerNameFormat ?? '{displayName}',
      created: now,
      updated: now,
    };
    this.queues.set(queue.queueId, queue);
    return queue;
  }

  updateQueue(domainId: number, queueId: number, params: Params): void {
    const queue = this.queue(domainId, queueId);
    const next = { ...queue };
    if (params.extensionNumber !== undefined && params.extensionNumber !== queue.extensionNumber) next.extensionNumber = this.freeExtension(domainId, params.extensionNumber);
    if (params.queueName !== undefined) next.queueName = required('queueName', params.queueName);
    if (params.displayName !== undefined) next.displayName = params.displayName;
    if (params.callerNameFormat !== undefined) next.callerNameFormat = params.callerNameFormat;
    next.updated = this.clock();
    this.queues.set(queueId, next);
  }

  deleteQueue(domainId: number, queueId: number): void {
    this.queue(domainId, queueId);
    this.queues.delete(queueId);
    for (const member of [...this.members.values()]) if (member.queueId === queueId) this.members.delete(member.queueMemberId);
  }

  queueMembers(domainId: number, queueId: number): QueueMember[] {
    this.queue(domainId, queueId);
    return [...this.members.values()].filter((m) => m.queueId === queueId);
  }

  createMember(domainId: number, queueId: number, params: Params): QueueMember {
    const existing = this.queueMembers(domainId, queueId);
    const groupId = positiveInt('groupId', params.groupId);
    this.group(domainId, groupId);
    const member: QueueMember = {
      queueMemberId: this.nextId.member++,
      queueId,
      groupId,
      ringStrategy: ringStrategy(required('ringStrategy', params.ringStrategy)),
      ringAttempts: positiveInt('ringAttempts', params.ringAttempts),
      ringSecs: positiveInt('ringSecs', params.ringSecs),
      ringOrder: params.ringOrder === undefined ? Math.max(0, ...existing.map((m) => m.ringOrder)) + 1 : positiveInt('ringOrder', params.ringOrder),
    };
    this.members.set(member.queueMemberId, member);
    return member;
  }

  updateMember(domainId: number, queueId: number, memberId: number, params: Params): void {
    const member = this.member(domainId, queueId, memberId);
    const next = { ...member };
    if (params.groupId !== undefined) next.groupId = this.group(domainId, positiveInt('groupId', params.groupId)).groupId;
    if (params.ringStrategy !== undefined) next.ringStrategy = ringStrategy(params.ringStrategy);
    if (params.ringAttempts !== undefined) next.ringAttempts = positiveInt('ringAttempts', params.ringAttempts);
    if (params.ringSecs !== undefined) next.ringSecs = positiveInt('ringSecs', params.ringSecs);
    if (params.ringOrder !== undefined) next.ringOrder = positiveInt('ringOrder', params.ringOrder);
    this.members.set(memberId, next);
  }

  deleteMember(domainId: number, queueId: number, memberId: number): void {
    this.member(domainId, queueId, memberId);
    this.members.delete(memberId);
  }

  /** Every member of the queue, each once; ringOrder becomes the array index + 1. */
  orderMembers(domainId: number, queueId: number, memberIds: number[]): void {
    const members = this.queueMembers(domainId, queueId);
    const expected = new Set(members.map((m) => m.queueMemberId));
    if (memberIds.length !== expected.size || new Set(memberIds).size !== memberIds.length || memberIds.some((id) => !expected.has(id))) {
      throw new EmulatorError(400, 'queueMemberId: must list every member of the queue exactly once');
    }
    memberIds.forEach((id, index) => {
      this.members.get(id)!.ringOrder = index + 1;
    });
  }

  // ---- trusted networks

  createNetwork(domainId: number, params: Params): TrustedNetwork {
    this.domain(domainId);
    const now = this.clock();
    const network: TrustedNetwork = {
      trustedNetworkId: this.nextId.network++,
      domainId,
      network: checkCidr(required('network', params.network)),
      description: params.description ?? '',
      created: now,
      updated: now,
    };
    this.networks.set(network.trustedNetworkId, network);
    return network;
  }

  updateNetwork(domainId: number, networkId: number, params: Params): void {
    const network = this.network(domainId, networkId);
    const next = { ...network };
    if (params.network !== undefined) next.network = checkCidr(params.network);
    if (params.description !== undefined) next.description = params.description;
    next.updated = this.clock();
    this.networks.set(networkId, next);
  }

  deleteNetwork(domainId: number, networkId: number): void {
    this.network(domainId, networkId);
    this.networks.delete(networkId);
  }

  // ---- PBX devices

  createDevice(domainId: number, params: Params): Device {
    this.domain(domainId);
    const mac = normaliseMac(required('deviceMacAddress', params.deviceMacAddress));
    if ([...this.devices.values()].some((d) => d.domainId === domainId && d.deviceMacAddress === mac)) throw new EmulatorError(400, `deviceMacAddress: ${mac} is already registered in the domain`);
    const now = this.clock();
    const device: Device = {
      pbxDeviceId: this.nextId.device++,
      domainId,
      pbxDeviceName: required('pbxDeviceName', params.pbxDeviceName),
      deviceMacAddress: mac,
      userId: null,
      token: '',
      created: now,
      updated: now,
    };
    this.devices.set(device.pbxDeviceId, device);
    return device;
  }

  updateDevice(domainId: number, deviceId: number, params: Params): void {
    const device = this.device(domainId, deviceId);
    if (params.pbxDeviceName !== undefined) device.pbxDeviceName = required('pbxDeviceName', params.pbxDeviceName);
    device.updated = this.clock();
  }

  deleteDevice(domainId: number, deviceId: number): void {
    this.device(domainId, deviceId);
    this.devices.delete(deviceId);
  }

  userDevices(domainId: number, userId: number): Device[] {
    this.user(domainId, userId);
    return [...this.devices.values()].filter((d) => d.userId === userId);
  }

  userDevice(domainId: number, userId: number, deviceId: number): Device {
    const device = this.device(domainId, deviceId);
    this.user(domainId, userId);
    if (device.userId !== userId) throw new EmulatorError(404, `PBX device ${deviceId} is not associated with user ${userId}`);
    return device;
  }

  assignDevice(domainId: number, userId: number, deviceId: number, token: string): Device {
    this.user(domainId, userId);
    const device = this.device(domainId, positiveInt('pbxDeviceId', String(deviceId)));
    if (device.userId === userId) throw new EmulatorError(400, `pbxDeviceId: device ${deviceId} is already associated with this user`);
    if (device.userId !== null) throw new EmulatorError(400, `pbxDeviceId: device ${deviceId} is associated with another user`);
    device.userId = userId;
    device.token = token;
    device.updated = this.clock();
    return device;
  }

  unassignDevice(domainId: number, userId: number, deviceId: number): void {
    const device = this.userDevice(domainId, userId, deviceId);
    device.userId = null;
    device.updated = this.clock();
  }

  /** An extension is unique in a domain across users, groups and queues. */
  private freeExtension(domainId: number, extension: string): string {
    if (!EXTENSION.test(extension)) throw new EmulatorError(400, `extensionNumber: "${extension}" must be 2 to 8 digits`);
    const taken =
      [...this.users.values()].some((u) => u.domainId === domainId && u.extensionNumber === extension) ||
      [...this.groups.values()].some((g) => g.domainId === domainId && g.extensionNumber === extension) ||
      [...this.queues.values()].some((q) => q.domainId === domainId && q.extensionNumber === extension);
    if (taken) throw new EmulatorError(400, `extensionNumber: ${extension} is already in use in the domain`);
    return extension;
  }
}

function ringStrategy(value: string): RingStrategy {
  if (value !== 'all' && value !== 'huntLongestIdle') throw new EmulatorError(400, `ringStrategy: must be "all" or "huntLongestIdle", got "${value}"`);
  return value;
}
