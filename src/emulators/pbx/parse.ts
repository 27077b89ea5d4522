/**
 * Small parsers for JSON values and query parameters: each returns the value it accepts, or
 * undefined, and `required*` turns that into the PortSIP error naming the field.
 */
import { isIP } from 'node:net';
import { invalidValue, missingField } from './errors.js';

export type Parser<T> = (value: unknown) => T | undefined;

export const anyString: Parser<string> = (value) => (typeof value === 'string' ? value : undefined);
export const nonBlankString: Parser<string> = (value) =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined;
export const boolean: Parser<boolean> = (value) => (typeof value === 'boolean' ? value : undefined);

export const integerIn =
  (min: number, max: number): Parser<number> =>
  (value) =>
    typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max ? value : undefined;

export const oneOf =
  <T extends string>(...allowed: T[]): Parser<T> =>
  (value) =>
    allowed.find((candidate) => candidate === value);

export const arrayOf =
  <T>(item: Parser<T>): Parser<T[]> =>
  (value) => {
    if (!Array.isArray(value)) return undefined;
    const items = value.map(item);
    return items.every((parsed): parsed is T => parsed !== undefined) ? items : undefined;
  };

export const ipv4OrCidr: Parser<string> = (value) => {
  if (typeof value !== 'string') return undefined;
  const [address = '', prefix, ...rest] = value.split('/');
  const prefixOk = prefix === undefined || (/^\d{1,2}$/.test(prefix) && Number(prefix) <= 32);
  return isIP(address) === 4 && prefixOk && rest.length === 0 ? value : undefined;
};

/** A JSON body field. `null` counts as missing: it is how JSON clients say "no value". */
export function requiredField<T>(input: Record<string, unknown>, name: string, parse: Parser<T>): T {
  const raw = input[name];
  if (raw === undefined || raw === null) throw missingField(name);
  const parsed = parse(raw);
  if (parsed === undefined) throw invalidValue(name);
  return parsed;
}

/** A query parameter holding a number, e.g. `?id=3`. */
export function requiredQueryInteger(query: URLSearchParams, name: string, parse: Parser<number>): number {
  const raw = query.get(name);
  if (raw === null || raw === '') throw missingField(name);
  const parsed = /^\d+$/.test(raw) ? parse(Number(raw)) : undefined;
  if (parsed === undefined) throw invalidValue(name);
  return parsed;
}
