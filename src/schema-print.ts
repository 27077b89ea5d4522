/** The gateway's public schema as SDL, sorted so the committed snapshot diffs by meaning, not file order. */
import { lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema } from './schema.js';

export function printGatewaySchema(): string {
  return `${printSchema(lexicographicSortSchema(buildSchema()))}\n`;
}
