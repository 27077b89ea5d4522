/** The GraphQL edge of the error vocabulary: gateway errors → formatted GraphQL errors. */
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ErrorCode, GatewayError } from './errors.js';

/**
 * Apollo's formatError hook: gateway errors keep their code and details; anything unexpected is
 * reported as INTERNAL_SERVER_ERROR without its message, which may hold internals.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof GatewayError) {
    return {
      ...formatted,
      message: original.message,
      extensions: { ...formatted.extensions, ...original.details, code: original.code },
    };
  }
  // graphql-js stops parsing at parseOptions.maxTokens: a document refused for its size, not its syntax.
  if (/^Syntax Error: Document contains more th\w+ \d+ tokens/.test(formatted.message)) {
    return {
      ...formatted,
      message: formatted.message.replace(/^Syntax Error: /, ''),
      extensions: { code: ErrorCode.QueryTooComplex, limit: 'tokens' },
    };
  }
  // Apollo labels every validation error GRAPHQL_VALIDATION_FAILED; a refused query keeps its own code.
  if (formatted.extensions?.limit !== undefined && formatted.extensions.code === 'GRAPHQL_VALIDATION_FAILED')
    return { ...formatted, extensions: { ...formatted.extensions, code: ErrorCode.QueryTooComplex } };
  const code = formatted.extensions?.code;
  if (code && code !== ErrorCode.InternalServerError) return formatted;
  if (original instanceof GraphQLError) return formatted;
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: ErrorCode.InternalServerError },
  };
}
