/** Configured connections → adapters, each made by the factory of its vendor's descriptor. */
import type { CacheFactory } from '../cache.js';
import type { ConnectionSettings } from '../config.js';
import type { Logger } from '../log.js';
import { descriptorOf } from './catalog.js';
import type { SettingsOf, VendorDescriptor } from './descriptor.js';
import type { ConnectionAdapter } from './ports.js';

export function createAdapters(
  connections: ConnectionSettings[],
  logger: Logger,
  cache?: CacheFactory,
): ConnectionAdapter[] {
  return connections.map((connection) => {
    // The config's union on `kind` was parsed by this very descriptor's settings schema.
    const vendor = descriptorOf(connection.kind) as VendorDescriptor | undefined;
    if (!vendor) throw new Error(`no vendor "${connection.kind}" is registered in src/vendors/catalog.ts`);
    return vendor.create(connection as SettingsOf<typeof vendor.settings>, logger, cache);
  });
}
