/**
 * Records → the rows Infinity sends (docs/vendors.md "Rows"): every value a string, flags "1"/"0",
 * datetimes `YYYY-MM-DD HH:MM:SS` UTC, an absent association "". Each resource names its fields
 * once; the row type is derived from that list, so a builder cannot drift from what lists accept
 * in `filter[]`, `sort[]` and `display[]`.
 */
import type { Domain, Group, PbxDevice, Queue, QueueMember, TrustedNetwork, User } from './state.js';

export type Row = Readonly<Record<string, string>>;
type RowOf<Fields extends readonly string[]> = Record<Fields[number], string>;

export const FIELDS = {
  domain: ['domainId', 'domainName', 'displayName', 'rec', 'createDatetime', 'updateDatetime'],
  user: [
    'userId',
    'domainId',
    'user',
    'displayName',
    'extensionNumber',
    'email',
    'firstName',
    'lastName',
    'jobName',
    'departmentName',
    'companyName',
    'officeName',
    'ukCallerId',
    'usCallerId',
    'mobileNumber',
    'mobileFollow',
    'ukPhoneId',
    'usPhoneId',
    'hotdeskAllowed',
    'dashboard',
  ],
  group: [
    'groupId',
    'domainId',
    'groupName',
    'displayName',
    'extensionNumber',
    'ringRetry',
    'ringExclusive',
    'callerNameFormat',
    'createDatetime',
    'updateDatetime',
  ],
  groupUser: ['groupId', 'userId', 'user', 'displayName', 'extensionNumber'],
  userGroup: ['userId', 'groupId', 'groupName', 'displayName', 'extensionNumber'],
  queue: [
    'queueId',
    'domainId',
    'queueName',
    'displayName',
    'extensionNumber',
    'callerNameFormat',
    'createDatetime',
    'updateDatetime',
  ],
  queueMember: ['queueMemberId', 'queueId', 'groupId', 'ringStrategy', 'ringAttempts', 'ringSecs', 'ringOrder'],
  trustedNetwork: ['trustedNetworkId', 'domainId', 'network', 'description', 'createDatetime', 'updateDatetime'],
  pbxDevice: [
    'pbxDeviceId',
    'pbxDeviceName',
    'domainId',
    'deviceMacAddress',
    'createDatetime',
    'updateDatetime',
    'userId',
    'user',
  ],
  userDevice: ['userId', 'pbxDeviceId', 'user', 'updateDatetime', 'pbxDeviceName'],
} as const;

export function datetime(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

const flag = (value: boolean): string => (value ? '1' : '0');
const optionalId = (id: number | null): string => (id === null ? '' : String(id));

export function domainRow(domain: Domain): RowOf<typeof FIELDS.domain> {
  return {
    domainId: String(domain.domainId),
    domainName: domain.domainName,
    displayName: domain.displayName,
    rec: flag(domain.rec),
    createDatetime: datetime(domain.created),
    updateDatetime: datetime(domain.updated),
  };
}

/**
 * The doc lists no user row: its fields are the user's documented params (never the password or
 * the PIN). It documents no create or update time for a user, so a strict server has none.
 */
export function userRow(user: User): RowOf<typeof FIELDS.user> {
  return {
    userId: String(user.userId),
    domainId: String(user.domainId),
    user: user.user,
    displayName: user.displayName,
    extensionNumber: user.extensionNumber,
    email: user.email,
    firstName: user.firstName,
    lastName: user.lastName,
    jobName: user.jobName,
    departmentName: user.departmentName,
    companyName: user.companyName,
    officeName: user.officeName,
    ukCallerId: user.ukCallerId,
    usCallerId: user.usCallerId,
    mobileNumber: user.mobileNumber,
    mobileFollow: flag(user.mobileFollow),
    ukPhoneId: optionalId(user.ukPhoneId),
    usPhoneId: optionalId(user.usPhoneId),
    hotdeskAllowed: flag(user.hotdeskAllowed),
    dashboard: flag(user.dashboard),
  };
}

export function groupRow(group: Group): RowOf<typeof FIELDS.group> {
  return {
    groupId: String(group.groupId),
    domainId: String(group.domainId),
    groupName: group.groupName,
    displayName: group.displayName,
    extensionNumber: group.extensionNumber,
    ringRetry: flag(group.ringRetry),
    ringExclusive: flag(group.ringExclusive),
    callerNameFormat: group.callerNameFormat,
    createDatetime: datetime(group.created),
    updateDatetime: datetime(group.updated),
  };
}

export function groupUserRow(groupId: number, user: User): RowOf<typeof FIELDS.groupUser> {
  return {
    groupId: String(groupId),
    userId: String(user.userId),
    user: user.user,
    displayName: user.displayName,
    extensionNumber: user.extensionNumber,
  };
}

export function userGroupRow(userId: number, group: Group): RowOf<typeof FIELDS.userGroup> {
  return {
    userId: String(userId),
    groupId: String(group.groupId),
    groupName: group.groupName,
    displayName: group.displayName,
    extensionNumber: group.extensionNumber,
  };
}

export function queueRow(queue: Queue): RowOf<typeof FIELDS.queue> {
  return {
    queueId: String(queue.queueId),
    domainId: String(queue.domainId),
    queueName: queue.queueName,
    displayName: queue.displayName,
    extensionNumber: queue.extensionNumber,
    callerNameFormat: queue.callerNameFormat,
    createDatetime: datetime(queue.created),
    updateDatetime: datetime(queue.updated),
  };
}

export function queueMemberRow(member: QueueMember): RowOf<typeof FIELDS.queueMember> {
  return {
    queueMemberId: String(member.queueMemberId),
    queueId: String(member.queueId),
    groupId: String(member.groupId),
    ringStrategy: member.ringStrategy,
    ringAttempts: String(member.ringAttempts),
    ringSecs: String(member.ringSecs),
    ringOrder: String(member.ringOrder),
  };
}

export function trustedNetworkRow(network: TrustedNetwork): RowOf<typeof FIELDS.trustedNetwork> {
  return {
    trustedNetworkId: String(network.trustedNetworkId),
    domainId: String(network.domainId),
    network: network.network,
    description: network.description,
    createDatetime: datetime(network.created),
    updateDatetime: datetime(network.updated),
  };
}

export function pbxDeviceRow(device: PbxDevice, owner: User | undefined): RowOf<typeof FIELDS.pbxDevice> {
  return {
    pbxDeviceId: String(device.pbxDeviceId),
    pbxDeviceName: device.pbxDeviceName,
    domainId: String(device.domainId),
    deviceMacAddress: device.deviceMacAddress,
    createDatetime: datetime(device.created),
    updateDatetime: datetime(device.updated),
    userId: owner ? String(owner.userId) : '',
    user: owner?.user ?? '',
  };
}

/** The association row; its updateDatetime is the device's, which every (un)assignment bumps. */
export function userDeviceRow(device: PbxDevice, owner: User): RowOf<typeof FIELDS.userDevice> {
  return {
    userId: String(owner.userId),
    pbxDeviceId: String(device.pbxDeviceId),
    user: owner.user,
    updateDatetime: datetime(device.updated),
    pbxDeviceName: device.pbxDeviceName,
  };
}
