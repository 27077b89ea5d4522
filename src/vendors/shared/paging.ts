/** Paging for vendors that return a list whole (no paging, filtering or sorting of their own). */
import type { Page } from '../../model.js';
import type { ListOptions } from '../ports.js';

export function emptyPage<T>(options: ListOptions): Page<T> {
  return { items: [], offset: options.page.offset, hasNextPage: false, totalCount: 0 };
}

/** Filters (equality and `contains`), sorts and pages rows in memory, as the vendor's list would. */
export function pageInMemory<T extends object, F extends string & keyof T>(
  rows: T[],
  options: ListOptions<F>,
): Page<T> {
  const value = (row: T, field: string): string => String(row[field as F] ?? '');
  let kept = rows.filter(
    (row) =>
      Object.entries(options.equals ?? {}).every(([field, wanted]) => value(row, field) === wanted) &&
      Object.entries(options.contains ?? {}).every(([field, part]) =>
        value(row, field).toLowerCase().includes(String(part).toLowerCase()),
      ),
  );
  for (const { field, direction } of [...(options.sort ?? [])].reverse()) {
    const sign = direction === 'desc' ? -1 : 1;
    kept = [...kept].sort((a, b) => sign * value(a, field).localeCompare(value(b, field), 'en', { numeric: true }));
  }
  return pageOf(kept, options.page);
}

/** One page of rows the gateway holds whole (filtered or sorted on its side), with their total. */
export function pageOf<T>(kept: T[], { offset, limit }: { offset: number; limit: number }): Page<T> {
  return {
    items: kept.slice(offset, offset + limit),
    offset,
    hasNextPage: offset + limit < kept.length,
    totalCount: kept.length,
  };
}
