/**
 * Subgraph SDL, derived from schema/*.graphql so the standalone schema stays the single source:
 * federation directives (`@key` on every Node type, `@listSize` on lists, `@shareable`,
 * `@external`/`@requires` on cross-vendor fields) exist only in these derived documents, never
 * in the files codegen reads.
 */
import {
  Kind,
  isTypeDefinitionNode,
  isTypeExtensionNode,
  parse,
  visit,
  type ConstDirectiveNode,
  type DirectiveDefinitionNode,
  type DefinitionNode,
  type DocumentNode,
  type FieldDefinitionNode,
  type ObjectTypeDefinitionNode,
  type SelectionSetNode,
  type TypeDefinitionNode,
  type TypeExtensionNode,
  type TypeNode,
} from 'graphql';
import { LIST_ESTIMATE } from '../limits.js';
import { loadSchemaFiles } from '../schema.js';
import type { SubgraphName } from './config.js';
import {
  CONTRIBUTED,
  RENAMED_IN_SUBGRAPH,
  SHAREABLE_TYPES,
  SLICES,
  WHOLE_SCHEMA_ONLY,
  type VendorSlice,
} from './slices.js';

export const FEDERATION_LINK = 'https://specs.apollo.dev/federation/v2.9';
const IMPORTS = ['@key', '@shareable', '@external', '@requires', '@listSize'];

interface SchemaIndex {
  defs: Map<string, TypeDefinitionNode>;
  /** Directive definitions of the schema files (kept, so applied directives stay valid). */
  directives: DirectiveDefinitionNode[];
  /** Type name, or `Query.field` / `Mutation.field`, → the schema file that declares it. */
  fileOf: Map<string, string>;
}

let index: SchemaIndex | undefined;

/**
 * Every file's definitions with each `extend type` folded into its type, on the AST itself, so
 * descriptions and applied directives (e.g. an authorization policy) reach the subgraph SDL.
 */
function schemaIndex(): SchemaIndex {
  if (index) return index;
  const defs = new Map<string, TypeDefinitionNode>();
  const directives: DirectiveDefinitionNode[] = [];
  const fileOf = new Map<string, string>();
  const extensions: TypeExtensionNode[] = [];
  for (const { file, sdl } of loadSchemaFiles()) {
    for (const def of parse(sdl).definitions) {
      if (def.kind === Kind.DIRECTIVE_DEFINITION) directives.push(def);
      else if (isTypeDefinitionNode(def)) {
        defs.set(def.name.value, def);
        fileOf.set(def.name.value, file);
      } else if (isTypeExtensionNode(def)) extensions.push(def);
      if (
        (def.kind === Kind.OBJECT_TYPE_DEFINITION || def.kind === Kind.OBJECT_TYPE_EXTENSION) &&
        ['Query', 'Mutation'].includes(def.name.value)
      ) {
        for (const field of def.fields ?? []) fileOf.set(`${def.name.value}.${field.name.value}`, file);
      }
    }
  }
  for (const ext of extensions) {
    const def = defs.get(ext.name.value) as Record<string, unknown> | undefined;
    if (!def) throw new Error(`extend type ${ext.name.value}: no such type in schema/*.graphql`);
    const merged: Record<string, unknown> = { ...def };
    for (const key of ['fields', 'values', 'interfaces', 'directives', 'types'] as const) {
      const more = (ext as unknown as Record<string, readonly unknown[] | undefined>)[key];
      if (more?.length) merged[key] = [...((def[key] as readonly unknown[] | undefined) ?? []), ...more];
    }
    defs.set(ext.name.value, merged as unknown as TypeDefinitionNode);
  }
  index = { defs, directives, fileOf };
  return index;
}

/** `@name(args)` written as SDL, parsed into a directive node. */
function directive(text: string): ConstDirectiveNode {
  const def = parse(`scalar _Directive ${text}`).definitions[0] as { directives: readonly ConstDirectiveNode[] };
  return def.directives[0]!;
}

const namedType = (type: TypeNode): string => (type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type));
const isList = (type: TypeNode): boolean =>
  type.kind === Kind.NON_NULL_TYPE ? isList(type.type) : type.kind === Kind.LIST_TYPE;
const isNode = (def: TypeDefinitionNode | undefined): def is ObjectTypeDefinitionNode =>
  def?.kind === Kind.OBJECT_TYPE_DEFINITION && (def.interfaces ?? []).some((i) => i.name.value === 'Node');
const isConnection = (def: TypeDefinitionNode | undefined): boolean =>
  def?.kind === Kind.OBJECT_TYPE_DEFINITION && (def.fields ?? []).some((f) => f.name.value === 'pageInfo');

/**
 * `@listSize` the way src/limits.ts counts: a paged field is `first` (or its default) objects
 * sized on its connection's `nodes`; any other list of objects is LIST_ESTIMATE long.
 */
function withListSize(
  parent: TypeDefinitionNode,
  field: FieldDefinitionNode,
  defs: SchemaIndex['defs'],
): FieldDefinitionNode {
  const target = defs.get(namedType(field.type));
  const first = field.arguments?.find((a) => a.name.value === 'first');
  let size: string | undefined;
  if (first && isConnection(target)) {
    const assumed = first.defaultValue?.kind === Kind.INT ? `assumedSize: ${first.defaultValue.value}, ` : '';
    size = `@listSize(${assumed}slicingArguments: ["first"], sizedFields: ["nodes"], requireOneSlicingArgument: false)`;
  } else if (
    isList(field.type) &&
    !isConnection(parent) &&
    target &&
    target.kind !== Kind.SCALAR_TYPE_DEFINITION &&
    target.kind !== Kind.ENUM_TYPE_DEFINITION
  ) {
    size = `@listSize(assumedSize: ${LIST_ESTIMATE})`;
  }
  return size ? { ...field, directives: [...(field.directives ?? []), directive(size)] } : field;
}

function objectType(
  def: ObjectTypeDefinitionNode,
  fields: FieldDefinitionNode[],
  directives: string[],
): ObjectTypeDefinitionNode {
  return { ...def, fields, directives: [...(def.directives ?? []), ...directives.map(directive)] };
}

/** The whole schema as one subgraph: every Node type an entity, `node`/`nodes`/`connections` renamed. */
function wholeSchema({ defs }: SchemaIndex): DefinitionNode[] {
  return [...defs.values()].map((def) => {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION) return def;
    let fields = (def.fields ?? []).map((f) => withListSize(def, f, defs));
    if (def.name.value === 'Query') {
      fields = fields.map((f) =>
        RENAMED_IN_SUBGRAPH[f.name.value]
          ? { ...f, name: { ...f.name, value: RENAMED_IN_SUBGRAPH[f.name.value]! } }
          : f,
      );
    }
    return objectType(def, fields, [
      ...(isNode(def) ? ['@key(fields: "id")'] : []),
      ...(SHAREABLE_TYPES.has(def.name.value) ? ['@shareable'] : []),
    ]);
  });
}

interface SliceTypes {
  types: Map<string, TypeDefinitionNode>;
  /** Entities present only by key, to receive or hand over cross-vendor fields. */
  stubs: Set<string>;
}

/** The types one vendor slice serves: its own, what they reach, and key-only stubs for contributions. */
function sliceTypes(slice: VendorSlice, { defs, directives, fileOf }: SchemaIndex): SliceTypes {
  const owns = (name: string): boolean => SLICES[slice].files.includes(fileOf.get(name) ?? '');
  const types = new Map<string, TypeDefinitionNode>();
  const stubs = new Set<string>();
  const pending: string[] = [];
  const reach = (type: TypeNode): void => void pending.push(namedType(type));
  const reachFields = (fields: readonly FieldDefinitionNode[]): void =>
    fields.forEach((f) => {
      reach(f.type);
      f.arguments?.forEach((a) => reach(a.type));
    });

  const include = (name: string): void => {
    const def = defs.get(name);
    if (!def || types.has(name) || stubs.has(name)) return;
    if (def.kind === Kind.OBJECT_TYPE_DEFINITION) {
      const fields = (def.fields ?? [])
        .filter((f) => (CONTRIBUTED[`${name}.${f.name.value}`]?.slice ?? slice) === slice)
        .map((f) => withListSize(def, f, defs));
      types.set(
        name,
        objectType(def, fields, [
          ...(isNode(def) ? ['@key(fields: "id")'] : []),
          ...(SHAREABLE_TYPES.has(name) ? ['@shareable'] : []),
        ]),
      );
      reachFields(fields);
      def.interfaces?.forEach((i) => pending.push(i.name.value));
    } else {
      types.set(name, def);
      if (def.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION) def.fields?.forEach((f) => reach(f.type));
    }
  };
  const drain = (): void => {
    while (pending.length > 0) include(pending.pop()!);
  };

  for (const root of ['Query', 'Mutation']) {
    const def = defs.get(root) as ObjectTypeDefinitionNode;
    const fields = (def.fields ?? []).filter(
      (f) => owns(`${root}.${f.name.value}`) && !WHOLE_SCHEMA_ONLY.has(`${root}.${f.name.value}`),
    );
    if (fields.length === 0) continue;
    types.set(
      root,
      objectType(
        def,
        fields.map((f) => withListSize(def, f, defs)),
        [],
      ),
    );
    reachFields(fields);
  }
  for (const name of defs.keys()) if (owns(name) && name !== 'Query' && name !== 'Mutation') pending.push(name);
  // Types the kept directive definitions take as arguments.
  for (const definition of directives) definition.arguments?.forEach((a) => reach(a.type));
  drain();

  const stub = (name: string, resolvable: boolean): ObjectTypeDefinitionNode => {
    let def = types.get(name) as ObjectTypeDefinitionNode | undefined;
    if (!def) {
      const original = defs.get(name) as ObjectTypeDefinitionNode;
      const key = resolvable ? '@key(fields: "id")' : '@key(fields: "id", resolvable: false)';
      def = objectType(
        { ...original, description: undefined, interfaces: [] },
        original.fields!.filter((f) => f.name.value === 'id'),
        [key],
      );
      stubs.add(name);
    }
    return def;
  };
  const addFields = (name: string, fields: FieldDefinitionNode[]): void => {
    const def = stub(name, true);
    types.set(name, { ...def, fields: [...(def.fields ?? []), ...fields] });
    reachFields(fields);
  };
  /** The fields a `@requires` names, declared `@external` (nested selections on key-only stubs). */
  const external = (name: string, selections: SelectionSetNode, resolvable: boolean): void => {
    const original = defs.get(name) as ObjectTypeDefinitionNode;
    const def = stub(name, resolvable);
    types.set(name, def);
    for (const selection of selections.selections) {
      if (selection.kind !== Kind.FIELD) continue;
      const field = original.fields!.find((f) => f.name.value === selection.name.value)!;
      addFields(name, [
        { ...field, description: undefined, directives: [...(field.directives ?? []), directive('@external')] },
      ]);
      if (selection.selectionSet) external(namedType(field.type), selection.selectionSet, false);
    }
  };
  for (const [path, contribution] of Object.entries(CONTRIBUTED)) {
    const [typeName, fieldName] = path.split('.') as [string, string];
    if (contribution.slice !== slice || (types.has(typeName) && !stubs.has(typeName))) continue;
    const field = (defs.get(typeName) as ObjectTypeDefinitionNode).fields!.find((f) => f.name.value === fieldName)!;
    const requires = contribution.requires
      ? [directive(`@requires(fields: ${JSON.stringify(contribution.requires)})`)]
      : [];
    addFields(typeName, [
      { ...withListSize(defs.get(typeName)!, field, defs), directives: [...(field.directives ?? []), ...requires] },
    ]);
    if (contribution.requires)
      external(
        typeName,
        (parse(`{ ${contribution.requires} }`).definitions[0] as { selectionSet: SelectionSetNode }).selectionSet,
        true,
      );
  }
  drain();
  return { types, stubs };
}

let vendorSlices: Map<VendorSlice, DefinitionNode[]> | undefined;

/** Every vendor slice; an entity served in full by several of them is `@shareable` in each. */
function allVendorSlices(index: SchemaIndex): Map<VendorSlice, DefinitionNode[]> {
  if (vendorSlices) return vendorSlices;
  const computed = (Object.keys(SLICES) as VendorSlice[]).map((slice) => [slice, sliceTypes(slice, index)] as const);
  const servedBy = new Map<string, number>();
  for (const [, { types, stubs }] of computed) {
    for (const name of types.keys())
      if (!stubs.has(name) && isNode(index.defs.get(name))) servedBy.set(name, (servedBy.get(name) ?? 0) + 1);
  }
  const order = [...index.defs.keys()];
  const byOrder = (a: TypeDefinitionNode, b: TypeDefinitionNode): number =>
    order.indexOf(a.name.value) - order.indexOf(b.name.value);
  vendorSlices = new Map(
    computed.map(([slice, { types, stubs }]) => [
      slice,
      [...types.values()]
        .sort(byOrder)
        .map((def) =>
          def.kind === Kind.OBJECT_TYPE_DEFINITION &&
          !stubs.has(def.name.value) &&
          (servedBy.get(def.name.value) ?? 0) > 1
            ? objectType(def, [...(def.fields ?? [])], ['@shareable'])
            : def,
        ),
    ]),
  );
  return vendorSlices;
}

/** The SDL a subgraph builds its schema from: sipgraph's own directives (`@policy`) included. */
export function subgraphDocument(name: SubgraphName): DocumentNode {
  const idx = schemaIndex();
  const link = parse(`extend schema @link(url: "${FEDERATION_LINK}", import: ${JSON.stringify(IMPORTS)})`)
    .definitions[0]!;
  const definitions = name === 'sipgraph' ? wholeSchema(idx) : allVendorSlices(idx).get(name)!;
  return { kind: Kind.DOCUMENT, definitions: [link, ...idx.directives, ...definitions] };
}

/**
 * The SDL a subgraph publishes (`_service { sdl }`, schema/federation/*.graphql): without
 * sipgraph's own directives and the types only they use. They are enforced inside the subgraph;
 * a router has nothing to do with them, and would keep their enums as unused types (a hint).
 */
export function publishedDocument(name: SubgraphName): DocumentNode {
  const own = new Set(schemaIndex().directives.map((d) => d.name.value));
  const stripped = visit(subgraphDocument(name), {
    Directive: (node) => (own.has(node.name.value) ? null : undefined),
    DirectiveDefinition: (node) => (own.has(node.name.value) ? null : undefined),
  });
  const used = new Set<string>();
  visit(stripped, { NamedType: (node) => void used.add(node.name.value) });
  const onlyForDirectives = new Set(
    schemaIndex().directives.flatMap((d) => (d.arguments ?? []).map((a) => namedType(a.type))),
  );
  const definitions = stripped.definitions.filter(
    (d) => !('name' in d && d.name && onlyForDirectives.has(d.name.value) && !used.has(d.name.value)),
  );
  return { ...stripped, definitions };
}
