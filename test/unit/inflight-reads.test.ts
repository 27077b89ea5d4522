/**
 * The rules of in-flight sharing on one scope (src/http/inflight.ts), each shown by what `send`
 * was called for: who made a call, who shared one.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InFlightReads } from '../../src/http/inflight.js';

class GaveUp extends Error {}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

const join = (signal?: AbortSignal) => ({
  signal,
  ownerGaveUp: (error: unknown) => error instanceof GaveUp,
  abandoned: () => new Error('abandoned'),
});

test('a read begun while a write is on its way is shared with nobody, during or after the write', async () => {
  const reads = new InFlightReads<string>();
  const write = deferred<string>();
  const written = reads.write(() => write.promise);
  const sends: string[] = [];
  const during = reads.read('k', async () => (sends.push('during'), 'old'), join());
  const alsoDuring = reads.read('k', async () => (sends.push('also during'), 'old'), join());
  write.resolve('ok');
  await written;
  const afterwards = reads.read('k', async () => (sends.push('after'), 'new'), join());
  assert.deepEqual(await Promise.all([during, alsoDuring, afterwards]), ['old', 'old', 'new']);
  assert.deepEqual(sends, ['during', 'also during', 'after']);
  assert.equal(reads.shared, 0);
});

test('a joiner whose owner gave up asks itself; one whose own signal aborts stops waiting', async () => {
  const reads = new InFlightReads<string>();
  const owner = deferred<string>();
  const sends: string[] = [];
  const first = reads.read('k', () => (sends.push('owner'), owner.promise), join());
  const second = reads.read('k', async () => (sends.push('joiner'), 'fresh'), join());
  const leaving = new AbortController();
  const third = reads.read('k', async () => (sends.push('leaver'), 'never'), join(leaving.signal));
  leaving.abort();
  await assert.rejects(third, /abandoned/);
  owner.reject(new GaveUp());
  await assert.rejects(first, GaveUp);
  assert.equal(await second, 'fresh');
  assert.deepEqual(sends, ['owner', 'joiner']);
  assert.equal(reads.shared, 2);
});
