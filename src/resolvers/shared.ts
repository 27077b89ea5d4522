/** What every resolver file needs: paging arguments, id lookups, and the node registry. */
import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import type { GatewayContext, PortName } from '../context.js';
import { badInput, notFound } from '../errors.js';
import { decodeIdOf, type GlobalId } from '../ids.js';
import type { Page, PageRequest, SortDirection, SortKey } from '../model.js';
import type { RequestSources } from '../vendors/ports.js';

const CURSOR_PREFIX = 'offset:';

export function encodeCursor(offset: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${offset}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const offset = text.startsWith(CURSOR_PREFIX) ? Number(text.slice(CURSOR_PREFIX.length)) : Number.NaN;
  if (!Number.isInteger(offset) || offset < 0)
    throw badInput(`after: "${cursor}" is not a cursor from this API`, 'after');
  return offset + 1;
}

/** `first`/`after` → offset/limit, within the configured page size limit. */
export function pageRequest(
  ctx: GatewayContext,
  first: number | null | undefined,
  after: string | null | undefined,
): PageRequest {
  const limit = first ?? 100;
  if (!Number.isInteger(limit) || limit < 0 || limit > ctx.limits.maxPageSize) {
    throw badInput(`first must be between 0 and ${ctx.limits.maxPageSize}`, 'first');
  }
  return { limit, offset: after ? decodeCursor(after) : 0 };
}

export const pageInfoResolvers = {
  hasNextPage: (page: Page<unknown>) => page.hasNextPage,
  hasPreviousPage: (page: Page<unknown>) => page.offset > 0,
  startCursor: (page: Page<unknown>) => (page.items.length > 0 ? encodeCursor(page.offset) : null),
  endCursor: (page: Page<unknown>) =>
    page.items.length > 0 ? encodeCursor(page.offset + page.items.length - 1) : null,
};

/** The fields every connection type shares. */
export const connectionResolvers = {
  nodes: <T>(page: Page<T>) => page.items,
  pageInfo: <T>(page: Page<T>) => page,
  totalCount: <T>(page: Page<T>) => page.totalCount,
};

/** GraphQL `orderBy` (its enums already carry the ports' field names, see codegen.yml) → sort keys. */
export function sortKeys<F extends string>(
  orderBy: ReadonlyArray<{ field: F; direction?: SortDirection | null }> | null | undefined,
): SortKey<F>[] {
  return (orderBy ?? []).map((o) => ({ field: o.field, direction: o.direction ?? 'asc' }));
}

/** Drops undefined and null so inputs map onto optional port fields. */
export function defined<T extends object>(input: T): { [K in keyof T]?: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined && v !== null)) as {
    [K in keyof T]?: Exclude<T[K], null>;
  };
}

/**
 * An update input as a patch: fields left out are dropped; an explicit `null` is kept, meaning
 * "clear it", and the adapter clears it or refuses it (BAD_USER_INPUT) by what its vendor allows.
 */
export function patchOf<T extends object>(input: T): { [K in keyof T]?: T[K] } {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: T[K] };
}

export interface PortRef<P extends PortName> {
  source: NonNullable<RequestSources[P]>;
  id: GlobalId;
  /** The native key parts after the connection: for a user `[domainId, userId]`. */
  key: string[];
}

/** An id of `type`, decoded, with the `port` of its connection (NOT_CONFIGURED / NOT_SUPPORTED if none). */
export function portRef<P extends PortName>(
  ctx: GatewayContext,
  port: P,
  type: string,
  globalId: string,
  field = 'id',
): PortRef<P> {
  const id = decodeIdOf(type, globalId, field, ctx.connectionVendors);
  return { source: ctx.source(port, id.connection), id, key: id.key };
}

/** The answer of a list the connection's vendor has no such thing for. */
export function emptyPage<T>(page: PageRequest): Page<T> {
  return { items: [], offset: page.offset, hasNextPage: false, totalCount: 0 };
}

/**
 * Loads by id or throws NOT_FOUND. On a nullable field that is `null` plus an error with code
 * NOT_FOUND; in a mutation it stops the change before anything is written.
 */
export async function existing<T>(value: Promise<T | null>, what: string, id: string): Promise<T> {
  const found = await value;
  if (found === null) throw notFound(what, id);
  return found;
}

export type NodeLoader = (ctx: GatewayContext, id: GlobalId) => Promise<object | null>;

/** Tags a model with its GraphQL type, for Node.__resolveType. */
export const NODE_TYPE = Symbol('nodeType');

export function asNode<T extends object>(type: string, value: T | null): (T & { [NODE_TYPE]: string }) | null {
  return value === null
    ? null
    : Object.assign(Object.create(Object.getPrototypeOf(value) as object) as T, value, { [NODE_TYPE]: type });
}

export function badNodeType(type: string): Error {
  return badInput(`ids of type ${type} cannot be fetched with node()`, 'id');
}

/** The field names selected directly under this field (through fragments). */
export function selectedFields(
  info: GraphQLResolveInfo,
  selectionSet: SelectionSetNode | undefined = info.fieldNodes[0]?.selectionSet,
): Set<string> {
  const names = new Set<string>();
  const visit = (set: SelectionSetNode | undefined): void => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) names.add(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else visit(info.fragments[selection.name.value]?.selectionSet);
    }
  };
  visit(selectionSet);
  return names;
}

/** Whether the query selects `path` (e.g. ['nodes', 'groups']) below this field. */
export function selectsPath(info: GraphQLResolveInfo, path: string[]): boolean {
  let sets: Array<SelectionSetNode | undefined> = info.fieldNodes.map((n) => n.selectionSet);
  for (const name of path) {
    const next: Array<SelectionSetNode | undefined> = [];
    const visit = (set: SelectionSetNode | undefined): void => {
      for (const selection of set?.selections ?? []) {
        if (selection.kind === Kind.FIELD && selection.name.value === name)
          next.push(selection.selectionSet ?? undefined);
        else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
        else if (selection.kind === Kind.FRAGMENT_SPREAD) visit(info.fragments[selection.name.value]?.selectionSet);
      }
    };
    sets.forEach(visit);
    if (next.length === 0) return false;
    sets = next;
  }
  return true;
}
