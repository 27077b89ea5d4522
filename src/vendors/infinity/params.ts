/** Neutral inputs and list options → Infinity form params and list queries (the other way: map.ts). */
import type { DomainModel, GroupModel, Page } from '../../model.js';
import type { DomainInput, GroupInput, ListOptions, QueueInput, QueueMemberInput, UserInput } from '../ports.js';
import type { ListQuery } from './client.js';
import { pageOf } from '../shared/paging.js';
import type { FormParams } from './wire.js';

/** Rows fetched per call when the gateway needs a whole list (a substring filter). */
const WHOLE_LIST_PAGE = 1000;

/**
 * Neutral list options → the vendor's filters, sorting and limit/offset, field names mapped by
 * `fields`. Only `eq` is sent (WIRE-NOTES.md: "`eq` is the operand seen"); `contains` is applied
 * by `pageContaining`.
 */
export function toListQuery<F extends string>(
  fields: Record<F, string>,
  options: ListOptions<F>,
  extra = 1,
): ListQuery {
  const filters: Array<[string, string, string]> = [];
  for (const [field, value] of Object.entries(options.equals ?? {}) as Array<[F, string | undefined]>) {
    if (value !== undefined) filters.push([fields[field], 'eq', value]);
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
  return {
    items: rows.slice(0, options.page.limit),
    offset: options.page.offset,
    hasNextPage: rows.length > options.page.limit,
    totalCount: null,
  };
}

export function containsFilters<F extends string>(options: ListOptions<F>): Array<[F, string]> {
  return (Object.entries(options.contains ?? {}) as Array<[F, string | undefined]>).filter(
    (e): e is [F, string] => e[1] !== undefined,
  );
}

/**
 * A substring filter the server cannot be asked for: every row matching the `eq` filters is read
 * (sorted by the server, in pages of WHOLE_LIST_PAGE), kept when each field contains its text
 * (case-insensitive), then paged here, so offsets and `hasNextPage` count only kept rows.
 */
export async function pageContaining<F extends string, T extends object>(
  fields: Record<F, string>,
  options: ListOptions<F>,
  list: (query: ListQuery) => Promise<T[]>,
): Promise<Page<T>> {
  const { filters, sort } = toListQuery(fields, options);
  const wanted = containsFilters(options).map(([field, text]) => [field, text.toLowerCase()] as const);
  const kept: T[] = [];
  for (let offset = 0; ; offset += WHOLE_LIST_PAGE) {
    const rows = await list({ filters, sort, limit: WHOLE_LIST_PAGE, offset });
    for (const row of rows) {
      const values = row as Record<string, unknown>;
      if (
        wanted.every(([field, text]) =>
          String(values[field] ?? '')
            .toLowerCase()
            .includes(text),
        )
      )
        kept.push(row);
    }
    if (rows.length < WHOLE_LIST_PAGE) break;
  }
  return pageOf(kept, options.page);
}

/**
 * Fields an update can clear, by sending "": the params the doc marks OPTIONAL whose value is free
 * text. Names, extensions, passwords, flags and every group field (none OPTIONAL) cannot be cleared.
 */
export const CLEARABLE = {
  user: [
    'pin',
    'email',
    'firstName',
    'lastName',
    'jobTitle',
    'department',
    'company',
    'office',
    'ukCallerId',
    'usCallerId',
    'mobileNumber',
  ],
  queue: ['callerNameFormat'],
  trustedNetwork: ['description'],
} as const satisfies Record<string, readonly string[]>;

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

/**
 * What "Update SIP Group" gets for a group that has no caller name format: the param is not OPTIONAL
 * there and a strict server refuses it empty, so the doc's plainest format (its `{displayName}`
 * variable, also createGroup's default in the schema) is sent. docs/vendors.md, "Infinity".
 */
const DEFAULT_GROUP_CALLER_NAME_FORMAT = '{displayName}';

/** The whole group as the update call takes it: the current row with the input laid over it. */
export function mergedGroupParams(current: GroupModel, input: GroupInput): FormParams {
  return groupParams({
    name: input.name ?? current.name,
    displayName: input.displayName ?? current.displayName ?? '',
    extension: input.extension ?? current.extension ?? '',
    ringRetry: input.ringRetry ?? current.ringRetry ?? false,
    ringExclusive: input.ringExclusive ?? current.ringExclusive ?? false,
    callerNameFormat: input.callerNameFormat ?? current.callerNameFormat ?? DEFAULT_GROUP_CALLER_NAME_FORMAT,
  });
}

/** Both params of "Update SIP Domain" (neither is OPTIONAL there): the current domain with the input laid over it. */
export function mergedDomainParams(current: DomainModel, input: DomainInput): FormParams {
  return {
    displayName: input.displayName ?? current.displayName ?? current.name,
    rec: bit(input.callRecording ?? current.callRecording ?? false),
  };
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
