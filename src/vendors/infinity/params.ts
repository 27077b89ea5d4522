/** Neutral inputs and list options → Infinity form params and list queries (the other way: map.ts). */
import type { GroupModel, Page } from '../../model.js';
import type { GroupInput, ListOptions, QueueInput, QueueMemberInput, UserInput } from '../ports.js';
import type { ListQuery } from './client.js';
import type { FormParams } from './wire.js';

/** Neutral list options → the vendor's filters, sorting and limit/offset, field names mapped by `fields`. */
export function toListQuery<F extends string>(fields: Record<F, string>, options: ListOptions<F>, extra = 1): ListQuery {
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

/** The rows of a `toListQuery` call (one extra row asked) → a page. */
export function toPage<T>(rows: T[], options: ListOptions): Page<T> {
  return { items: rows.slice(0, options.page.limit), offset: options.page.offset, hasNextPage: rows.length > options.page.limit, totalCount: null };
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
