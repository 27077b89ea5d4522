/**
 * Typed scalars. A bad value fails GraphQL validation (a literal) or variable coercion (a
 * variable), naming the field, before any resolver runs — so no vendor call is made.
 */
import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { normalizeCidr, normalizeMac, normalizePort } from './net.js';

function stringScalar(
  name: string,
  description: string,
  parse: (value: string) => string | null,
  expected: string,
): GraphQLScalarType {
  const coerce = (value: unknown): string => {
    const parsed = typeof value === 'string' ? parse(value) : null;
    if (parsed === null) throw new GraphQLError(`${name} must be ${expected}; got ${JSON.stringify(value)}`);
    return parsed;
  };
  return new GraphQLScalarType({
    name,
    description,
    serialize: coerce,
    parseValue: coerce,
    parseLiteral: (ast: ValueNode) => {
      if (ast.kind !== Kind.STRING) throw new GraphQLError(`${name} must be a string: ${expected}`, { nodes: ast });
      return coerce(ast.value);
    },
  });
}

export const MacAddress = stringScalar(
  'MacAddress',
  'A MAC address (6 hex octets).',
  normalizeMac,
  'a MAC address like 7C:1E:B3:0A:00:01',
);
export const Cidr = stringScalar(
  'Cidr',
  'A network in CIDR notation.',
  normalizeCidr,
  'a network in CIDR notation like 10.0.20.0/24',
);
export const Extension = stringScalar(
  'Extension',
  'A dialling extension.',
  (v) => (/^\d{2,8}$/.test(v) ? v : null),
  'an extension of 2 to 8 digits',
);

const toPort = (value: unknown): number => {
  const port = normalizePort(value);
  if (port === null) throw new GraphQLError(`Port must be an integer from 1 to 65535; got ${JSON.stringify(value)}`);
  return port;
};

export const Port = new GraphQLScalarType({
  name: 'Port',
  serialize: toPort,
  parseValue: toPort,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.INT) throw new GraphQLError('Port must be an integer from 1 to 65535', { nodes: ast });
    return toPort(Number(ast.value));
  },
});

const toDate = (value: unknown): Date => {
  const date =
    value instanceof Date
      ? value
      : typeof value === 'string' || typeof value === 'number'
        ? new Date(value)
        : new Date(Number.NaN);
  if (Number.isNaN(date.getTime()))
    throw new GraphQLError(`DateTime must be an ISO-8601 date-time; got ${JSON.stringify(value)}`);
  return date;
};

export const DateTime = new GraphQLScalarType({
  name: 'DateTime',
  serialize: (value) => toDate(value).toISOString(),
  parseValue: (value) => {
    if (typeof value !== 'string') throw new GraphQLError('DateTime must be an ISO-8601 string');
    return toDate(value);
  },
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('DateTime must be an ISO-8601 string', { nodes: ast });
    return toDate(ast.value);
  },
});
