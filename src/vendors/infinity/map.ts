/** Infinity wire rows → vendor-neutral models (the other way: params.ts). */
import { normalizeMac } from '../../net.js';
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
import {
  type DeviceRow,
  type DomainRow,
  type GroupRow,
  type GroupUserRow,
  type QueueMemberRow,
  type QueueRow,
  type TrustedNetworkRow,
  type UserDeviceRow,
  type UserGroupRow,
  type UserRow,
  str,
} from './wire.js';

const VENDOR = 'infinity' as const;

const text = (value: string): string | null => (value === '' ? null : value);
const flag = (value: string): boolean | null => (value === '' ? null : value === '1');
const int = (value: string): number | null => (value === '' || !/^-?\d+$/.test(value) ? null : Number(value));

/** The vendor's MAC in the gateway's one spelling; kept as sent (upper-cased) if it is not a MAC. */
const macOf = (raw: string | null): string | null => (raw === null ? null : (normalizeMac(raw) ?? raw.toUpperCase()));

/** `2019-10-31 09:42:56` (UTC) → Date; anything unreadable → null rather than a wrong date. */
export function parseDatetime(value: string): Date | null {
  if (value.length !== 19 || value[4] !== '-' || value[7] !== '-' || value[10] !== ' ') return null;
  if (value[13] !== ':' || value[16] !== ':') return null;
  // Read digit by digit: this runs for every row of every list, and `new Date(string)` costs twice as much.
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 2);
  const day = digits(value, 8, 2);
  const hour = digits(value, 11, 2);
  const minute = digits(value, 14, 2);
  const second = digits(value, 17, 2);
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  // Date.UTC rolls 2024-02-30 over into March: a date that does not read back the same is refused.
  const readsBack = date.getUTCMonth() === month - 1 && date.getUTCDate() === day && date.getUTCHours() === hour;
  return readsBack && year >= 1900 && minute < 60 && second < 60 ? date : null;
}

/** The number in `length` decimal digits from `start`; NaN if any is not a digit. */
function digits(value: string, start: number, length: number): number {
  let number = 0;
  for (let i = start; i < start + length; i += 1) {
    const digit = value.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return Number.NaN;
    number = number * 10 + digit;
  }
  return number;
}

export function toDomain(connection: string, row: DomainRow): DomainModel {
  return {
    vendor: VENDOR,
    connection,
    domainId: str(row.domainId),
    name: str(row.domainName) || str(row.displayName) || str(row.domainId),
    displayName: text(str(row.displayName)),
    callRecording: flag(str(row.rec)),
    registrar: text(str(row.domainName)),
    createdAt: parseDatetime(str(row.createDatetime)),
    updatedAt: parseDatetime(str(row.updateDatetime)),
  };
}

export function toUser(connection: string, domainId: string, row: UserRow): UserModel {
  return {
    vendor: VENDOR,
    connection,
    domainId: str(row.domainId) || domainId,
    userId: str(row.userId),
    complete: true,
    userName: str(row.user),
    displayName: text(str(row.displayName)),
    extension: text(str(row.extensionNumber)),
    email: text(str(row.email)),
    firstName: text(str(row.firstName)),
    lastName: text(str(row.lastName)),
    jobTitle: text(str(row.jobName)),
    department: text(str(row.departmentName)),
    company: text(str(row.companyName)),
    office: text(str(row.officeName)),
    ukCallerId: text(str(row.ukCallerId)),
    usCallerId: text(str(row.usCallerId)),
    mobileNumber: text(str(row.mobileNumber)),
    followToMobile: flag(str(row.mobileFollow)),
    ukPhoneId: int(str(row.ukPhoneId)),
    usPhoneId: int(str(row.usPhoneId)),
    hotdeskAllowed: flag(str(row.hotdeskAllowed)),
    onDashboard: flag(str(row.dashboard)),
    createdAt: parseDatetime(str(row.createDatetime)),
    updatedAt: parseDatetime(str(row.updateDatetime)),
  };
}

/** A group's member row names only a few user fields: the rest is loaded if asked for. */
export function toGroupMember(connection: string, domainId: string, row: GroupUserRow): UserModel {
  return {
    vendor: VENDOR,
    connection,
    domainId,
    userId: str(row.userId),
    complete: false,
    userName: str(row.user),
    displayName: text(str(row.displayName)),
    extension: text(str(row.extensionNumber)),
  };
}

export function toGroup(connection: string, domainId: string, row: GroupRow): GroupModel {
  return {
    vendor: VENDOR,
    connection,
    domainId: str(row.domainId) || domainId,
    groupId: str(row.groupId),
    complete: true,
    name: str(row.groupName),
    displayName: text(str(row.displayName)),
    extension: text(str(row.extensionNumber)),
    ringRetry: flag(str(row.ringRetry)),
    ringExclusive: flag(str(row.ringExclusive)),
    callerNameFormat: text(str(row.callerNameFormat)),
    createdAt: parseDatetime(str(row.createDatetime)),
    updatedAt: parseDatetime(str(row.updateDatetime)),
  };
}

export function toUserGroup(connection: string, domainId: string, row: UserGroupRow): GroupModel {
  return {
    vendor: VENDOR,
    connection,
    domainId,
    groupId: str(row.groupId),
    complete: false,
    name: str(row.groupName),
    displayName: text(str(row.displayName)),
    extension: text(str(row.extensionNumber)),
  };
}

export function toQueue(connection: string, domainId: string, row: QueueRow): QueueModel {
  return {
    vendor: VENDOR,
    connection,
    domainId: str(row.domainId) || domainId,
    queueId: str(row.queueId),
    name: str(row.queueName),
    displayName: text(str(row.displayName)),
    extension: text(str(row.extensionNumber)),
    callerNameFormat: text(str(row.callerNameFormat)),
    createdAt: parseDatetime(str(row.createDatetime)),
    updatedAt: parseDatetime(str(row.updateDatetime)),
  };
}

function toRingStrategy(value: string): RingStrategy | null {
  return value === 'all' || value === 'huntLongestIdle' ? value : null;
}

export function toQueueMember(
  connection: string,
  domainId: string,
  queueId: string,
  row: QueueMemberRow,
): QueueMemberModel {
  return {
    vendor: VENDOR,
    connection,
    domainId,
    queueId: str(row.queueId) || queueId,
    memberId: str(row.queueMemberId),
    groupId: str(row.groupId),
    ringStrategy: toRingStrategy(str(row.ringStrategy)),
    ringAttempts: int(str(row.ringAttempts)),
    ringSeconds: int(str(row.ringSecs)),
    ringOrder: int(str(row.ringOrder)),
  };
}

export function toTrustedNetwork(connection: string, domainId: string, row: TrustedNetworkRow): TrustedNetworkModel {
  return {
    vendor: VENDOR,
    connection,
    domainId: str(row.domainId) || domainId,
    networkId: str(row.trustedNetworkId),
    network: str(row.network),
    description: text(str(row.description)),
    createdAt: parseDatetime(str(row.createDatetime)),
    updatedAt: parseDatetime(str(row.updateDatetime)),
  };
}

export function toDevice(connection: string, domainId: string, row: DeviceRow): DeviceModel {
  return {
    vendor: VENDOR,
    connection,
    domainId: str(row.domainId) || domainId,
    deviceId: str(row.pbxDeviceId),
    name: str(row.pbxDeviceName),
    macAddress: macOf(text(str(row.deviceMacAddress))),
    userId: text(str(row.userId)),
    userName: text(str(row.user)),
    createdAt: parseDatetime(str(row.createDatetime)),
    updatedAt: parseDatetime(str(row.updateDatetime)),
  };
}

export function toDeviceAssignment(connection: string, domainId: string, row: UserDeviceRow): DeviceAssignmentModel {
  return {
    vendor: VENDOR,
    connection,
    domainId,
    userId: str(row.userId),
    deviceId: str(row.pbxDeviceId),
    userName: text(str(row.user)),
    deviceName: text(str(row.pbxDeviceName)),
    updatedAt: parseDatetime(str(row.updateDatetime)),
  };
}
