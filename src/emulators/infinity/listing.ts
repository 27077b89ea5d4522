/**
 * The params every Infinity list takes (WIRE-NOTES.md, docs/vendors.md): `filter[]=field-op-value-v`
 * (ANDed), `sort[]=field-asc|desc`, `limit`, `offset`, `display[]=field`, `format=jsonarray`; and
 * the NDJSON that lists and reads answer with.
 */
import type { EmulatorResponse } from '../shared/harness.js';
import { badParam } from './errors.js';
import type { Row } from './rows.js';

/** Integers compare as numbers (so "9" < "10"), anything else as text. */
function compareValues(a: string, b: string): number {
  if (/^-?\d+$/.test(a) && /^-?\d+$/.test(b)) return Number(a) - Number(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

const OPERANDS: Record<string, (actual: string, wanted: string) => boolean> = {
  eq: (actual, wanted) => compareValues(actual, wanted) === 0,
  ne: (actual, wanted) => compareValues(actual, wanted) !== 0,
  lt: (actual, wanted) => compareValues(actual, wanted) < 0,
  gt: (actual, wanted) => compareValues(actual, wanted) > 0,
  lte: (actual, wanted) => compareValues(actual, wanted) <= 0,
  gte: (actual, wanted) => compareValues(actual, wanted) >= 0,
  like: (actual, wanted) => actual.toLowerCase().includes(wanted.toLowerCase()),
};

/** WIRE-NOTES.md: "`eq` is the operand seen". A server offers more only when told to. */
export const DOCUMENTED_OPERANDS: readonly string[] = ['eq'];
export const ALL_OPERANDS: readonly string[] = Object.keys(OPERANDS);

/** A filter whose operand this server does not offer is a 400, as an unknown operand is. */
export function refuseUnofferedOperands(query: URLSearchParams, offered: readonly string[]): void {
  for (const spec of query.getAll('filter[]')) {
    const operand = /^[A-Za-z]+-([a-z]+)-value-/.exec(spec)?.[1];
    if (operand !== undefined && !offered.includes(operand)) {
      throw badParam('filter', `unknown operand "${operand}" (operands: ${offered.join(', ')})`);
    }
  }
}

type Predicate = (row: Row) => boolean;
type Comparator = (a: Row, b: Row) => number;

interface ListQuery {
  filters: Predicate[];
  sorts: Comparator[];
  offset: number;
  limit: number | undefined;
  display: string[];
  format: 'ndjson' | 'jsonarray';
}

function requireField(param: string, field: string, fields: readonly string[]): string {
  if (!fields.includes(field)) throw badParam(param, `unknown field "${field}" (fields: ${fields.join(', ')})`);
  return field;
}

function parseFilter(spec: string, fields: readonly string[]): Predicate {
  const [, field = '', operand = '', wanted = ''] = /^([A-Za-z]+)-([a-z]+)-value-(.*)$/s.exec(spec) ?? [];
  if (!field) throw badParam('filter', `"${spec}" is not {field}-{operand}-value-{value}`);
  requireField('filter', field, fields);
  const test = OPERANDS[operand];
  if (!test) throw badParam('filter', `unknown operand "${operand}" (operands: ${Object.keys(OPERANDS).join(', ')})`);
  return (row) => test(row[field] ?? '', wanted);
}

function parseSort(spec: string, fields: readonly string[]): Comparator {
  const [, field = '', direction] = /^([A-Za-z]+)-(asc|desc)$/.exec(spec) ?? [];
  if (!field) throw badParam('sort', `"${spec}" is not {field}-asc or {field}-desc`);
  requireField('sort', field, fields);
  const sign = direction === 'desc' ? -1 : 1;
  return (a, b) => sign * compareValues(a[field] ?? '', b[field] ?? '');
}

function parseCount(param: string, raw: string | null): number | undefined {
  if (raw === null) return undefined;
  if (!/^\d+$/.test(raw)) throw badParam(param, `"${raw}" is not a non-negative integer`);
  return Number(raw);
}

function parseFormat(raw: string | null): ListQuery['format'] {
  if (raw === null) return 'ndjson';
  if (raw === 'jsonarray') return raw;
  throw badParam('format', `"${raw}" is not supported here (only jsonarray)`);
}

/** Everything is checked before any row is touched: a bad param fails the call, as a query would. */
function parseListQuery(query: URLSearchParams, fields: readonly string[]): ListQuery {
  return {
    filters: query.getAll('filter[]').map((spec) => parseFilter(spec, fields)),
    sorts: query.getAll('sort[]').map((spec) => parseSort(spec, fields)),
    offset: parseCount('offset', query.get('offset')) ?? 0,
    limit: parseCount('limit', query.get('limit')),
    display: query.getAll('display[]').map((field) => requireField('display', field, fields)),
    format: parseFormat(query.get('format')),
  };
}

function applyListQuery(rows: readonly Row[], list: ListQuery): Row[] {
  const kept = rows.filter((row) => list.filters.every((keep) => keep(row)));
  // Array.prototype.sort is stable: rows equal on every sort field keep their id order.
  if (list.sorts.length > 0) kept.sort((a, b) => list.sorts.reduce((order, compare) => order || compare(a, b), 0));
  const page = kept.slice(list.offset, list.limit === undefined ? undefined : list.offset + list.limit);
  if (list.display.length === 0) return page;
  return page.map((row) => Object.fromEntries(list.display.map((field) => [field, row[field] ?? ''])));
}

export function ndjsonResponse(rows: readonly Row[]): EmulatorResponse {
  return {
    status: 200,
    headers: { 'content-type': 'application/x-ndjson' },
    body: rows.map((row) => `${JSON.stringify(row)}\n`).join(''),
  };
}

/** A list call: `rows` in id order, `fields` the resource's fields (known even when there are no rows). */
export function listResponse(
  rows: readonly Row[],
  fields: readonly string[],
  query: URLSearchParams,
): EmulatorResponse {
  const list = parseListQuery(query, fields);
  const result = applyListQuery(rows, list);
  if (list.format === 'jsonarray')
    return { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(result) };
  return ndjsonResponse(result);
}
