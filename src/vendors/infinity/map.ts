/** Infinity wire rows → vendor-neutral models, and neutral inputs → form params. */
import type {
  DeviceAssignmentModel,
  DeviceModel,
  DomainModel,
  GroupModel,
  QueueMemberModel,
  QueueModel,
  RingStrategy,
  TrustedNetworkModel,
  UserModel,
} from '../../model.js';
import type { GroupInput, QueueInput, QueueMemberInput, UserInput } from '../ports.js';
import type {
  DeviceRow,
  DomainRow,
  FormParams,
  GroupRow,
  GroupUserRow,
  QueueMemberRow,
  QueueRow,
  TrustedNetworkRow,
  UserDeviceRow,
  UserGroupRow,
  UserRow,
} from './wire.js';

const VENDOR = 'infinity' as const;

const text = (value: string): string | null => (value === '' ? null : value);
const flag = (value: string): boolean | null => (value === '' ? null : value === '1');
const int = (value: string): number | null => (value === '' || !/^-?\d+$/.test(value) ? null : Number(value));

/** `2019-10-31 09:42:56` (UTC) → Date; anything unreadable → null rather than a wrong date. */
export function parseDatetime(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match.map(Number) as [number, number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return Number.isNaN(date.getTime()) || date.getUTCFullYear() < 1900 ? null : date;
}

export function toDomain(connection: string, row: DomainRow): DomainModel {
  return {
    vendor: VENDOR,
    connection,
    domainId: row.domainId,
    name: row.domainName || row.displayName || row.domainId,
    displayName: text(row.displayName),
    callRecording: flag(row.rec),
    registrar: text(row.domainName),
    createdAt: parseDatetime(row.createDatetime),
    updatedAt: parseDatetime(row.updateDatetime),
  };
}

export function toUser(connection: string, domainId: string, row: UserRow): UserModel {
  return {
    vendor: VENDOR,
    connection,
    domainId: row.domainId || domainId,
    userId: row.userId,
    complete: true,
    userName: row.user,
    displayName: text(row.displayName),
    extension: text(row.extensionNumber),
    email: text(row.email),
    firstName: text(row.firstName),
    lastName: text(row.lastName),
    jobTitle: text(row.jobName),
    department: text(row.departmentName),
    company: text(row.companyName),
    office: text(row.officeName),
    ukCallerId: text(row.ukCallerId),
    usCallerId: text(row.usCallerId),
    mobileNumber: text(row.mobileNumber),
    followToMobile: flag(row.mobileFollow),
    ukPhoneId: int(row.ukPhoneId),
    usPhoneId: int(row.usPhoneId),
    hotdeskAllowed: flag(row.hotdeskAllowed),
    onDashboard: flag(row.dashboard),
    createdAt: parseDatetime(row.createDatetime),
    updatedAt: parseDatetime(row.updateDatetime),
  };
}

/** A group's member row names only a few user fields: the rest is loaded if asked for. */
export function toGroupMember(connection: string, domainId: string, row: GroupUserRow): UserModel {
  return {
    vendor: VENDOR,
    connection,
    domainId,
    userId: row.userId,
    complete: false,
    userName: row.user,
    displayName: text(row.displayName),
    extension: text(row.extensionNumber),
  };
}

export function toGroup(connection: string, domainId: string, row: GroupRow): GroupModel {
  return {
    vendor: VENDOR,
    connection,
    domainId: row.domainId || domainId,
    groupId: row.groupId,
    complete: true,
    name: row.groupName,
    displayName: text(row.displayName),
    extension: text(row.extensionNumber),
    ringRetry: flag(row.ringRetry),
    ringExclusive: flag(row.ringExclusive),
    callerNameFormat: text(row.callerNameFormat),
    createdAt: parseDatetime(row.createDatetime),
    updatedAt: parseDatetime(row.updateDatetime),
  };
}

export function toUserGroup(connection: string, domainId: string, row: UserGroupRow): GroupModel {
  return {
    vendor: VENDOR,
    connection,
    domainId,
    groupId: row.groupId,
    complete: false,
    name: row.groupName,
    displayName: text(row.displayName),
    extension: text(row.extensionNumber),
  };
}

export function toQueue(connection: string, domainId: string, row: QueueRow): QueueModel {
  return {
    vendor: VENDOR,
    connection,
    domainId: row.domainId || domainId,
    queueId: row.queueId,
    name: row.queueName,
    displayName: text(row.displayName),
    extension: text(row.extensionNumber),
    callerNameFormat: text(row.callerNameFormat),
    createdAt: parseDatetime(row.createDatetime),
    updatedAt: parseDatetime(row.updateDatetime),
  };
}

function toRingStrategy(value: string): RingStrategy | null {
  return value === 'all' || value === 'huntLongestIdle' ? value : null;
}

export function toQueueMember(connection: string, domainId: string, queueId: string, row: QueueMemberRow): QueueMemberModel {
  return {
    vendor: VENDOR,
    connection,
    domainId,
    queueId: row.queueId || queueId,
    memberId: row.queueMemberId,
    groupId: row.groupId,
    ringStrategy: toRingStrategy(row.ringStrategy),
    ringAttempts: int(row.ringAttempts),
    ringSeconds: int(row.ringSecs),
    ringOrder: int(row.ringOrder),
  };
}

export function toTrustedNetwork(connection: string, domainId: string, row: TrustedNetworkRow): TrustedNetworkModel {
  return {
    vendor: VENDOR,
    connection,
    domainId: row.domainId || domainId,
    networkId: row.trustedNetworkId,
    network: row.network,
    description: text(row.description),
    createdAt: parseDatetime(row.createDatetime),
    updatedAt: parseDatetime(row.updateDatetime),
  };
}

export function toDevice(connection: string, domainId: string, row: DeviceRow): DeviceModel {
  return {
    vendor: VENDOR,
    connection,
    domainId: row.domainId || domainId,
    deviceId: row.pbxDeviceId,
    name: row.pbxDeviceName,
    macAddress: text(row.deviceMacAddress)?.toUpperCase().replace(/-/g, ':') ?? null,
    userId: text(row.userId),
    userName: text(row.user),
    createdAt: parseDatetime(row.createDatetime),
    updatedAt: parseDatetime(row.updateDatetime),
  };
}

export function toDeviceAssignment(connection: string, domainId: string, row: UserDeviceRow): DeviceAssignmentModel {
  return {
    vendor: VENDOR,
    connection,
    domainId,
    userId: row.userId,
    deviceId: row.pbxDeviceId,
    userName: text(row.user),
    deviceName: text(row.pbxDeviceName),
    updatedAt: parseDatetime(row.updateDatetime),
  };
}

const bit = (value: boolean | undefined): number | undefined => (value === undefined ? undefined : value ? 1 : 0);

export function userParams(input: UserInput): FormParams {
  return {
    user: input.userName,
    password: input.password,
    displayName: input.displayName,
    pin: input.pin,
    extensionNumber: input.extension,
    email: input.email,
    firstName: input.firstName,
    lastName: input.lastName,
    jobName: input.jobTitle,
    departmentName: input.department,
    companyName: input.company,
    officeName: input.office,
    ukCallerId: input.ukCallerId,
    usCallerId: input.usCallerId,
    mobileNumber: input.mobileNumber,
    mobileFollow: bit(input.followToMobile),
    ukPhoneId: input.ukPhoneId,
    usPhoneId: input.usPhoneId,
    hotdeskAllowed: bit(input.hotdeskAllowed),
    dashboard: bit(input.onDashboard),
  };
}

export function groupParams(input: GroupInput): FormParams {
  return {
    groupName: input.name,
    displayName: input.displayName,
    extensionNumber: input.extension,
    ringRetry: bit(input.ringRetry),
    ringExclusive: bit(input.ringExclusive),
    callerNameFormat: input.callerNameFormat,
  };
}

/** The whole group as the update call takes it: the current row with the input laid over it. */
export function mergedGroupParams(current: GroupModel, input: GroupInput): FormParams {
  return groupParams({
    name: input.name ?? current.name,
    displayName: input.displayName ?? current.displayName ?? '',
    extension: input.extension ?? current.extension ?? '',
    ringRetry: input.ringRetry ?? current.ringRetry ?? false,
    ringExclusive: input.ringExclusive ?? current.ringExclusive ?? false,
    callerNameFormat: input.callerNameFormat ?? current.callerNameFormat ?? '',
  });
}

export function queueParams(input: QueueInput): FormParams {
  return {
    queueName: input.name,
    displayName: input.displayName,
    extensionNumber: input.extension,
    callerNameFormat: input.callerNameFormat,
  };
}

export function queueMemberParams(input: QueueMemberInput): FormParams {
  return {
    groupId: input.groupId,
    ringStrategy: input.ringStrategy,
    ringAttempts: input.ringAttempts,
    ringSecs: input.ringSeconds,
    ringOrder: input.ringOrder,
  };
}
