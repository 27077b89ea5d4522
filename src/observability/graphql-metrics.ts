/** An Apollo plugin that counts GraphQL requests by operation and outcome, and errors by code. */
import type { ApolloServerPlugin } from '@apollo/server';
import { graphqlErrors, graphqlRequests, operationLabel } from './metrics.js';

export function graphqlMetricsPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, operationName, response, errors }) {
          const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
          // The response's errors are the formatted ones, each with its extensions.code.
          const sent = result ? (result.errors ?? []) : (errors ?? []);
          const outcome = sent.length === 0 ? 'success' : result?.data ? 'partial' : 'error';
          // Only a name the document really has is a label: an unknown one is the client's typo.
          const operation = operationLabel(operationName ?? (request.operationName ? '(unresolved)' : null));
          graphqlRequests.inc({ operation, outcome });
          for (const error of sent)
            graphqlErrors.inc({ code: String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR') });
        },
      };
    },
  };
}
