/**
 * `explain` and per-connection call budgets. At `didResolveOperation` (validated, no resolver run
 * yet) the planner predicts the operation's vendor calls (predict.ts). A client asks for the
 * prediction with `extensions: { explain: true }` (answered beside the data, with the calls made)
 * or `extensions: { explain: "dry-run" }` (the prediction alone: no resolver, no vendor call). A
 * connection's `maxCallsPerRequest` refuses an operation predicted to exceed it, before any call,
 * with QUERY_TOO_EXPENSIVE and the prediction; the upstream client holds reads to the same budget
 * while the operation runs, in case the prediction fell short.
 */
import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  valueFromASTUntyped,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
} from 'graphql';
import type { GatewayContext } from '../context.js';
import { DOMAIN_SCOPED, allows } from '../auth/grants.js';
import { ErrorCode } from '../errors.js';
import type { ConnectionAdapter } from '../vendors/ports.js';
import { predictOperation, type Prediction } from './predict.js';

/** `maxCallsPerRequest` of each connection that sets one. */
export function callBudgets(settings: { connections: ReadonlyArray<{ name: string; maxCallsPerRequest?: number }> }) {
  const budgets = new Map<string, number>();
  for (const c of settings.connections)
    if (c.maxCallsPerRequest !== undefined) budgets.set(c.name, c.maxCallsPerRequest);
  return budgets;
}

/** `Type.field` of every field the resolver map answers itself (the others read a property). */
export function resolvedFields(resolvers: Record<string, unknown>): Set<string> {
  const fields = new Set<string>();
  for (const [type, map] of Object.entries(resolvers)) {
    if (map && typeof map === 'object' && !(Symbol.toStringTag in map))
      for (const [field, resolve] of Object.entries(map))
        if (typeof resolve === 'function') fields.add(`${type}.${field}`);
  }
  return fields;
}

type ExplainAsk = 'dry-run' | true | undefined;

/** The fragments of a document and the operation's variables, defaults filled in. */
export function operationInputs(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  given: Record<string, unknown> | undefined,
): { fragments: Record<string, FragmentDefinitionNode>; variables: Record<string, unknown> } {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  }
  const variables: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue)
      variables[definition.variable.name.value] = valueFromASTUntyped(definition.defaultValue);
  }
  return { fragments, variables: Object.assign(variables, given ?? {}) };
}

function askOf(extensions: Record<string, unknown> | undefined): ExplainAsk {
  const explain = extensions?.explain;
  if (explain === 'dry-run') return 'dry-run';
  return explain === true ? true : undefined;
}

function overBudget(prediction: Prediction, budgets: ReadonlyMap<string, number>): GraphQLError | undefined {
  const over = prediction.connections.find((c) => c.calls > (budgets.get(c.connection) ?? Infinity));
  if (!over) return undefined;
  const budget = budgets.get(over.connection)!;
  return new GraphQLError(
    `this operation would make ${over.calls} calls to connection "${over.connection}", over its budget of ${budget} per request`,
    {
      extensions: {
        code: ErrorCode.QueryTooExpensive,
        connection: over.connection,
        predictedCalls: over.calls,
        budget,
        explain: prediction,
        http: { status: 400 },
      },
    },
  );
}

export function explainPlugin(
  adapters: readonly ConnectionAdapter[],
  budgets: ReadonlyMap<string, number>,
  resolvedFields: ReadonlySet<string>,
): ApolloServerPlugin<GatewayContext> {
  const byName = new Map(adapters.map((a) => [a.connection, a]));
  return {
    async requestDidStart({ request }) {
      const ask = askOf(request.extensions);
      if (!ask && budgets.size === 0) return;
      let prediction: Prediction | undefined;
      return {
        async didResolveOperation({ document, operation, schema, contextValue }) {
          if (!operation) return;
          const { fragments, variables } = operationInputs(document, operation, request.variables);
          const planned = predictOperation(schema, operation, fragments, variables, byName, resolvedFields);
          // The plan tells list sizes: only someone who may read everything it reached sees it (or is refused by it).
          // Anyone else's operation runs into the fields' own policies, and the budget still holds its reads.
          const { principal } = contextValue;
          const mayRead = (r: { connection: string; domainId?: string }) => {
            const vendor = byName.get(r.connection)?.vendor;
            const domain = vendor && DOMAIN_SCOPED.has(vendor) ? r.domainId : undefined;
            return allows(principal, r.connection, { access: 'read' }, domain);
          };
          prediction = principal.admin || planned.reached.every(mayRead) ? planned.prediction : undefined;
          const refusal = prediction && overBudget(prediction, budgets);
          if (refusal) throw refusal;
          // Reads only: a mutation's read-back cut by the budget would hide a write that was made.
          const scope = contextValue.scope;
          if (budgets.size > 0 && operation.operation === 'query') scope.callBudgets = budgets;
        },
        async responseForOperation() {
          if (ask !== 'dry-run' || !prediction) return null;
          return {
            http: { status: 200, headers: new HeaderMap() },
            body: { kind: 'single', singleResult: { data: null, extensions: { explain: prediction } } },
          };
        },
        async willSendResponse({ response, contextValue }) {
          if (ask !== true || !prediction || response.body.kind !== 'single') return;
          const made = contextValue.scope.callsByConnection ?? new Map<string, number>();
          const result = response.body.singleResult;
          result.extensions = {
            ...result.extensions,
            explain: {
              ...prediction,
              actualCalls: [...made.values()].reduce((sum, n) => sum + n, 0),
              actual: Object.fromEntries(made),
            },
          };
        },
      };
    },
  };
}
