/**
 * In-flight deduplication of identical idempotent reads on one client, i.e. one connection and one
 * credentials scope (a SIP Thor account has its own client): while a read is on its way, any other
 * request asking the very same read shares its answer instead of sending it again, the way Apollo
 * Router deduplicates subgraph fetches. Authorization stays on the gateway side, per request.
 *
 * Writes are never shared, and a write starts a new epoch: a read already in flight when a write
 * begins is never handed to anyone who asks after it, so nobody reads across their own write.
 */
export class InFlightReads<T> {
  private readonly pending = new Map<string, Promise<T>>();
  /** Reads answered by another request's call, since start. */
  shared = 0;

  /** The read in flight under `key`, or a new one started by `send`; `joined` when shared. */
  run(key: string, send: () => Promise<T>): { answer: Promise<T>; joined: boolean } {
    const inFlight = this.pending.get(key);
    if (inFlight) {
      this.shared += 1;
      return { answer: inFlight, joined: true };
    }
    const answer = send();
    this.pending.set(key, answer);
    const forget = (): void => {
      if (this.pending.get(key) === answer) this.pending.delete(key);
    };
    answer.then(forget, forget);
    return { answer, joined: false };
  }

  /** A write on this scope begins: reads in flight now are not shared with anyone after it. */
  writeStarted(): void {
    this.pending.clear();
  }
}
