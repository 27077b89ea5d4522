/**
 * What a vendor folder tells the core about itself: one `VendorDescriptor`, exported by its
 * index.ts and listed once in src/vendors/catalog.ts. The config's connection union, the registry
 * of adapters, the vendors an id may name and the GraphQL Vendor enum's values derive from these.
 */
import type { z } from 'zod';
import type { CacheFactory } from '../cache.js';
import type { Resolved } from '../config-fields.js';
import type { Logger } from '../log.js';
import type { ConnectionAdapter, RequestSources } from './ports.js';

export type PortName = keyof RequestSources;

export interface VendorDescriptor<
  K extends string = string,
  S extends z.ZodType<{ kind: K }> = z.ZodType<{ kind: K }>,
> {
  /** The config file's `kind`, and the vendor part of every global id. */
  readonly kind: K;
  /** The value clients see for this vendor (the GraphQL `Vendor` enum, declared in schema/base.graphql). */
  readonly publicName: string;
  /** One connection's settings (zod), `kind` included. */
  readonly settings: S;
  /** The capability ports each request's sources offer; the others are NOT_SUPPORTED. */
  readonly ports: readonly PortName[];
  /**
   * The id types this vendor issues and the shape of each native key part (`User: [NUMERIC,
   * NUMERIC]` for domain and user). An id of another type, or whose parts do not fit, is refused
   * before any vendor call.
   */
  readonly idKeys: Readonly<Record<string, readonly RegExp[]>>;
  /**
   * Calls in flight per connection unless its config says otherwise: what the vendor's kind of
   * server takes (a cloud API more than a PBX, an intercom 2–4). Reasons in docs/vendors.md.
   */
  readonly maxConcurrency: number;
  /** Cross-request cache scopes: what a write to `path` makes stale (src/cache.ts). */
  readonly cacheScopes: (path: string) => string[];
  /** An adapter for one configured connection; lives as long as the server. */
  create(settings: Resolved<z.infer<S>>, logger: Logger, cache?: CacheFactory): ConnectionAdapter;
}

/** Declares a descriptor with its types kept literal (`kind`, the settings schema). */
export function defineVendor<K extends string, S extends z.ZodType<{ kind: K }>>(
  descriptor: VendorDescriptor<K, S>,
): VendorDescriptor<K, S> {
  return descriptor;
}

/** One connection's settings as an adapter receives them (secrets resolved). */
export type SettingsOf<S extends z.ZodType> = Resolved<z.infer<S>>;
