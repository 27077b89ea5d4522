/**
 * Bounds on every string a client sends, declared once for the whole schema: by default at most
 * DEFAULT_MAX_LENGTH characters, well-formed Unicode, and no control characters (NUL, CR, LF, …),
 * which no vendor field here holds and several would store as given. A field or argument narrows
 * its own bound in the SDL with `@bounded(maxLength:, pattern:)` (schema/bounds.graphql). Integers
 * are bounded by the same directive's `min:` and `max:`, the range the vendor takes.
 *
 * Every field that takes such arguments is wrapped so its arguments are checked (already coerced by
 * GraphQL) before its resolver runs: a refused value never reaches a vendor. Messages name the
 * field and the rule, never the value, which may be a secret.
 */
import {
  GraphQLInt,
  GraphQLString,
  defaultFieldResolver,
  getNullableType,
  isInputObjectType,
  isListType,
  isObjectType,
  valueFromASTUntyped,
  type GraphQLArgument,
  type GraphQLInputField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { badInput } from '../errors.js';

export const DEFAULT_MAX_LENGTH = 255;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export interface Bound {
  maxLength: number;
  pattern?: RegExp;
  /** An Int's inclusive range; absent on a string. */
  min?: number;
  max?: number;
}

const DEFAULT_BOUND: Bound = { maxLength: DEFAULT_MAX_LENGTH };

export function boundOf(definition: GraphQLArgument | GraphQLInputField): Bound {
  const directive = definition.astNode?.directives?.find((d) => d.name.value === 'bounded');
  if (!directive) return DEFAULT_BOUND;
  const args = Object.fromEntries((directive.arguments ?? []).map((a) => [a.name.value, valueFromASTUntyped(a.value)]));
  return {
    maxLength: typeof args.maxLength === 'number' ? args.maxLength : DEFAULT_MAX_LENGTH,
    pattern: typeof args.pattern === 'string' ? new RegExp(args.pattern, 'u') : undefined,
    min: typeof args.min === 'number' ? args.min : undefined,
    max: typeof args.max === 'number' ? args.max : undefined,
  };
}

export function checkString(value: string, path: string, bound: Bound = DEFAULT_BOUND): void {
  if ([...value].length > bound.maxLength) throw badInput(`${path}: at most ${bound.maxLength} characters`, path);
  if (CONTROL.test(value)) throw badInput(`${path}: control characters (NUL, CR, LF, tab, …) are not allowed`, path);
  if (LONE_SURROGATE.test(value)) throw badInput(`${path}: not well-formed Unicode (a lone surrogate)`, path);
  if (bound.pattern && !bound.pattern.test(value)) throw badInput(`${path}: must match ${bound.pattern.source}`, path);
}

function checkInt(value: number, path: string, bound: Bound): void {
  const { min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER } = bound;
  if (value < min || value > max) throw badInput(`${path}: must be between ${min} and ${max}`, path);
}

/** Whether a value of this type can hold a String or an Int anywhere (so its field needs checking at all). */
function holdsBounded(type: GraphQLInputType, seen = new Set<string>()): boolean {
  const inner = getNullableType(type);
  if (isListType(inner)) return holdsBounded(inner.ofType as GraphQLInputType, seen);
  if (inner === GraphQLString || inner === GraphQLInt) return true;
  if (isInputObjectType(inner)) {
    if (seen.has(inner.name)) return false;
    seen.add(inner.name);
    return Object.values(inner.getFields()).some((f) => holdsBounded(f.type, seen));
  }
  return false;
}

function checkValue(value: unknown, type: GraphQLInputType, path: string, bound: Bound): void {
  if (value === null || value === undefined) return;
  const inner = getNullableType(type);
  if (isListType(inner)) {
    if (Array.isArray(value))
      value.forEach((item, i) => checkValue(item, inner.ofType as GraphQLInputType, `${path}[${i}]`, bound));
    return;
  }
  if (isInputObjectType(inner)) {
    const record = value as Record<string, unknown>;
    for (const field of Object.values(inner.getFields()))
      checkValue(record[field.name], field.type, `${path}.${field.name}`, boundOf(field));
    return;
  }
  if (inner === GraphQLString && typeof value === 'string') checkString(value, path, bound);
  if (inner === GraphQLInt && typeof value === 'number') checkInt(value, path, bound);
}

/** Wraps the resolver of every field with string- or Int-holding arguments in the bounds check. Returns the schema. */
export function enforceInputBounds(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const checked = field.args.filter((arg) => holdsBounded(arg.type)).map((arg) => ({ arg, bound: boundOf(arg) }));
      if (checked.length === 0) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args: Record<string, unknown>, context, info) => {
        for (const { arg, bound } of checked) checkValue(args[arg.name], arg.type, arg.name, bound);
        return resolve(source, args, context, info);
      };
    }
  }
  return schema;
}
