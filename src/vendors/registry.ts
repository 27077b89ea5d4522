/** Configured connections → adapters, each made by the factory of its vendor's descriptor. */
import type { CacheFactory } from '../cache.js';
import type { ConnectionSettings } from '../config.js';
import type { Logger } from '../log.js';
import type { SharedRedis } from '../redis.js';
import { descriptorOf } from './catalog.js';
import type { SettingsOf, VendorDescriptor } from './descriptor.js';
import type { ConnectionAdapter } from './ports.js';

/**
 * `sharedRedis`: the process's Redis, when configured; each connection's concurrency limit then
 * holds for all replicas together (src/http/shared-slots.ts).
 */
export function createAdapters(
  connections: ConnectionSettings[],
  logger: Logger,
  cache?: CacheFactory,
  sharedRedis?: SharedRedis,
): ConnectionAdapter[] {
  return connections.map((connection) => {
    // The config's union on `kind` was parsed by this very descriptor's settings schema.
    const vendor = descriptorOf(connection.kind) as VendorDescriptor | undefined;
    if (!vendor) throw new Error(`no vendor "${connection.kind}" is registered in src/vendors/catalog.ts`);
    const maxConcurrency = connection.maxConcurrency ?? vendor.maxConcurrency;
    const settings = { ...connection, maxConcurrency, ...(sharedRedis ? { sharedRedis } : {}) };
    return vendor.create(settings as SettingsOf<typeof vendor.settings>, logger, cache);
  });
}
