/**
 * The params of a POST, PUT or DELETE: `application/x-www-form-urlencoded` fields, also read from
 * the query string because public clients send them there (WIRE-NOTES.md). Where both carry a
 * param the body wins, as PHP's `$_REQUEST` does. Arrays travel as `name[]=1&name[]=2`; a lone
 * `name=1` is a one-element array.
 */
import type { EmulatorRequest } from '../shared/harness.js';
import { badParam } from './errors.js';

/** Turns the wire text of `param` into a value, or throws a 400 naming it. */
export type Decode<T> = (raw: string, param: string) => T;

export const text: Decode<string> = (raw) => raw;

export const nonEmptyText: Decode<string> = (raw, param) => {
  if (raw.trim() === '') throw badParam(param, 'must not be empty');
  return raw;
};

export const flag: Decode<boolean> = (raw, param) => {
  if (raw === '1') return true;
  if (raw === '0') return false;
  throw badParam(param, `must be 1 or 0, not "${raw}"`);
};

export function integer(min: number): Decode<number> {
  return (raw, param) => {
    if (!/^\d{1,9}$/.test(raw) || Number(raw) < min)
      throw badParam(param, `must be an integer of at least ${min}, not "${raw}"`);
    return Number(raw);
  };
}

export function oneOf<T extends string>(allowed: readonly T[]): Decode<T> {
  return (raw, param) => {
    const match = allowed.find((value) => value === raw);
    if (match === undefined) throw badParam(param, `must be one of ${allowed.join(', ')}, not "${raw}"`);
    return match;
  };
}

const FORM = 'application/x-www-form-urlencoded';
const positiveId = integer(1);

export class FormParams {
  private constructor(private readonly values: URLSearchParams) {}

  static of(req: EmulatorRequest): FormParams {
    const values = new URLSearchParams(req.query);
    if (req.rawBody.length === 0) return new FormParams(values);
    // Anything but a form (a JSON body, say) would otherwise be ignored and look like missing params.
    const type = String(req.headers['content-type'] ?? FORM);
    if (!type.toLowerCase().startsWith(FORM)) throw badParam('content-type', `the body must be ${FORM}, not ${type}`);
    const body = req.form();
    for (const name of new Set(body.keys())) {
      values.delete(name);
      for (const value of body.getAll(name)) values.append(name, value);
    }
    return new FormParams(values);
  }

  optional<T>(param: string, decode: Decode<T>): T | undefined {
    const raw = this.values.get(param);
    return raw === null ? undefined : decode(raw, param);
  }

  required<T>(param: string, decode: Decode<T>): T {
    const raw = this.values.get(param);
    if (raw === null || raw === '') throw badParam(param, 'is required');
    return decode(raw, param);
  }

  /** The given params that are present, decoded alike: the fields of a partial update. */
  present<K extends string, T>(params: readonly K[], decode: Decode<T>): Partial<Record<K, T>> {
    const found: Partial<Record<K, T>> = {};
    for (const param of params) {
      const value = this.optional(param, decode);
      if (value !== undefined) found[param] = value;
    }
    return found;
  }

  /** `param[]` ids (or one `param=` id); at least one is required. */
  ids(param: string): number[] {
    const listed = this.values.getAll(`${param}[]`);
    const raws = listed.length > 0 ? listed : this.values.getAll(param);
    if (raws.length === 0) throw badParam(param, 'is required (one or more ids)');
    return raws.map((raw) => positiveId(raw, param));
  }
}
