/** The executable schema: the SDL in schema/*.graphql with the resolvers. Built once per server. */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { enforceInputBounds } from './abuse/input-bounds.js';
import { applyPolicies } from './auth/policy.js';
import { resolvers } from './resolvers/index.js';

/** schema/ sits at the package root, both beside src/ and beside dist/src/. */
function findSchemaDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i += 1) {
    dir = resolve(dir, '..');
    try {
      if (readdirSync(join(dir, 'schema')).some((f) => f.endsWith('.graphql'))) return join(dir, 'schema');
    } catch {
      // not here: one level up
    }
  }
  throw new Error('schema/*.graphql not found next to the package');
}

/** Each schema/*.graphql file by name, in a stable order. */
export function loadSchemaFiles(dir = findSchemaDir()): Array<{ file: string; sdl: string }> {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => ({ file, sdl: readFileSync(join(dir, file), 'utf8') }));
}

export function loadTypeDefs(dir = findSchemaDir()): string[] {
  return loadSchemaFiles(dir).map((f) => f.sdl);
}

/** The schema as written, resolvers attached: what the policy coverage test inspects. */
export function buildUnguardedSchema(): GraphQLSchema {
  return makeExecutableSchema({
    typeDefs: loadTypeDefs(),
    resolvers: resolvers as never,
    inheritResolversFromInterfaces: true,
  });
}

/**
 * The served schema: every resolver wrapped by its @policy (src/auth/policy.ts), and inside that by
 * the bounds of its string and Int arguments (src/abuse/input-bounds.ts): a denied caller learns nothing
 * of the input rules, and an out-of-bounds value never reaches a resolver.
 */
export function buildSchema(): GraphQLSchema {
  return guardSchema(buildUnguardedSchema());
}

/** What every served schema gets, standalone or subgraph (src/federation/subgraph.ts). */
export function guardSchema(schema: GraphQLSchema): GraphQLSchema {
  return applyPolicies(enforceInputBounds(schema));
}
