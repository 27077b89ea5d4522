/**
 * The one way a value becomes part of a vendor URL path. `encodeURIComponent` leaves `.` alone, so
 * `..` survives it and a server (or any URL normaliser between) resolves it to the parent
 * resource; `%2E%2E` is no safer, since WHATWG URL parsing treats it as `..` too. Such segments
 * are refused; everything else is percent-encoded, including characters encodeURIComponent keeps.
 */
import { badInput } from './errors.js';

const UNSAFE_SEGMENTS: ReadonlySet<string> = new Set(['', '.', '..']);

export function pathSegment(value: string | number): string {
  const text = String(value);
  if (UNSAFE_SEGMENTS.has(text)) {
    throw badInput(`"${text}" cannot be used as a name in a vendor URL path (empty, "." and ".." are refused)`);
  }
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Whether `value` can name a resource in a path at all, for refusing it on create instead of leaving it unreachable. */
export function isPathSafe(value: string): boolean {
  return !UNSAFE_SEGMENTS.has(value);
}
