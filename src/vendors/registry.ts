/** Configured connections → adapters. The one place that knows every vendor kind. */
import type { CacheFactory } from '../cache.js';
import type { ConnectionSettings } from '../config.js';
import type { Logger } from '../log.js';
import { createInfinityAdapter } from './infinity/index.js';
import { createTwoNAdapter } from './2n/index.js';
import { createPbxAdapter } from './pbx/index.js';
import type { ConnectionAdapter } from './ports.js';
import { createSipThorAdapter } from './sipthor/index.js';
import { createStringeeAdapter } from './stringee/index.js';

export function createAdapters(connections: ConnectionSettings[], logger: Logger, cache?: CacheFactory): ConnectionAdapter[] {
  return connections.map((connection) => {
    switch (connection.kind) {
      case 'infinity':
        return createInfinityAdapter(connection, logger, cache);
      case 'stringee':
        return createStringeeAdapter(connection, logger, cache);
      case 'pbx':
        return createPbxAdapter(connection, logger, cache);
      case '2n':
        return createTwoNAdapter(connection, logger, cache);
      case 'sipthor':
        return createSipThorAdapter(connection, logger, cache);
    }
  });
}
