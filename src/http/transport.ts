/**
 * The one factory of connection transports: every vendor connection gets its undici Pool here,
 * composed with the gateway's interceptors, and its circuit breaker. A connection whose accounts
 * sign requests differently (SIP Thor) shares one transport and composes one dispatcher per scheme.
 *
 * Interceptor order, outermost first: retry (undici's) → auth → attempt tracer → fair queue → pool.
 * Each retry therefore carries fresh auth headers, and the tracer sees every request that reaches
 * a socket. The fair queue sits innermost so that only a request on the wire holds a slot: a retry's
 * backoff, a token login or a Digest challenge being answered holds none (and a token login, itself
 * a call on this connection, can never wait behind the request that needs it).
 */
import { Pool, type Dispatcher } from 'undici';
import type { Logger } from '../log.js';
import { silentLogger } from '../log.js';
import type { SharedRedis } from '../redis.js';
import { authInterceptor, type AuthScheme } from './auth.js';
import { CircuitBreaker, type BreakerSnapshot, type BreakerState } from './breaker.js';
import type { BreakerSettings } from './config.js';
import { FairQueue, fairQueueInterceptor } from './fair-queue.js';
import { ForwardingHandler, type Controller, type Handler, type Headers } from './forwarding-handler.js';
import { watchQueue } from './upstream-metrics.js';
import { retryInterceptor } from './retry.js';
import { RedisSlots } from './shared-slots.js';

export interface TransportSettings {
  vendor: string;
  connection: string;
  baseUrl: string;
  timeoutMs: number;
  maxConcurrency: number;
  retries: number;
  breaker?: BreakerSettings;
  /** When set, `maxConcurrency` holds for every replica together (shared-slots.ts). */
  sharedRedis?: SharedRedis;
  logger?: Logger;
}

/** Per call: whether any attempt reached a socket, and how many attempts went out. */
export interface AttemptTrace {
  sent: boolean;
  attempts: number;
  /** Each attempt's HTTP status, 0 when it got none. */
  statuses: number[];
}

export interface ConnectionHealth {
  vendor: string;
  connection: string;
  breaker: BreakerSnapshot;
  /** Requests sent since start (each retry and auth round trip counts). */
  sent: number;
  /** Calls this connection may have in flight (all replicas together when shared through Redis). */
  maxConcurrency: number;
}

/** One attempt's view of its call's trace: it notes reaching a socket and the status it got. */
class AttemptHandler extends ForwardingHandler {
  constructor(
    downstream: Handler,
    private readonly trace: AttemptTrace,
    private readonly attempt: number,
  ) {
    super(downstream);
  }

  override onRequestStart(controller: Controller, context: unknown): void {
    this.trace.sent = true;
    super.onRequestStart(controller, context);
  }

  override onResponseStart(controller: Controller, status: number, headers: Headers, message: string): void {
    this.trace.statuses[this.attempt] = status;
    super.onResponseStart(controller, status, headers, message);
  }
}

/** Counts attempts and notes when one reaches a socket: after that, a write may have been applied. */
function attemptTracer(transport: ConnectionTransport): Dispatcher.DispatcherComposeInterceptor {
  return (dispatch) =>
    function traced(opts, handler) {
      const trace = (opts as { trace?: AttemptTrace }).trace;
      transport.sent += 1;
      if (!trace) return dispatch(opts, handler);
      trace.attempts += 1;
      return dispatch(opts, new AttemptHandler(handler, trace, trace.statuses.push(0) - 1));
    };
}

const live = new Set<ConnectionTransport>();
type BreakerListener = (connection: string, state: BreakerState) => void;
const breakerListeners = new Set<BreakerListener>();

/** Hears every breaker's changes of state (metrics, /readyz); returns the unsubscribe. */
export function onBreakerChange(listener: BreakerListener): () => void {
  breakerListeners.add(listener);
  return () => breakerListeners.delete(listener);
}

export class ConnectionTransport {
  readonly pool: Pool;
  readonly breaker: CircuitBreaker;
  readonly basePath: string;
  readonly queue: FairQueue;
  sent = 0;
  private readonly sharedSlots: RedisSlots | undefined;
  private readonly unwatchQueue: () => void;

  constructor(readonly settings: TransportSettings) {
    const url = new URL(settings.baseUrl);
    this.basePath = url.pathname.replace(/\/+$/, '');
    this.pool = new Pool(url.origin, {
      connections: settings.maxConcurrency,
      pipelining: 1,
      keepAliveTimeout: 10_000,
      headersTimeout: settings.timeoutMs,
      bodyTimeout: settings.timeoutMs,
    });
    this.breaker = new CircuitBreaker(settings.breaker, Date.now, (state) => {
      for (const listener of breakerListeners) listener(settings.connection, state);
    });
    const logger = settings.logger ?? silentLogger;
    this.sharedSlots = settings.sharedRedis
      ? new RedisSlots(settings.sharedRedis, settings.connection, settings.maxConcurrency, settings.timeoutMs, logger)
      : undefined;
    this.queue = new FairQueue(settings.connection, settings.maxConcurrency, this.sharedSlots);
    this.unwatchQueue = watchQueue(this.queue);
    live.add(this);
  }

  /** A dispatcher over this connection's pool that signs with `auth` (none: unsigned). */
  dispatcher(auth?: AuthScheme): Dispatcher {
    return this.pool.compose(
      [
        fairQueueInterceptor(this.queue),
        attemptTracer(this),
        auth ? authInterceptor(auth) : null,
        retryInterceptor(this.settings.retries),
      ].filter((i) => i !== null),
    );
  }

  health(): ConnectionHealth {
    return {
      vendor: this.settings.vendor,
      connection: this.settings.connection,
      breaker: this.breaker.snapshot(),
      sent: this.sent,
      maxConcurrency: this.settings.maxConcurrency,
    };
  }

  async close(): Promise<void> {
    live.delete(this);
    this.unwatchQueue();
    this.sharedSlots?.close();
    await this.pool.close();
  }
}

export function createConnectionTransport(settings: TransportSettings): ConnectionTransport {
  return new ConnectionTransport(settings);
}

/**
 * Every open connection's breaker state and sent count, for /readyz and metrics: a connection whose
 * breaker is open is failing fast. Transports leave the list when closed.
 */
export function upstreamHealth(): ConnectionHealth[] {
  return [...live].map((t) => t.health());
}
