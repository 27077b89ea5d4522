/** Configured connections → adapters. The one place that knows every vendor kind. */
import type { ConnectionSettings } from '../config.js';
import type { Logger } from '../log.js';
import { createInfinityAdapter } from './infinity/index.js';
import { createPbxAdapter } from './pbx/index.js';
import type { ConnectionAdapter } from './ports.js';
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
      default:
        throw new Error(`connection "${connection.name}": vendor kind ${connection.kind} is not supported yet`);
    }
  });
}
