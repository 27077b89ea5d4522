/** Configured connections → adapters. The one place that knows every vendor kind. */
import type { ConnectionSettings } from '../config.js';
import type { Logger } from '../log.js';
import { createInfinityAdapter } from './infinity/index.js';
import { createTwoNAdapter } from './2n/index.js';
import { createPbxAdapter } from './pbx/index.js';
import type { ConnectionAdapter } from './ports.js';
import { createSipThorAdapter } from './sipthor/index.js';
import { createStringeeAdapter } from './stringee/index.js';

export function createAdapters(connections: ConnectionSettings[], logger: Logger): ConnectionAdapter[] {
  return connections.map((connection) => {
    switch (connection.kind) {
      case 'infinity':
        return createInfinityAdapter(connection, logger);
      case 'stringee':
        return createStringeeAdapter(connection, logger);
      case 'pbx':
        return createPbxAdapter(connection, logger);
      case '2n':
        return createTwoNAdapter(connection, logger);
      case 'sipthor':
        return createSipThorAdapter(connection, logger);
    }
  });
}
