/**
 * Documents generated from the schema itself, so a test that "tries every mutation" keeps trying
 * every mutation as the schema grows: one operation per root field, its arguments as variables.
 */
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { buildSchema } from '../../src/schema.js';

export interface RootOperation {
  type: 'Query' | 'Mutation';
  field: string;
  document: string;
  /** Sample arguments: required ones only, ids from the caller's `id(argPath, field)`. */
  variables: Record<string, unknown>;
}

/** A value for an input type: required fields only; ids from `id(argPath)`. */
function sample(type: GraphQLInputType, path: string, id: (path: string) => string): unknown {
  if (isNonNullType(type)) return sample(type.ofType, path, id);
  if (isListType(type)) return [sample(type.ofType, path, id)];
  if (isEnumType(type)) return type.getValues()[0]!.name;
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      if (isNonNullType(field.type) && field.defaultValue === undefined)
        out[field.name] = sample(field.type, `${path}.${field.name}`, id);
    }
    return out;
  }
  const SAMPLES: Record<string, unknown> = {
    ID: id(path),
    String: 'sample',
    Int: 1,
    Boolean: true,
    MacAddress: '7C:1E:B3:FF:00:01',
    Cidr: '10.99.0.0/24',
    Extension: '4999',
    Port: 5060,
    DateTime: '2026-01-01T00:00:00.000Z',
  };
  return SAMPLES[getNamedType(type).name] ?? 'sample';
}

function selectionFor(type: GraphQLObjectType | undefined, fieldName: string): string {
  const returned = type ? getNamedType(type.getFields()[fieldName]!.type) : undefined;
  return returned && !isLeafType(returned) ? ' { __typename }' : '';
}

export function rootOperations(
  kind: 'Query' | 'Mutation',
  id: (argPath: string, field: string) => string = () => 'bm90LWFuLWlk',
  schema: GraphQLSchema = buildSchema(),
): RootOperation[] {
  const root = kind === 'Query' ? schema.getQueryType() : schema.getMutationType();
  if (!root) return [];
  return Object.values(root.getFields()).map((field) => {
    const declared = field.args.map((a) => `$${a.name}: ${String(a.type)}`);
    const passed = field.args.map((a) => `${a.name}: $${a.name}`);
    const variables = Object.fromEntries(
      field.args
        .filter((a) => isNonNullType(a.type) && a.defaultValue === undefined)
        .map((a) => [a.name, sample(a.type, a.name, (path) => id(path, field.name))]),
    );
    const op = kind === 'Query' ? 'query' : 'mutation';
    const document = `${op} ${kind}_${field.name}${declared.length ? `(${declared.join(', ')})` : ''} { ${field.name}${
      passed.length ? `(${passed.join(', ')})` : ''
    }${selectionFor(root, field.name)} }`;
    return { type: kind, field: field.name, document, variables };
  });
}

export function mutationFields(): RootOperation[] {
  return rootOperations('Mutation');
}
