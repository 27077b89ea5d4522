/**
 * The one Redis connection of a gateway process, shared by everything that keeps state across
 * replicas (read cache, rate limits, idempotency records, journals, APQ). Absent when no
 * `redis.url` is configured: each feature then keeps its state in memory.
 *
 * Commands fail fast instead of queueing while Redis is down, so a caller can degrade (read
 * uncached, say) rather than hang; `healthy()` is what /readyz reports.
 */
import { once } from 'node:events';
import { setTimeout as delay } from 'node:timers/promises';
import { Redis } from 'ioredis';
import type { Logger } from './log.js';

export interface SharedRedis {
  readonly client: Redis;
  /** Prefix for every key this gateway writes, so several deployments can share one server. */
  readonly prefix: string;
  healthy(): boolean;
  /** Resolves once connected (true) or when `timeoutMs` has passed without a connection (false). */
  ready(timeoutMs: number): Promise<boolean>;
  close(): Promise<void>;
}

export function createSharedRedis(url: string, prefix: string, logger: Logger): SharedRedis {
  const client = new Redis(url, {
    lazyConnect: false,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  });
  let up = false;
  let warned = false;
  client.on('ready', () => {
    up = true;
    if (warned) logger.info('redis reachable again');
    warned = false;
  });
  client.on('error', (error: Error) => {
    up = false;
    if (!warned) logger.warn('redis unreachable: shared state degrades to this process', { error: error.message });
    warned = true;
  });
  client.on('end', () => {
    up = false;
  });
  return {
    client,
    prefix,
    healthy: () => up && client.status === 'ready',
    ready: (timeoutMs) =>
      client.status === 'ready'
        ? Promise.resolve(true)
        : Promise.race([
            once(client, 'ready').then(
              () => true,
              () => false,
            ),
            delay(timeoutMs, false, { ref: false }),
          ]),
    async close() {
      try {
        await client.quit();
      } catch {
        client.disconnect();
      }
    },
  };
}
