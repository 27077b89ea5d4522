/**
 * The one place authorization is applied: `applyPolicies(schema)` reads every `@policy` directive
 * (schema/policy.graphql) and wraps each resolver so that, for a non-admin principal,
 *   1. the field's area and access are granted somewhere, and every id and connection among its
 *      arguments lies in what the principal is granted (FORBIDDEN otherwise, before the resolver
 *      runs: a mutation is refused whole, never half-done);
 *   2. the resolver gets a context whose vendor ports check each connection and domain they touch
 *      (src/auth/guard.ts), which covers nested relations, cross-vendor joins, lists and batches.
 * Resolvers stay unaware of it. A root field, or a field with a resolver, that has no policy (its
 * own or its type's) stops the schema from being built.
 */
import { MapperKind, getDirective, mapSchema } from '@graphql-tools/utils';
import {
  defaultFieldResolver,
  getNamedType,
  isInputObjectType,
  isObjectType,
  type GraphQLFieldConfig,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import type { GatewayContext } from '../context.js';
import { decodeId } from '../ids.js';
import type { VendorKind } from '../model.js';
import { allows, allowsSomewhere, areasOn, describeNeed, DOMAIN_SCOPED, forbidden } from './grants.js';
import { guardedContext, needOn, type FieldPolicy } from './guard.js';
import type { Area, Principal } from './principal.js';

const AREA: Record<string, Area> = {
  DIRECTORY: 'directory',
  DEVICES: 'devices',
  TRUNKS: 'trunks',
  DEVICE_SIP_CONFIG: 'deviceSipConfig',
  ACCOUNT_SETTINGS: 'accountSettings',
};
const ACCESS: Record<string, FieldPolicy['access']> = {
  PUBLIC: 'public',
  READ: 'read',
  WRITE: 'write',
  ADMIN: 'admin',
};

/** Id types whose first key part is their directory domain (src/ids.ts, the resolvers' encodeId calls). */
const DOMAIN_KEYED = new Set(['Domain', 'User', 'Group', 'Queue', 'QueueMember', 'TrustedNetwork', 'Device']);

function policyOf(schema: GraphQLSchema, node: Parameters<typeof getDirective>[1]): FieldPolicy | undefined {
  const [args] = getDirective(schema, node, 'policy') ?? [];
  if (!args) return undefined;
  const area = args.area === undefined ? undefined : AREA[String(args.area)];
  return { access: ACCESS[String(args.access)]!, ...(area ? { area } : {}) };
}

/** The ids (deep in input objects) and connection names a field's arguments hold. */
type ArgumentTargets = (args: Record<string, unknown>) => { ids: string[]; connections: string[] };

const NO_TARGETS = { ids: [], connections: [] };

/** Whether a value of `type` can hold an id or a connection name (an input object, through its fields). */
function canHoldTarget(type: GraphQLInputType, name: string, seen = new Set<string>()): boolean {
  const named = getNamedType(type);
  if (named.name === 'ID' || (named.name === 'String' && name === 'connection')) return true;
  if (!isInputObjectType(named) || seen.has(named.name)) return false;
  seen.add(named.name);
  return Object.values(named.getFields()).some((f) => canHoldTarget(f.type, f.name, seen));
}

function argumentTargets(field: GraphQLFieldConfig<unknown, unknown>): ArgumentTargets {
  const argDefs = Object.entries(field.args ?? {}).filter(([name, def]) => canHoldTarget(def.type, name));
  // Most nested fields (paging, filters) name nothing a grant limits: nothing to walk on every row.
  if (argDefs.length === 0) return () => NO_TARGETS;
  const collect = (
    value: unknown,
    type: GraphQLInputType,
    ids: string[],
    connections: string[],
    name: string,
  ): void => {
    if (value === null || value === undefined) return;
    if (Array.isArray(value)) {
      for (const item of value) collect(item, type, ids, connections, name);
      return;
    }
    const named = getNamedType(type);
    if (named.name === 'ID' && typeof value === 'string') ids.push(value);
    else if (named.name === 'String' && name === 'connection' && typeof value === 'string') connections.push(value);
    else if (isInputObjectType(named) && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
        const fieldType = named.getFields()[key]?.type;
        if (fieldType) collect(inner, fieldType, ids, connections, key);
      }
    }
  };
  return (args) => {
    const ids: string[] = [];
    const connections: string[] = [];
    for (const [name, def] of argDefs) collect(args[name], def.type, ids, connections, name);
    return { ids, connections };
  };
}

/** Step 1: refuses the field before its resolver runs when the principal cannot have what it names. */
function checkArguments(
  ctx: GatewayContext,
  policy: FieldPolicy,
  targets: ArgumentTargets,
  args: Record<string, unknown>,
  typeArea: (type: string) => Area | undefined,
): void {
  const { principal } = ctx;
  if (policy.access === 'public') return;
  if (policy.access === 'admin') throw forbidden(principal, 'admin access');
  const access = policy.access;
  if (!allowsSomewhere(principal, policy.area, access))
    throw forbidden(principal, describeNeed({ areas: policy.area ? [policy.area] : undefined, access }));
  const vendorOf = (connection: string): VendorKind | undefined =>
    ctx.connections.find((c) => c.name === connection)?.vendor;
  const { ids, connections } = targets(args);
  for (const connection of connections) {
    const vendor = vendorOf(connection);
    const need = { areas: vendor ? areasOn(policy.area, vendor) : undefined, access };
    if (!vendor || !allows(principal, connection, need))
      throw forbidden(principal, describeNeed(need, connection), { connection });
  }
  for (const id of ids) {
    let gid;
    try {
      gid = decodeId(id, 'id', ctx.connectionVendors);
    } catch {
      continue; // not an id at all: the resolver answers BAD_USER_INPUT, and touches nothing
    }
    const vendor = vendorOf(gid.connection);
    const need = { areas: vendor ? areasOn(policy.area ?? typeArea(gid.type), vendor) : undefined, access };
    const domain = vendor && DOMAIN_SCOPED.has(vendor) && DOMAIN_KEYED.has(gid.type) ? gid.key[0] : undefined;
    if (!vendor || !allows(principal, gid.connection, need, domain))
      throw forbidden(principal, describeNeed(need, gid.connection, domain), { connection: gid.connection });
  }
}

/** Each field's policy (its own, else its type's), per schema: `fieldAdmits` is asked once per page. */
const fieldPolicies = new WeakMap<GraphQLSchema, Map<string, FieldPolicy | undefined>>();

function fieldPolicy(schema: GraphQLSchema, typeName: string, fieldName: string): FieldPolicy | undefined {
  let policies = fieldPolicies.get(schema);
  if (!policies) fieldPolicies.set(schema, (policies = new Map()));
  const coordinate = `${typeName}.${fieldName}`;
  if (policies.has(coordinate)) return policies.get(coordinate);
  const type = schema.getType(typeName);
  const field = isObjectType(type) ? type.getFields()[fieldName] : undefined;
  const policy = field && type ? (policyOf(schema, field) ?? policyOf(schema, type)) : undefined;
  policies.set(coordinate, policy);
  return policy;
}

/**
 * Whether `typeName.fieldName` would let the principal read `connection` (in `domain`): for a
 * resolver that loads ahead what a nested field will ask, so that it loads nothing that field
 * would refuse. The field itself still applies its policy when it runs.
 */
export function fieldAdmits(
  ctx: GatewayContext,
  schema: GraphQLSchema,
  typeName: string,
  fieldName: string,
  at: { connection: string; domain?: string },
): boolean {
  const { principal } = ctx;
  if (principal.admin) return true;
  const policy = fieldPolicy(schema, typeName, fieldName);
  if (policy?.access === 'public') return true;
  const vendor = ctx.connectionVendors.get(at.connection);
  if (!policy || !vendor) return false;
  const need = needOn(policy, vendor);
  if (!need) return false; // an admin-only field
  return allows(principal, at.connection, need, DOMAIN_SCOPED.has(vendor) ? at.domain : undefined);
}

/** One guarded context per request and policy: resolvers of one field share it. */
const guardedByRequest = new WeakMap<GatewayContext, Map<string, GatewayContext>>();

function guardedFor(ctx: GatewayContext, key: string, policy: FieldPolicy): GatewayContext {
  let perPolicy = guardedByRequest.get(ctx);
  if (!perPolicy) guardedByRequest.set(ctx, (perPolicy = new Map()));
  let guarded = perPolicy.get(key);
  if (!guarded) perPolicy.set(key, (guarded = guardedContext(ctx, policy)));
  return guarded;
}

/** The fields that need a policy and have none: every root field, and every field with a resolver. */
export function fieldsWithoutPolicy(schema: GraphQLSchema): string[] {
  const roots = new Set([schema.getQueryType()?.name, schema.getMutationType()?.name]);
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const typePolicy = roots.has(type.name) ? undefined : policyOf(schema, type);
    for (const field of Object.values(type.getFields())) {
      const needed = roots.has(type.name) || field.resolve !== undefined;
      if (needed && !policyOf(schema, field) && !typePolicy) missing.push(`${type.name}.${field.name}`);
    }
  }
  return missing;
}

export function applyPolicies(schema: GraphQLSchema): GraphQLSchema {
  const missing = fieldsWithoutPolicy(schema);
  if (missing.length > 0) throw new Error(`fields without a @policy: ${missing.join(', ')}`);
  const typeAreas = new Map<string, Area | undefined>();
  for (const type of Object.values(schema.getTypeMap()) as GraphQLNamedType[]) {
    if (isObjectType(type)) typeAreas.set(type.name, policyOf(schema, type)?.area);
  }
  const typeArea = (type: string): Area | undefined => typeAreas.get(type);

  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (fieldConfig, fieldName, typeName) => {
      const own = policyOf(schema, fieldConfig);
      const type = schema.getType(typeName);
      const policy = own ?? (type ? policyOf(schema, type as Parameters<typeof getDirective>[1]) : undefined);
      if (!policy || (!own && !fieldConfig.resolve)) return fieldConfig;
      const resolve = fieldConfig.resolve ?? defaultFieldResolver;
      const targets = argumentTargets(fieldConfig as GraphQLFieldConfig<unknown, unknown>);
      const key = `${policy.area ?? '*'}:${policy.access}`;
      return {
        ...fieldConfig,
        resolve(parent, args, ctx: GatewayContext, info) {
          if (ctx.principal.admin) return resolve(parent, args, ctx, info);
          checkArguments(ctx, policy, targets, args as Record<string, unknown>, typeArea);
          return resolve(parent, args, guardedFor(ctx, key, policy), info);
        },
      };
    },
  });
}

export type { Principal };
