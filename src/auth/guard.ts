/**
 * The context a policy-wrapped resolver sees: the same as the request's, except that every vendor
 * port it asks for is checked against the principal's grants first. `source` refuses a connection
 * the principal may not touch (FORBIDDEN, before any call); `sources` leaves such connections out
 * (cross-vendor joins, lists); a directory port checks the domain of every call and drops foreign
 * domains from `domains()`. So a batch (one DataLoader per request and connection) only ever holds
 * keys that passed the check, and a vendor is never asked for another tenant's rows.
 */
import type { GatewayContext, PortName } from '../context.js';
import type { DomainModel, VendorKind } from '../model.js';
import type { RequestSources } from '../vendors/ports.js';
import { allows, areasOn, describeNeed, forbidden, type Need } from './grants.js';
import type { Access, Area } from './principal.js';

export interface FieldPolicy {
  /** Undefined: the area of whatever connection is touched (node, account, cross-vendor lists). */
  area?: Area;
  access: Access | 'public' | 'admin';
}

/** The areas a port serves on a connection of `vendor`, narrowed to the field's area. */
export function needOn(policy: FieldPolicy, vendor: VendorKind): Need | undefined {
  if (policy.access === 'public' || policy.access === 'admin') return undefined;
  return { areas: areasOn(policy.area, vendor), access: policy.access };
}

/**
 * Whether each port belongs to a directory's domains: every method then takes the domain first
 * (`domains()` lists them). A Record, so a new port does not compile until it is classified here.
 */
const DOMAIN_KEYED: Record<PortName, boolean> = {
  directory: true,
  groups: true,
  queues: true,
  trustedNetworks: true,
  pbxDevices: true,
  providers: false,
  deviceConfig: false,
  accountSettings: false,
  accounts: false,
};

function guardDomains<T extends { readonly connection: string }>(port: T, ctx: GatewayContext, need: Need): T {
  const { principal } = ctx;
  const checked = new Map<string | symbol, unknown>();
  const check = (target: T, property: string | symbol, method: (...args: unknown[]) => unknown): unknown => {
    if (property === 'domains') {
      return async () =>
        ((await method.call(target)) as DomainModel[]).filter((d) =>
          allows(principal, target.connection, need, d.domainId),
        );
    }
    // Every other method takes the domain first: the check precedes the loader and the call.
    return (domainId: string, ...rest: unknown[]) => {
      if (!allows(principal, target.connection, need, domainId)) {
        throw forbidden(principal, describeNeed(need, target.connection, domainId), {
          connection: target.connection,
        });
      }
      return method.call(target, domainId, ...rest);
    };
  };
  return new Proxy(port, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      let wrapped = checked.get(property);
      if (!wrapped)
        checked.set(property, (wrapped = check(target, property, value as (...args: unknown[]) => unknown)));
      return wrapped;
    },
  });
}

/** `ctx` as a resolver with `policy` may use it. Admins get `ctx` itself. */
export function guardedContext(ctx: GatewayContext, policy: FieldPolicy): GatewayContext {
  if (ctx.principal.admin) return ctx;
  const { principal } = ctx;
  const vendorOf = new Map(ctx.connections.map((c) => [c.name, c.vendor]));
  const permitted = (connection: string): Need | undefined => {
    const vendor = vendorOf.get(connection);
    const need = vendor ? needOn(policy, vendor) : undefined;
    return need && allows(principal, connection, need) ? need : undefined;
  };
  // One guard per port and connection for the request: a page's nested fields ask for the same port once per row.
  const guards = new Map<object, object>();
  const guarded = <P extends PortName>(
    port: P,
    source: NonNullable<RequestSources[P]>,
    need: Need,
  ): NonNullable<RequestSources[P]> => {
    if (!DOMAIN_KEYED[port]) return source;
    let guard = guards.get(source);
    if (!guard) guards.set(source, (guard = guardDomains(source, ctx, need)));
    return guard as NonNullable<RequestSources[P]>;
  };
  const admitted = (connection: string): Need => {
    const need = permitted(connection);
    if (need) return need;
    const vendor = vendorOf.get(connection);
    const wanted = vendor ? needOn(policy, vendor) : undefined;
    throw forbidden(principal, wanted ? describeNeed(wanted, connection) : 'vendor access from this field', {
      connection,
    });
  };

  return Object.assign(Object.create(ctx) as GatewayContext, {
    connections: ctx.connections.filter((c) =>
      principal.grants.some((g) => g.connection === c.name || g.connection === '*'),
    ),
    source<P extends PortName>(port: P, connection: string) {
      const need = admitted(connection);
      return guarded(port, ctx.source(port, connection), need);
    },
    optionalSource<P extends PortName>(port: P, connection: string): RequestSources[P] {
      const need = admitted(connection);
      const source = ctx.optionalSource(port, connection);
      return source === undefined ? undefined : guarded(port, source as NonNullable<RequestSources[P]>, need);
    },
    sources<P extends PortName>(port: P, filter?: { vendor?: VendorKind; connection?: string }) {
      return ctx.sources(port, filter).flatMap((source) => {
        const need = permitted(source.connection);
        return need ? [guarded(port, source, need)] : [];
      });
    },
  } satisfies Partial<GatewayContext>);
}
