/**
 * Limits on abusive queries, checked during validation (before any resolver or vendor call):
 * selection depth, and an estimated cost = how many objects the query may resolve, where a paged
 * field multiplies by its `first` and any other list by LIST_ESTIMATE.
 */
import {
  GraphQLError,
  Kind,
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { ErrorCode } from './errors.js';

/** Assumed length of a list that is not paged (a user's groups, a queue's members). */
export const LIST_ESTIMATE = 5;

export interface QueryLimits {
  maxDepth: number;
  maxCost: number;
}

interface Measure {
  depth: number;
  cost: number;
}

function fieldDef(parent: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
  return isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
}

function multiplier(parent: GraphQLCompositeType, field: FieldNode, def: GraphQLField<unknown, unknown>): number {
  // A connection's `nodes` are the `first` items its parent field already counted.
  if (isObjectType(parent) && 'pageInfo' in parent.getFields()) return 1;
  const firstArg = def.args.find((a) => a.name === 'first');
  if (firstArg) {
    const given = field.arguments?.find((a) => a.name.value === 'first');
    if (given?.value.kind === Kind.INT) return Math.max(1, Number(given.value.value));
    return Math.max(1, Number(firstArg.defaultValue ?? 100));
  }
  return isListType(getNullableType(def.type)) ? LIST_ESTIMATE : 1;
}

function measure(context: ValidationContext, set: SelectionSetNode, parent: GraphQLCompositeType, seen: Set<string>): Measure {
  let depth = 0;
  let cost = 0;
  for (const selection of set.selections) {
    let inner: Measure = { depth: 0, cost: 0 };
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue;
      const def = fieldDef(parent, selection.name.value);
      if (!def) continue;
      const child = getNamedType(def.type);
      if (selection.selectionSet && isCompositeType(child)) {
        const sub = measure(context, selection.selectionSet, child, seen);
        const times = multiplier(parent, selection, def);
        inner = { depth: sub.depth + 1, cost: times * (1 + sub.cost) };
      } else inner = { depth: 1, cost: 0 };
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const typeName = selection.typeCondition?.name.value;
      const type = typeName ? context.getSchema().getType(typeName) : parent;
      if (type && isCompositeType(type)) inner = measure(context, selection.selectionSet, type, seen);
    } else {
      const name = selection.name.value;
      const fragment = context.getFragment(name);
      if (!fragment || seen.has(name)) continue;
      const type = context.getSchema().getType(fragment.typeCondition.name.value);
      if (type && isCompositeType(type)) inner = measure(context, fragment.selectionSet, type, new Set([...seen, name]));
    }
    depth = Math.max(depth, inner.depth);
    cost += inner.cost;
  }
  return { depth, cost };
}

export function queryLimitsRule(limits: QueryLimits): ValidationRule {
  return (context) => ({
    OperationDefinition(operation) {
      const root =
        operation.operation === 'query' ? context.getSchema().getQueryType() : operation.operation === 'mutation' ? context.getSchema().getMutationType() : undefined;
      if (!root) return;
      const { depth, cost } = measure(context, operation.selectionSet, root, new Set());
      if (depth > limits.maxDepth) {
        context.reportError(
          new GraphQLError(`query depth ${depth} is over the limit of ${limits.maxDepth}`, { nodes: operation, extensions: { code: ErrorCode.QueryTooComplex, limit: 'depth', depth, maxDepth: limits.maxDepth } }),
        );
      }
      if (cost > limits.maxCost) {
        context.reportError(
          new GraphQLError(`query cost ${cost} is over the limit of ${limits.maxCost}: ask for smaller pages (first) or fewer nested lists`, {
            nodes: operation,
            extensions: { code: ErrorCode.QueryTooComplex, limit: 'cost', cost, maxCost: limits.maxCost },
          }),
        );
      }
    },
  });
}
