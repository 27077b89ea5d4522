/**
 * An update's explicit `null` means "clear this field". Each adapter names the fields its vendor
 * can clear (they take an empty value); a null anywhere else is refused here, before any call,
 * naming the fields, rather than being read as "unchanged" or sent as a value the vendor refuses.
 */
import { badInput } from '../errors.js';

/** An update: a field left out stays as it is; `null` clears it. */
export type Patch<T> = { [K in keyof T]?: T[K] | null };

export function refuseUnclearable<T extends object>(
  patch: Patch<T>,
  clearable: ReadonlyArray<keyof T>,
  vendor: string,
): void {
  const refused = Object.entries(patch)
    .filter(([field, value]) => value === null && !clearable.includes(field as keyof T))
    .map(([field]) => field);
  if (refused.length === 0) return;
  const fields = refused.map((f) => `input.${f}`).join(', ');
  throw badInput(
    `${fields}: ${vendor} cannot clear ${refused.length > 1 ? 'these fields' : 'this field'}; give a value or leave it out`,
    `input.${refused[0]}`,
  );
}

/** The patch with every null as `empty` (the vendor's "no value"), after refuseUnclearable. */
export function nullsAs<T extends object>(patch: Patch<T>, empty: (field: keyof T) => unknown): Partial<T> {
  return Object.fromEntries(
    Object.entries(patch).map(([field, value]) => [field, value === null ? empty(field as keyof T) : value]),
  ) as Partial<T>;
}

/** A patch known to hold no null (every field refused or cleared already). */
export function withoutNulls<T extends object>(patch: Patch<T>): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== null)) as Partial<T>;
}
