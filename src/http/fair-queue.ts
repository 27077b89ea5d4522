/**
 * At most `maxConcurrency` calls in flight on one connection, and the waiting calls served
 * round-robin by GraphQL request: a request that queued 200 calls first takes one slot in turn with
 * every other waiting request, instead of holding every socket until its last call is out (undici's
 * Pool serves FIFO). Calls made outside any request (start-up, recovery) form one queue of their own.
 *
 * A waiter whose signal aborts (its request's deadline, its client hanging up) leaves the queue at
 * once and fails with `QueuedCallAbandoned`: the vendor never saw it, so it says nothing of the
 * vendor's health and the breaker does not count it.
 *
 * Slots are this process's alone unless a `SharedSlots` is given (shared-slots.ts): then each slot
 * is also a lease in Redis, so that every replica together keeps the limit.
 */
import type { Dispatcher } from 'undici';
import { ForwardingHandler, type Controller, type Handler, type Headers } from './forwarding-handler.js';
import { queueWaitOf } from './upstream-metrics.js';

/** Why a queued call never went out: its own request gave up while it waited for a slot. */
export class QueuedCallAbandoned extends Error {
  constructor(readonly reason: unknown) {
    super('gave up while waiting for a free slot on the connection');
    this.name = 'QueuedCallAbandoned';
  }
}

/** A slot held on the shared limit; released when the call ends. */
export interface Lease {
  release(): void;
}

/** The replicas' shared limit on one connection (shared-slots.ts). */
export interface SharedSlots {
  /** A lease if the replicas together have a slot free now; undefined when all are taken. */
  tryAcquire(): Promise<Lease | undefined>;
  /** Resolves when a slot may have come free (a release published, a lease expiring, a backoff). */
  freed(): Promise<void>;
}

interface Waiter {
  key: unknown;
  start(done: () => void): void;
  abandon(error: QueuedCallAbandoned): void;
  signal: AbortSignal | undefined;
  onAbort: (() => void) | undefined;
  queuedAt: number;
}

const OUTSIDE_ANY_REQUEST = Symbol('outside any request');

export class FairQueue {
  /** Each request's waiters; Map order is the round-robin order (a served key moves to the back). */
  private readonly waiting = new Map<unknown, Waiter[]>();
  private queued = 0;
  private inFlight = 0;
  private acquiring = false;
  private readonly waits: { observe(seconds: number): void };

  constructor(
    readonly connection: string,
    readonly maxConcurrency: number,
    private readonly shared?: SharedSlots,
  ) {
    this.waits = queueWaitOf(connection);
  }

  /** Calls waiting for a slot now. */
  get size(): number {
    return this.queued;
  }

  /** Calls holding a slot now. */
  get active(): number {
    return this.inFlight;
  }

  /** Queues a call for `requestKey`; `start` runs when it has a slot and must call `done` exactly once. */
  enqueue(
    requestKey: object | undefined,
    signal: AbortSignal | undefined,
    start: (done: () => void) => void,
    abandon: (error: QueuedCallAbandoned) => void,
  ): void {
    if (signal?.aborted) return abandon(new QueuedCallAbandoned(signal.reason));
    const queuedAt = performance.now();
    // Nobody waiting and a slot free: no turn to take, no abort listener to add.
    if (!this.shared && this.queued === 0 && this.inFlight < this.maxConcurrency) {
      return this.run(start, queuedAt, undefined);
    }
    const key = requestKey ?? OUTSIDE_ANY_REQUEST;
    const waiter: Waiter = { key, start, abandon, signal, onAbort: undefined, queuedAt };
    if (signal) {
      waiter.onAbort = () => this.leave(waiter);
      signal.addEventListener('abort', waiter.onAbort, { once: true });
    }
    const line = this.waiting.get(key);
    if (line) line.push(waiter);
    else this.waiting.set(key, [waiter]);
    this.queued += 1;
    this.pump();
  }

  private leave(waiter: Waiter): void {
    const line = this.waiting.get(waiter.key);
    const at = line?.indexOf(waiter) ?? -1;
    if (!line || at < 0) return;
    line.splice(at, 1);
    if (line.length === 0) this.waiting.delete(waiter.key);
    this.queued -= 1;
    waiter.abandon(new QueuedCallAbandoned(waiter.signal?.reason));
  }

  /** The next waiter round-robin: the first request in line gives one call, then goes to the back. */
  private next(): Waiter | undefined {
    const first = this.waiting.entries().next();
    if (first.done) return undefined;
    const [key, line] = first.value;
    const waiter = line.shift()!;
    this.waiting.delete(key);
    if (line.length > 0) this.waiting.set(key, line);
    this.queued -= 1;
    if (waiter.signal && waiter.onAbort) waiter.signal.removeEventListener('abort', waiter.onAbort);
    return waiter;
  }

  private pump(): void {
    if (this.shared) {
      void this.pumpShared(this.shared);
      return;
    }
    while (this.inFlight < this.maxConcurrency && this.queued > 0) {
      const waiter = this.next()!;
      this.run(waiter.start, waiter.queuedAt, undefined);
    }
  }

  /** One acquisition at a time per connection: each asks Redis, and only the waiter at the head needs a slot. */
  private async pumpShared(shared: SharedSlots): Promise<void> {
    if (this.acquiring) return;
    this.acquiring = true;
    try {
      while (this.inFlight < this.maxConcurrency && this.queued > 0) {
        const lease = await shared.tryAcquire();
        if (!lease) {
          await shared.freed();
          continue;
        }
        const waiter = this.next();
        if (!waiter) {
          lease.release();
          break;
        }
        this.run(waiter.start, waiter.queuedAt, lease);
      }
    } finally {
      this.acquiring = false;
    }
  }

  private run(start: Waiter['start'], queuedAt: number, lease: Lease | undefined): void {
    this.inFlight += 1;
    this.waits.observe((performance.now() - queuedAt) / 1000);
    let ended = false;
    start(() => {
      if (ended) return;
      ended = true;
      this.inFlight -= 1;
      lease?.release();
      // Not from inside undici's callback: the next call starts once this one's handler has returned.
      queueMicrotask(() => this.pump());
    });
  }
}

/** Dispatch options this interceptor reads; undici passes unknown keys along. */
export interface FairQueueDispatchExtras {
  /**
   * The GraphQL request this call belongs to: its request scope, by identity. Not its request id,
   * which a client may choose (`x-request-id`): two clients sending the same id keep their own turns.
   */
  scope?: object;
}

/**
 * The interceptor: each attempt (a retry, an auth round trip) waits for its own slot and gives it
 * back when its answer has been read or failed, so nothing between attempts holds one.
 */
export function fairQueueInterceptor(queue: FairQueue): Dispatcher.DispatcherComposeInterceptor {
  return (dispatch) =>
    function queued(opts, handler) {
      const { scope } = opts as FairQueueDispatchExtras;
      const signal = (opts as { signal?: AbortSignal }).signal;
      queue.enqueue(
        scope,
        signal instanceof AbortSignal ? signal : undefined,
        (done) => {
          try {
            dispatch(opts, new ReleasingHandler(handler, done));
          } catch (error) {
            done();
            handler.onResponseError?.(null as never, error as Error);
          }
        },
        (error) => handler.onResponseError?.(null as never, error),
      );
      return true;
    };
}

/** Gives the slot back once the attempt's answer has been read or has failed. */
class ReleasingHandler extends ForwardingHandler {
  constructor(
    downstream: Handler,
    private readonly done: () => void,
  ) {
    super(downstream);
  }

  override onRequestUpgrade(controller: Controller, status: number, headers: Headers, socket: never): void {
    this.done();
    super.onRequestUpgrade(controller, status, headers, socket);
  }

  override onResponseEnd(controller: Controller, trailers: Headers): void {
    this.done();
    super.onResponseEnd(controller, trailers);
  }

  override onResponseError(controller: Controller, error: Error): void {
    this.done();
    super.onResponseError(controller, error);
  }
}
