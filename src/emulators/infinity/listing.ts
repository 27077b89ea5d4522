/**
 * What every Infinity list takes (WIRE-NOTES.md, docs/vendors.md): `filter[]=field-op-value-v`
 * (ANDed), `sort[]=field-asc|desc`, `limit`, `offset`, `display[]`, and `format=jsonarray`.
 */
import type { EmulatorResponse } from '../shared/harness.js';
import { EmulatorError } from './state.js';
import type { Row } from './rows.js';

const OPERATORS: Record<string, (actual: string, wanted: string) => boolean> = {
  eq: (a, w) => a === w,
  ne: (a, w) => a !== w,
  lt: (a, w) => compare(a, w) < 0,
  gt: (a, w) => compare(a, w) > 0,
  lte: (a, w) => compare(a, w) <= 0,
  gte: (a, w) => compare(a, w) >= 0,
  like: (a, w) => a.toLowerCase().includes(w.toLowerCase()),
};

/** Numbers compare as numbers when both sides are integers. */
function compare(a: string, b: string): number {
  if (/^-?\d+$/.test(a) && /^-?\d+$/.test(b)) return Number(a) - Number(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

function parseFilter(spec: string, fields: Set<string>): (row: Row) => boolean {
  const match = /^([A-Za-z]+)-([a-z]+)-value-(.*)$/s.exec(spec);
  if (!match) throw new EmulatorError(400, `filter: "${spec}" is not field-operand-value-value`);
  const [, field = '', op = '', wanted = ''] = match;
  const test = OPERATORS[op];
  if (!fields.has(field)) throw new EmulatorError(400, `filter: unknown field "${field}"`);
  if (!test) throw new EmulatorError(400, `filter: unknown operand "${op}"`);
  return (row) => test(row[field] ?? '', wanted);
}

function parseSort(spec: string, fields: Set<string>): (a: Row, b: Row) => number {
  const match = /^([A-Za-z]+)-(asc|desc)$/.exec(spec);
  if (!match) throw new EmulatorError(400, `sort: "${spec}" is not field-asc or field-desc`);
  const [, field = '', direction] = match;
  if (!fields.has(field)) throw new EmulatorError(400, `sort: unknown field "${field}"`);
  const sign = direction === 'desc' ? -1 : 1;
  return (a, b) => sign * compare(a[field] ?? '', b[field] ?? '');
}

function nonNegative(name: string, value: string | null): number | undefined {
  if (value === null) return undefined;
  if (!/^\d+$/.test(value)) throw new EmulatorError(400, `${name}: must be a non-negative integer`);
  return Number(value);
}

/** Applies the list params to `rows` (fields known from `fieldsOf`, even when the list is empty). */
export function listResponse(rows: Row[], fieldsOf: string[], query: URLSearchParams): EmulatorResponse {
  const fields = new Set(fieldsOf);
  const filters = query.getAll('filter[]').map((f) => parseFilter(f, fields));
  const sorts = query.getAll('sort[]').map((s) => parseSort(s, fields));
  const limit = nonNegative('limit', query.get('limit'));
  const offset = nonNegative('offset', query.get('offset')) ?? 0;
  let result = rows.filter((row) => filters.every((f) => f(row)));
  if (sorts.length > 0) result = [...result].sort((a, b) => sorts.reduce((order, s) => order || s(a, b), 0));
  result = result.slice(offset, limit === undefined ? undefined : offset + limit);
  const display = query.getAll('display[]');
  if (display.length > 0) result = result.map((row) => Object.fromEntries(display.filter((f) => f in row).map((f) => [f, row[f]!])));
  return rowsResponse(result, query.get('format'));
}

export function rowsResponse(rows: Row[], format: string | null = null): EmulatorResponse {
  if (format === 'jsonarray') return { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(rows) };
  return { status: 200, headers: { 'content-type': 'application/x-ndjson' }, body: rows.map((row) => `${JSON.stringify(row)}\n`).join('') };
}
