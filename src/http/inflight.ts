/**
 * In-flight deduplication of identical idempotent reads on one client, i.e. one connection and one
 * credentials scope (a SIP Thor account has its own client): while a read is on its way, any other
 * request asking the very same read (method, path, query and headers) shares its answer instead of
 * sending it again, the way Apollo Router deduplicates subgraph fetches. Authorization stays on the
 * gateway side, per request: the guarded ports check every call before it reaches this client.
 *
 * Writes are never shared. While a write is on its way on this scope no read is shared at all, and
 * a write's start and end each begin a new epoch: a read in flight before or during a write is never
 * handed to anyone who asks after it, so nobody (the writer reading back least of all) reads across
 * a write.
 */
export interface JoinOptions {
  /** The joining request's own signal: it stops waiting when its deadline passes or its client leaves. */
  signal?: AbortSignal | undefined;
  /** Whether the shared call failed because its owner gave up (its deadline, its client hung up). */
  ownerGaveUp(error: unknown): boolean;
  /** The error a joiner gets when its own signal aborts while it waits. */
  abandoned(reason: unknown): Error;
}

export class InFlightReads<T> {
  private readonly pending = new Map<string, Promise<T>>();
  private writesInFlight = 0;
  /** Reads answered by another request's call, since start. */
  shared = 0;

  constructor(private readonly onShared: () => void = () => {}) {}

  /**
   * The read in flight under `key`, or a new one started by `send`. A joiner whose owner gave up
   * asks again (becoming the owner others may join); a joiner whose own signal aborts stops waiting.
   */
  read(key: string, send: () => Promise<T>, join: JoinOptions): Promise<T> {
    if (this.writesInFlight > 0) return send();
    const inFlight = this.pending.get(key);
    if (!inFlight) {
      const answer = send();
      this.pending.set(key, answer);
      const forget = (): void => {
        if (this.pending.get(key) === answer) this.pending.delete(key);
      };
      answer.then(forget, forget);
      return answer;
    }
    this.shared += 1;
    this.onShared();
    return untilAborted(inFlight, join).catch((error: unknown) => {
      if (join.ownerGaveUp(error) && !join.signal?.aborted) return this.read(key, send, join);
      throw error;
    });
  }

  /** Sends a write on this scope: nothing is shared while it is on its way, nor anything begun before it ends. */
  write<R>(send: () => Promise<R>): Promise<R> {
    this.writesInFlight += 1;
    this.pending.clear();
    const ended = (): void => {
      this.writesInFlight -= 1;
      this.pending.clear();
    };
    const result = send();
    result.then(ended, ended);
    return result;
  }
}

function untilAborted<T>(answer: Promise<T>, join: JoinOptions): Promise<T> {
  const signal = join.signal;
  if (!signal) return answer;
  if (signal.aborted) return Promise.reject(join.abandoned(signal.reason));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(join.abandoned(signal.reason));
    signal.addEventListener('abort', onAbort, { once: true });
    answer.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
