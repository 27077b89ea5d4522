/**
 * The durability features of one gateway process, wired once by createServer: idempotency
 * records, the change journal and its recovery, and the draining state of a graceful shutdown.
 */
import type { Server } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import type { GatewayContext } from '../context.js';
import type { Logger } from '../log.js';
import type { SharedRedis } from '../redis.js';
import type { DurabilitySettings } from './config.js';
import { idempotencyPlugin } from './idempotency.js';
import { MemoryIdempotencyStore, RedisIdempotencyStore } from './idempotency-store.js';
import { createChangeRunner, type ChangeRunner } from './saga.js';

export interface Durability {
  /** True from the first shutdown signal on: /readyz answers 503 and new requests are refused. */
  readonly draining: boolean;
  /** Apollo plugins: idempotency keys, and draining the http server within the grace period. */
  plugins(http: Server): ApolloServerPlugin<GatewayContext>[];
  startDraining(): void;
  /** The journaled multi-step changes of this process. */
  readonly changes: ChangeRunner;
}

/** Puts what checks after unknown outcomes found into `extensions.reconciled` (before the answer is stored for replay). */
const reconciledPlugin: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        const notes = contextValue.scope.reconciled;
        if (!notes?.length || response.body.kind !== 'single') return;
        const result = response.body.singleResult;
        result.extensions = { ...result.extensions, reconciled: notes };
      },
    };
  },
};

export function createDurability(
  settings: DurabilitySettings,
  logger: Logger,
  redis: SharedRedis | undefined,
): Durability {
  const idempotency = redis ? new RedisIdempotencyStore(redis) : new MemoryIdempotencyStore();
  let draining = false;
  const changes = createChangeRunner(settings.journal, logger, redis);
  return {
    changes,
    get draining() {
      return draining;
    },
    plugins: (http) => [
      reconciledPlugin,
      idempotencyPlugin(idempotency, settings.idempotency, logger),
      ApolloServerPluginDrainHttpServer({ httpServer: http, stopGracePeriodMillis: settings.shutdown.graceMs }),
    ],
    startDraining() {
      draining = true;
    },
  };
}
