/**
 * What one operation costs, measured before any resolver or vendor call: selection depth, an
 * estimated cost (how many objects it may resolve: a paged field multiplies by its `first`,
 * `nodes(ids:)` by how many ids it names, any other list by LIST_ESTIMATE, and every alias counts
 * again), and its writes (mutation fields).
 *
 * The walk is linear in the document: each fragment is measured once and its measure reused at
 * every spread, so a document of fragments that spread each other twice costs one visit per node.
 * Validation rules do not see variables, so the rule here counts only literals; the plugin in
 * src/abuse/plugin.ts measures again with the request's variables at `didResolveOperation`.
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
  valueFromASTUntyped,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationRule,
} from 'graphql';
import { ErrorCode } from './errors.js';

/** Assumed length of a list that is not paged (a user's groups, a queue's members). */
export const LIST_ESTIMATE = 5;
/** `first` when the schema gives no default. */
const DEFAULT_PAGE = 100;

export interface QueryLimits {
  maxDepth: number;
  maxCost: number;
  maxNodeIds?: number;
  maxWrites?: number;
}

export interface Measure {
  depth: number;
  cost: number;
  /** Fields selected at this level (through fragments): at the root of a mutation, its writes. */
  fields: number;
  /** Most ids any one `nodes(ids:)` names. */
  nodeIds: number;
}

export interface OperationMeasure extends Measure {
  /** Selections visited: bounded by the document's size, whatever its fragments do. */
  visits: number;
}

const ZERO: Measure = { depth: 0, cost: 0, fields: 0, nodeIds: 0 };

function fieldDef(parent: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
  return isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
}

function argument(field: FieldNode, name: string, variables: Record<string, unknown> | undefined): unknown {
  const given = field.arguments?.find((a) => a.name.value === name);
  if (!given) return undefined;
  // Without variables (validation), a variable's value is unknown: the plugin measures it later.
  if (given.value.kind === Kind.VARIABLE && !variables) return undefined;
  return valueFromASTUntyped(given.value, variables);
}

function pageSize(
  field: FieldNode,
  def: GraphQLField<unknown, unknown>,
  variables: Record<string, unknown> | undefined,
): number {
  // Unknown until the variables are: the lower bound here, the real value in the plugin's measure.
  if (!variables && field.arguments?.some((a) => a.name.value === 'first' && a.value.kind === Kind.VARIABLE)) return 1;
  const given = argument(field, 'first', variables);
  if (typeof given === 'number' && Number.isFinite(given)) return Math.max(1, given);
  const fallback = def.args.find((a) => a.name === 'first')?.defaultValue;
  return Math.max(1, typeof fallback === 'number' ? fallback : DEFAULT_PAGE);
}

function idCount(field: FieldNode, variables: Record<string, unknown> | undefined): number {
  const ids = argument(field, 'ids', variables);
  if (Array.isArray(ids)) return ids.length;
  return ids === undefined || ids === null ? 0 : 1;
}

export function measureOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode | undefined>,
  variables?: Record<string, unknown>,
): OperationMeasure | undefined {
  const root =
    operation.operation === 'query'
      ? schema.getQueryType()
      : operation.operation === 'mutation'
        ? schema.getMutationType()
        : undefined;
  if (!root) return undefined;
  const memo = new Map<string, Measure>();
  let visits = 0;

  const measureSet = (set: SelectionSetNode, parent: GraphQLCompositeType): Measure => {
    let depth = 0;
    let cost = 0;
    let fields = 0;
    let nodeIds = 0;
    for (const selection of set.selections) {
      visits += 1;
      let inner: Measure = ZERO;
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__')) continue;
        fields += 1;
        const def = fieldDef(parent, selection.name.value);
        if (!def) continue;
        const child = getNamedType(def.type);
        const ids = def.args.some((a) => a.name === 'ids') ? idCount(selection, variables) : 0;
        if (selection.selectionSet && isCompositeType(child)) {
          const sub = measureSet(selection.selectionSet, child);
          const times = timesOf(parent, selection, def, ids);
          inner = {
            depth: sub.depth + 1,
            cost: times * (1 + sub.cost),
            fields: 0,
            nodeIds: Math.max(ids, sub.nodeIds),
          };
        } else inner = { depth: 1, cost: 0, fields: 0, nodeIds: ids };
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const typeName = selection.typeCondition?.name.value;
        const type = typeName ? schema.getType(typeName) : parent;
        if (type && isCompositeType(type)) inner = measureSet(selection.selectionSet, type);
      } else {
        inner = measureFragment(selection.name.value);
      }
      depth = Math.max(depth, inner.depth);
      cost += inner.cost;
      fields += inner.fields;
      nodeIds = Math.max(nodeIds, inner.nodeIds);
    }
    return { depth, cost, fields, nodeIds };
  };

  const measureFragment = (name: string): Measure => {
    const known = memo.get(name);
    if (known) return known;
    // A cycle (reported by NoFragmentCyclesRule, which runs beside this one) counts nothing.
    memo.set(name, ZERO);
    const fragment = fragments[name];
    const type = fragment ? schema.getType(fragment.typeCondition.name.value) : undefined;
    const measured = fragment && type && isCompositeType(type) ? measureSet(fragment.selectionSet, type) : ZERO;
    memo.set(name, measured);
    return measured;
  };

  const timesOf = (
    parent: GraphQLCompositeType,
    field: FieldNode,
    def: GraphQLField<unknown, unknown>,
    ids: number,
  ): number => {
    // A connection's `nodes` are the `first` items its parent field already counted.
    if (isObjectType(parent) && 'pageInfo' in parent.getFields()) return 1;
    if (def.args.some((a) => a.name === 'first')) return pageSize(field, def, variables);
    if (def.args.some((a) => a.name === 'ids')) return Math.max(1, ids);
    return isListType(getNullableType(def.type)) ? LIST_ESTIMATE : 1;
  };

  const measured = measureSet(operation.selectionSet, root);
  return { ...measured, visits };
}

function tooComplex(
  message: string,
  node: OperationDefinitionNode | undefined,
  extensions: Record<string, unknown>,
): GraphQLError {
  return new GraphQLError(message, {
    nodes: node,
    extensions: { code: ErrorCode.QueryTooComplex, ...extensions, http: { status: 400 } },
  });
}

/** Every limit the measure breaks, as errors a client can act on. */
export function limitErrors(
  measure: OperationMeasure,
  limits: QueryLimits,
  operation?: OperationDefinitionNode,
): GraphQLError[] {
  const errors: GraphQLError[] = [];
  const { depth, cost, nodeIds, fields } = measure;
  if (depth > limits.maxDepth) {
    errors.push(
      tooComplex(`query depth ${depth} is over the limit of ${limits.maxDepth}`, operation, {
        limit: 'depth',
        depth,
        maxDepth: limits.maxDepth,
      }),
    );
  }
  if (cost > limits.maxCost) {
    const message = `query cost ${cost} is over the limit of ${limits.maxCost}: ask for smaller pages (first), fewer ids, aliases or nested lists`;
    errors.push(tooComplex(message, operation, { limit: 'cost', cost, maxCost: limits.maxCost }));
  }
  if (limits.maxNodeIds !== undefined && nodeIds > limits.maxNodeIds) {
    errors.push(
      tooComplex(`nodes(ids:) names ${nodeIds} ids; at most ${limits.maxNodeIds} are allowed`, operation, {
        limit: 'nodeIds',
        nodeIds,
        maxNodeIds: limits.maxNodeIds,
      }),
    );
  }
  if (limits.maxWrites !== undefined && operation?.operation === 'mutation' && fields > limits.maxWrites) {
    errors.push(
      tooComplex(
        `the operation makes ${fields} writes; at most ${limits.maxWrites} are allowed per request`,
        operation,
        { limit: 'writes', writes: fields, maxWrites: limits.maxWrites },
      ),
    );
  }
  return errors;
}

/** Depth, and cost and writes as far as literals tell; variables are measured by the abuse plugin. */
export function queryLimitsRule(limits: QueryLimits): ValidationRule {
  return (context) => {
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
    }
    return {
      OperationDefinition(operation) {
        const measure = measureOperation(context.getSchema(), operation, fragments);
        if (measure) for (const error of limitErrors(measure, limits, operation)) context.reportError(error);
      },
    };
  };
}
