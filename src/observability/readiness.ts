/**
 * What /readyz answers: whether this replica should get traffic now. Not ready while it drains
 * (shutting down), while its configured Redis is unreachable (shared state — rate limits,
 * idempotency records, APQ — would silently split per replica), or when every vendor connection's
 * breaker is open. One open breaker among several is reported but keeps the replica ready: every
 * replica shares the same vendors, so taking them all out would turn a partial outage into a full one.
 */
import type { SharedRedis } from '../redis.js';
import { breakerStates, type BreakerState } from './metrics.js';

export interface ReadinessInputs {
  draining: boolean;
  redis: Pick<SharedRedis, 'healthy'> | undefined;
  connections: string[];
}

export interface ReadinessReport {
  ready: boolean;
  body: {
    status: 'ready' | 'draining' | 'not ready';
    redis: 'up' | 'down' | 'not configured';
    connections: Record<string, BreakerState>;
    reasons: string[];
  };
}

export function readiness({ draining, redis, connections }: ReadinessInputs): ReadinessReport {
  const states = breakerStates();
  const byConnection = Object.fromEntries(connections.map((name) => [name, states.get(name) ?? 'closed'])) as Record<
    string,
    BreakerState
  >;
  const redisState = redis ? (redis.healthy() ? 'up' : 'down') : 'not configured';
  const reasons: string[] = [];
  if (draining) reasons.push('draining: shutting down');
  if (redisState === 'down') reasons.push('redis is unreachable');
  const open = connections.filter((name) => byConnection[name] === 'open');
  if (connections.length > 0 && open.length === connections.length) reasons.push("every connection's breaker is open");
  const ready = reasons.length === 0;
  return {
    ready,
    body: {
      status: ready ? 'ready' : draining ? 'draining' : 'not ready',
      redis: redisState,
      connections: byConnection,
      reasons,
    },
  };
}
