/**
 * The planner's prediction: which vendor calls an operation will make, per connection, and in how
 * many rounds, computed from the document and its variables before any resolver runs. It walks the
 * selections the way the resolvers will, asks each connection's call profile what a read costs
 * (src/vendors/call-profile.ts) and counts distinct call keys, as one request's cache makes each
 * call once. List sizes come from the page asked for, bounded by the sizes seen before; what it
 * had to assume is listed in `assumptions`, and fields no model covers in `unmodelled`.
 */
import {
  Kind,
  getNamedType,
  isCompositeType,
  valueFromASTUntyped,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { decodeId } from '../ids.js';
import { selectedFields, selectsPath } from '../resolvers/shared.js';
import type { ConnectionAdapter } from '../vendors/ports.js';
import { FIELD_MODELS, FREE_COORDINATES, FREE_FIELDS, type Flow } from './models.js';

export interface ConnectionPrediction {
  connection: string;
  vendor: string;
  calls: number;
  rounds: number;
}

export interface Prediction {
  calls: number;
  rounds: number;
  connections: ConnectionPrediction[];
  /** What the figures rest on besides the document (list sizes not seen yet, joins assumed to match). */
  assumptions: string[];
  /** Fields whose calls no model predicts (`Type.field`): the figures do not count them. */
  unmodelled: string[];
}

/** What a field model sees: the field, its arguments, and the calls and notes of the walk. */
export class Walk {
  private readonly calls = new Map<string, Map<string, number>>();
  readonly assumptions = new Set<string>();
  /** Every connection and domain the walk reached: what the asker must be allowed to read to see the plan. */
  readonly reached = new Set<string>();
  readonly unmodelled = new Set<string>();

  constructor(
    readonly adapters: ReadonlyMap<string, ConnectionAdapter>,
    readonly fragments: Record<string, FragmentDefinitionNode>,
    private readonly variables: Record<string, unknown>,
    /** `Type.field` of every field with a resolver of its own: the ones that may call a vendor. */
    readonly resolvedFields: ReadonlySet<string>,
  ) {}

  /** Registers calls going out in `round`; a key already made keeps its earlier round. Returns the round the data is ready. */
  call(connection: string, keys: readonly string[], round: number): number {
    if (keys.length === 0) return round - 1;
    let made = this.calls.get(connection);
    if (!made) this.calls.set(connection, (made = new Map()));
    for (const key of keys) made.set(key, Math.min(made.get(key) ?? round, round));
    return round;
  }

  /** Steps that each wait for the one before, starting in `round`; returns the round the last is ready. */
  steps(connection: string, steps: readonly string[][], round: number): number {
    let ready = round - 1;
    for (const keys of steps) ready = this.call(connection, keys, ready + 1);
    return ready;
  }

  made(connection: string, key: string): boolean {
    return this.calls.get(connection)?.has(key) ?? false;
  }

  args(field: FieldNode): Record<string, unknown> {
    const args: Record<string, unknown> = {};
    for (const arg of field.arguments ?? []) args[arg.name.value] = valueFromASTUntyped(arg.value, this.variables);
    return args;
  }

  /** The global id in an argument, or undefined when it does not decode (validation refuses it later). */
  id(value: unknown): { connection: string; key: string[] } | undefined {
    try {
      return typeof value === 'string' ? decodeId(value) : undefined;
    } catch {
      return undefined;
    }
  }

  fieldsOf(field: FieldNode): Set<string> {
    return selectedFields(this.info(field));
  }

  selects(field: FieldNode, path: string[]): boolean {
    return selectsPath(this.info(field), path);
  }

  private info(field: FieldNode): GraphQLResolveInfo {
    return { fieldNodes: [field], fragments: this.fragments } as unknown as GraphQLResolveInfo;
  }

  result(): Prediction {
    const connections: ConnectionPrediction[] = [];
    for (const [connection, made] of this.calls) {
      if (made.size === 0) continue;
      connections.push({
        connection,
        vendor: this.adapters.get(connection)?.vendor ?? 'unknown',
        calls: made.size,
        rounds: Math.max(...made.values()),
      });
    }
    connections.sort((a, b) => a.connection.localeCompare(b.connection));
    return {
      calls: connections.reduce((sum, c) => sum + c.calls, 0),
      rounds: connections.reduce((most, c) => Math.max(most, c.rounds), 0),
      connections,
      assumptions: [...this.assumptions].sort(),
      unmodelled: [...this.unmodelled].sort(),
    };
  }
}

function free(type: string, field: string, coordinate: string): boolean {
  return FREE_FIELDS.has(field) || FREE_COORDINATES.has(coordinate) || type.endsWith('Connection');
}

function skipped(field: FieldNode, variables: Record<string, unknown>): boolean {
  for (const directive of field.directives ?? []) {
    const condition = directive.arguments?.find((a) => a.name.value === 'if');
    if (!condition) continue;
    const value = valueFromASTUntyped(condition.value, variables);
    if (directive.name.value === 'skip' && value === true) return true;
    if (directive.name.value === 'include' && value === false) return true;
  }
  return false;
}

export function predictOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  adapters: ReadonlyMap<string, ConnectionAdapter>,
  resolvedFields: ReadonlySet<string>,
): { prediction: Prediction; reached: Array<{ connection: string; domainId?: string }> } {
  const walk = new Walk(adapters, fragments, variables, resolvedFields);
  const root = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  if (operation.operation === 'mutation') walk.unmodelled.add('Mutation (writes are not predicted)');
  else if (root) visit(walk, schema, root, operation.selectionSet, [{ count: 1, round: 0 }], variables);
  const reached = [...walk.reached].map((key) => {
    const [connection, domainId] = key.split('\n') as [string, string];
    return domainId ? { connection, domainId } : { connection };
  });
  return { prediction: walk.result(), reached };
}

function visit(
  walk: Walk,
  schema: GraphQLSchema,
  parentType: GraphQLCompositeType,
  selectionSet: SelectionSetNode,
  flows: Flow[],
  variables: Record<string, unknown>,
): void {
  if (flows.every((f) => f.count === 0)) return;
  for (const flow of flows) if (flow.connection) walk.reached.add(`${flow.connection}\n${flow.domainId ?? ''}`);
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parentType;
      if (type && isCompositeType(type)) visit(walk, schema, type, selection.selectionSet, flows, variables);
      continue;
    }
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = walk.fragments[selection.name.value];
      const type = fragment ? schema.getType(fragment.typeCondition.name.value) : undefined;
      if (fragment && type && isCompositeType(type)) visit(walk, schema, type, fragment.selectionSet, flows, variables);
      continue;
    }
    if (skipped(selection, variables)) continue;
    const name = selection.name.value;
    const coordinate = `${parentType.name}.${name}`;
    const definition = 'getFields' in parentType ? parentType.getFields()[name] : undefined;
    const model = FIELD_MODELS[coordinate];
    let children = flows;
    if (model) children = model(walk, selection, flows);
    else if (walk.resolvedFields.has(coordinate) && !free(parentType.name, name, coordinate))
      walk.unmodelled.add(coordinate);
    const type = definition ? getNamedType(definition.type) : undefined;
    if (selection.selectionSet && type && isCompositeType(type))
      visit(walk, schema, type, selection.selectionSet, children, variables);
  }
}
