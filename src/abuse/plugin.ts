/**
 * Abuse limits that need more than the document: the cost, `nodes(ids:)` length and writes of an
 * operation measured with its variables, and the principal's request and vendor-call buckets.
 * All run at `didResolveOperation`, after parsing and validation and before any resolver, so a
 * refused request makes no vendor call. The limits a document alone decides (depth, aliases,
 * directives, tokens) are `validationRules` and `parseOptions` (see `abuseValidation`).
 */
import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';
import type { GatewayContext } from '../context.js';
import { ErrorCode } from '../errors.js';
import { limitErrors, measureOperation, queryLimitsRule } from '../limits.js';
import type { LimitsSettings } from './config.js';
import type { RateLimiter } from './rate.js';
import { recordRateLimitRejection } from '../observability/metrics.js';
import { operationInputs } from '../explain/plugin.js';

/** graphql-armor reports through callbacks; the gateway reports with its own code. */
function armorRejection(limit: string) {
  return (context: ValidationContext | null, error: GraphQLError): void => {
    const message = error.message.replace(/^Syntax Error: /, '');
    context?.reportError(new GraphQLError(message, { extensions: { code: ErrorCode.QueryTooComplex, limit } }));
  };
}

/** The document-only limits, for Apollo's `validationRules` and `parseOptions`. */
export function abuseValidation(limits: LimitsSettings): {
  validationRules: ValidationRule[];
  parseOptions: { maxTokens: number };
} {
  const armor = { exposeLimits: true, propagateOnRejection: false };
  return {
    validationRules: [
      queryLimitsRule(limits),
      maxAliasesRule({
        ...armor,
        n: limits.maxAliases,
        onReject: [armorRejection('aliases')],
      }) as unknown as ValidationRule,
      maxDirectivesRule({
        ...armor,
        n: limits.maxDirectives,
        onReject: [armorRejection('directives')],
      }) as unknown as ValidationRule,
    ],
    // graphql-js stops lexing at the limit, so a huge document is refused after maxTokens tokens.
    parseOptions: { maxTokens: limits.maxTokens },
  };
}

function rateLimited(limit: string, retryAfterSeconds: number): GraphQLError {
  const what = limit === 'requests' ? 'request rate' : 'vendor-call budget';
  return new GraphQLError(`your ${what} per minute is spent; retry after ${retryAfterSeconds} s`, {
    extensions: {
      code: ErrorCode.RateLimited,
      limit,
      retryAfterSeconds,
      http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]) },
    },
  });
}

export function abuseLimitsPlugin(limits: LimitsSettings, rate: RateLimiter): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      let admitted = false;
      return {
        async didResolveOperation({ request, document, operation, schema, contextValue }) {
          if (!operation) return;
          const { fragments, variables } = operationInputs(document, operation, request.variables);
          const measure = measureOperation(schema, operation, fragments, variables);
          const refused = measure ? limitErrors(measure, limits, operation) : [];
          if (refused.length > 0) throw refused[0];
          const refusal = await rate.admit(contextValue.principal.id);
          if (refusal) {
            recordRateLimitRejection(refusal.limit);
            throw rateLimited(refusal.limit, refusal.retryAfterSeconds);
          }
          admitted = true;
        },
        async willSendResponse({ contextValue }) {
          const calls = contextValue.scope.vendorCalls ?? 0;
          if (admitted && calls > 0) await rate.charge(contextValue.principal.id, calls);
        },
      };
    },
  };
}
