/**
 * The one per-request read cache every adapter uses. One instance per connection and request:
 * identical reads are made once, a failed read is forgotten (the next ask tries again), list
 * results prime the by-key entries, and `clear()` after a write forgets everything the request
 * read of that connection without anyone keeping a list of what to clear.
 */
import DataLoader from 'dataloader';

/** A by-key read: identical keys are fetched once; the keys of one tick arrive as one batch. */
export interface Keyed<V> {
  load(key: string): Promise<V>;
  prime(key: string, value: V): void;
  /**
   * Loads `keys` now, as `load` would (one batch), for asks about to come: the next `ask` of each
   * key gets its outcome as it is, a value without a promise.
   */
  loadAhead(keys: readonly string[]): Promise<void>;
  /** The key's value: plain once `loadAhead` has it (for that one ask), else as `load` gives it. */
  ask(key: string): V | Promise<V>;
}

type Outcome<V> = { value: V } | { error: unknown };

/** The entries of one by-key read: DataLoader's cache, kept here so `clear` can walk it. */
type Entries = Map<string, Promise<unknown>>;

const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));

export class RequestCache {
  /** Every by-key read's DataLoader cache and primed values, for `clear`. */
  private readonly keyedEntries = new Set<Map<string, unknown>>();
  private readonly memo = new Map<string, Promise<unknown>>();

  /** Each key read on its own; a failing key fails alone. */
  keyed<V>(fetchOne: (key: string) => Promise<V>): Keyed<V> {
    return this.batched<V>((keys) => Promise.all(keys.map((key) => fetchOne(key).catch(asError))));
  }

  /**
   * Keys read together. `fetchMany` answers one value or Error per key, in key order; a thrown
   * error becomes every key's Error. Either way a failed key is evicted, never cached: the next
   * ask tries again. (Evicted in the batch itself: a `.catch` per load would cost a promise each.)
   */
  batched<V>(fetchMany: (keys: readonly string[]) => Promise<Array<V | Error>>): Keyed<V> {
    const entries: Entries = new Map();
    // Primed values wait here as plain values: most are never asked for, and a promise each costs.
    const primed = new Map<string, V>();
    // What `loadAhead` found, kept for each key's next ask; a write's clear forgets it like the rest.
    const ahead = new Map<string, Outcome<V>>();
    this.keyedEntries.add(entries).add(primed).add(ahead);
    const loader = new DataLoader<string, V>(
      async (keys) => {
        // The promises DataLoader cached for this batch, to evict a failed one (and not a newer one after a clear).
        const asked = keys.map((key) => entries.get(key));
        let values: Array<V | Error>;
        try {
          values = await fetchMany(keys);
        } catch (error) {
          values = keys.map(() => asError(error));
        }
        keys.forEach((key, i) => {
          const failed = values.length !== keys.length || values[i] instanceof Error;
          if (failed && entries.get(key) === asked[i]) entries.delete(key);
        });
        return values;
      },
      { cacheMap: entries as Map<string, Promise<V>> },
    );
    const load = (key: string): Promise<V> => {
      if (!entries.has(key) && primed.has(key)) {
        loader.prime(key, primed.get(key)!);
        primed.delete(key);
      }
      return loader.load(key);
    };
    return {
      load,
      loadAhead: async (keys) => {
        const outcomes = await Promise.allSettled(keys.map(load));
        outcomes.forEach((outcome, i) =>
          ahead.set(keys[i]!, outcome.status === 'fulfilled' ? { value: outcome.value } : { error: outcome.reason }),
        );
      },
      ask: (key) => {
        const known = ahead.get(key);
        if (!known) return load(key);
        // Once: the ask it was loaded for. A failure asked again later is tried again, as after `load`.
        ahead.delete(key);
        return 'value' in known ? known.value : Promise.reject(known.error as Error);
      },
      // DataLoader's rule: a key already cached keeps its value.
      prime: (key, value) => {
        if (!entries.has(key) && !primed.has(key)) primed.set(key, value);
      },
    };
  }

  /** A read with no key structure (a list with its options): made once, forgotten if it fails. */
  once<T>(key: string, fetch: () => Promise<T>): Promise<T> {
    let pending = this.memo.get(key) as Promise<T> | undefined;
    if (!pending) {
      pending = fetch();
      this.memo.set(key, pending);
      pending.catch(() => {
        if (this.memo.get(key) === pending) this.memo.delete(key);
      });
    }
    return pending;
  }

  /** Whether `once(key)` has been asked (and not forgotten) in this request. */
  has(key: string): boolean {
    return this.memo.has(key);
  }

  /**
   * Forgets the reads a write may have made stale: every read of this request, or with `scope`
   * only those whose key starts with `scope` + `/` or `scope` + newline (one SIP Thor account, say).
   */
  clear(scope?: string): void {
    const stale = (key: string): boolean =>
      scope === undefined || key.startsWith(`${scope}/`) || key.startsWith(`${scope}\n`);
    for (const entries of [this.memo, ...this.keyedEntries]) {
      for (const key of [...entries.keys()]) if (stale(key)) entries.delete(key);
    }
  }

  /** Runs a write, then clears, whether the write succeeded or not (a failed write may have landed). */
  async write<T>(run: () => Promise<T>, scope?: string): Promise<T> {
    try {
      return await run();
    } finally {
      this.clear(scope);
    }
  }
}

/** Cache keys of several parts (`domain/id`); ids are the vendor's, which never hold a `/` unescaped. */
export const joinKey = (domainId: string, id: string): string => `${domainId}/${id}`;
export function splitKey(key: string): [string, string] {
  const slash = key.indexOf('/');
  return [key.slice(0, slash), key.slice(slash + 1)];
}

/** `domain/id` keys → ids per domain, in first-seen order. */
export function idsByDomain(keys: readonly string[]): Map<string, string[]> {
  const byDomain = new Map<string, string[]>();
  for (const key of keys) {
    const [domainId, id] = splitKey(key);
    appendTo(byDomain, domainId, id);
  }
  return byDomain;
}

export function appendTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
