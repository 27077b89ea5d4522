/**
 * Infinity's rows as they travel: NDJSON, one object a line, every value a string (see
 * docs/vendors.md). Validated here, at the edge; nothing past map.ts sees these types.
 */
import { z } from 'zod';

/**
 * The API sends strings; a number is tolerated (map.ts reads every value through `str`). No
 * transforms here: rows are validated, not rebuilt, which keeps big lists cheap.
 */
const value = z.union([z.string(), z.number()]);
const optional = value.nullish();

const isValue = (v: unknown): boolean => typeof v === 'string' || Number.isFinite(v);

/**
 * For a row schema made of `value` and `optional` fields: whether zod would accept the row, told
 * without zod copying it (a list's rows are checked here, and only a row this refuses goes to zod,
 * whose error says where it differs). The row is then used as parsed: it may carry keys the schema
 * does not name, which map.ts never reads. Undefined for any other schema.
 */
export function rowCheck(schema: z.ZodType): ((row: unknown) => boolean) | undefined {
  let check = rowChecks.get(schema);
  if (check === undefined) rowChecks.set(schema, (check = buildRowCheck(schema)));
  return check ?? undefined;
}

const rowChecks = new WeakMap<z.ZodType, ((row: unknown) => boolean) | null>();

function buildRowCheck(schema: z.ZodType): ((row: unknown) => boolean) | null {
  // A strict object refuses unknown keys: zod alone can tell.
  if (!(schema instanceof z.ZodObject) || schema.def.catchall?._zod.def.type === 'never') return null;
  const required: string[] = [];
  const nullable: string[] = [];
  for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    if (field === value) required.push(key);
    else if (field === optional) nullable.push(key);
    else return null;
  }
  return (row) => {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) return false;
    const fields = row as Record<string, unknown>;
    for (const key of required) if (!isValue(fields[key])) return false;
    for (const key of nullable) if (fields[key] != null && !isValue(fields[key])) return false;
    return true;
  };
}

export const domainRow = z.object({
  domainId: value,
  domainName: optional,
  displayName: optional,
  rec: optional,
  createDatetime: optional,
  updateDatetime: optional,
});

export const userRow = z.object({
  userId: value,
  domainId: optional,
  user: value,
  displayName: optional,
  extensionNumber: optional,
  email: optional,
  firstName: optional,
  lastName: optional,
  jobName: optional,
  departmentName: optional,
  companyName: optional,
  officeName: optional,
  ukCallerId: optional,
  usCallerId: optional,
  mobileNumber: optional,
  mobileFollow: optional,
  ukPhoneId: optional,
  usPhoneId: optional,
  hotdeskAllowed: optional,
  dashboard: optional,
  createDatetime: optional,
  updateDatetime: optional,
});

export const groupRow = z.object({
  groupId: value,
  domainId: optional,
  groupName: value,
  displayName: optional,
  extensionNumber: optional,
  ringRetry: optional,
  ringExclusive: optional,
  callerNameFormat: optional,
  createDatetime: optional,
  updateDatetime: optional,
});

export const groupUserRow = z.object({
  groupId: value,
  userId: value,
  user: value,
  displayName: optional,
  extensionNumber: optional,
});

export const userGroupRow = z.object({
  userId: value,
  groupId: value,
  groupName: value,
  displayName: optional,
  extensionNumber: optional,
});

export const queueRow = z.object({
  queueId: value,
  domainId: optional,
  queueName: value,
  displayName: optional,
  extensionNumber: optional,
  callerNameFormat: optional,
  createDatetime: optional,
  updateDatetime: optional,
});

export const queueMemberRow = z.object({
  queueMemberId: value,
  queueId: optional,
  groupId: value,
  ringStrategy: optional,
  ringAttempts: optional,
  ringSecs: optional,
  ringOrder: optional,
});

export const trustedNetworkRow = z.object({
  trustedNetworkId: value,
  domainId: optional,
  network: value,
  description: optional,
  createDatetime: optional,
  updateDatetime: optional,
});

export const deviceRow = z.object({
  pbxDeviceId: value,
  pbxDeviceName: optional,
  domainId: optional,
  deviceMacAddress: optional,
  createDatetime: optional,
  updateDatetime: optional,
  userId: optional,
  user: optional,
});

export const userDeviceRow = z.object({
  userId: value,
  pbxDeviceId: value,
  user: optional,
  updateDatetime: optional,
  pbxDeviceName: optional,
});

export const userDeviceCreated = z.object({ pbxDeviceId: value, userId: value, pbxDeviceToken: optional });

/** A validated row value as a string; absent and null read as `""`, as the API means them. */
export function str(value: string | number | null | undefined): string {
  return value === undefined || value === null ? '' : typeof value === 'string' ? value : String(value);
}

export type DomainRow = z.infer<typeof domainRow>;
export type UserRow = z.infer<typeof userRow>;
export type GroupRow = z.infer<typeof groupRow>;
export type GroupUserRow = z.infer<typeof groupUserRow>;
export type UserGroupRow = z.infer<typeof userGroupRow>;
export type QueueRow = z.infer<typeof queueRow>;
export type QueueMemberRow = z.infer<typeof queueMemberRow>;
export type TrustedNetworkRow = z.infer<typeof trustedNetworkRow>;
export type DeviceRow = z.infer<typeof deviceRow>;
export type UserDeviceRow = z.infer<typeof userDeviceRow>;

/** Form params as sent: strings, numbers, or arrays for `name[]`. */
export type FormParams = Record<string, string | number | undefined | Array<string | number>>;

/** Wire names of the fields lists can be filtered and sorted on, by resource. */
export const LIST_FIELDS = {
  user: {
    userName: 'user',
    displayName: 'displayName',
    extension: 'extensionNumber',
    email: 'email',
    firstName: 'firstName',
    lastName: 'lastName',
  },
  group: { name: 'groupName', displayName: 'displayName', extension: 'extensionNumber' },
  queue: { name: 'queueName', displayName: 'displayName', extension: 'extensionNumber' },
  device: {
    name: 'pbxDeviceName',
    macAddress: 'deviceMacAddress',
    userId: 'userId',
    createdAt: 'createDatetime',
    updatedAt: 'updateDatetime',
  },
  trustedNetwork: { network: 'network', description: 'description' },
  userDevice: { deviceName: 'pbxDeviceName', updatedAt: 'updateDatetime' },
} as const;

/** The body of a 201: `{"userId":"12"}` and its siblings. */
export function createdIdOf(idKey: string) {
  return z.object({ [idKey]: value }).loose();
}
