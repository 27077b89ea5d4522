/** The per-request cache every adapter reads through: once per key, failures forgotten, primes, clear. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RequestCache } from '../../src/vendors/shared/request-cache.js';

test('identical keys are fetched once; primed keys not at all', async () => {
  const cache = new RequestCache();
  const fetched: string[] = [];
  const byId = cache.keyed(async (key) => {
    fetched.push(key);
    return key.toUpperCase();
  });
  byId.prime('c', 'primed');
  assert.deepEqual(await Promise.all([byId.load('a'), byId.load('a'), byId.load('b'), byId.load('c')]), [
    'A',
    'A',
    'B',
    'primed',
  ]);
  assert.deepEqual(await byId.load('a'), 'A');
  assert.deepEqual(fetched, ['a', 'b']);
});

test('a batch answers an Error per failed key; the other keys succeed and the failed one is asked again', async () => {
  const cache = new RequestCache();
  let calls = 0;
  const byId = cache.keyed(async (key) => {
    calls += 1;
    if (key === 'bad' && calls < 4) throw new Error(`no ${key}`);
    return key;
  });
  const settled = await Promise.allSettled([byId.load('good'), byId.load('bad'), byId.load('fine')]);
  assert.deepEqual(
    settled.map((s) => s.status),
    ['fulfilled', 'rejected', 'fulfilled'],
  );
  assert.equal(await byId.load('bad'), 'bad');
  assert.equal(calls, 4);
});

test('a batch function that throws fails each key of the batch, and none stays cached', async () => {
  const cache = new RequestCache();
  let fail = true;
  const batched = cache.batched<string>(async (keys) => {
    if (fail) throw new Error('down');
    return keys.map((k) => `${k}!`);
  });
  await assert.rejects(batched.load('x'), /down/);
  fail = false;
  assert.equal(await batched.load('x'), 'x!');
});

test('once: made once, forgotten on failure', async () => {
  const cache = new RequestCache();
  let calls = 0;
  const flaky = () =>
    cache.once('list', async () => (++calls === 1 ? Promise.reject(new Error('first fails')) : calls));
  await assert.rejects(flaky());
  assert.equal(await flaky(), 2);
  assert.equal(await flaky(), 2);
  assert.equal(calls, 2);
});

test('a write clears every read, or with a scope only that scope, even when the write fails', async () => {
  const cache = new RequestCache();
  let reads = 0;
  const read = (key: string) => cache.once(key, async () => ++reads);
  const byId = cache.keyed(async () => ++reads);
  await Promise.all([read('a@x\nidentity'), read('b@x\nidentity'), byId.load('a@x/1')]);
  assert.equal(reads, 3);

  await cache.write(async () => undefined, 'a@x');
  await Promise.all([read('a@x\nidentity'), read('b@x\nidentity'), byId.load('a@x/1')]);
  assert.equal(reads, 5, 'the scope a@x was read again, b@x was not');

  await assert.rejects(cache.write(() => Promise.reject(new Error('refused'))));
  await Promise.all([read('a@x\nidentity'), read('b@x\nidentity'), byId.load('a@x/1')]);
  assert.equal(reads, 8, 'a failed write may have landed: everything is read again');
});

test('loadAhead: one batch now; the next ask of each key gets its outcome without a promise or a call', async () => {
  const cache = new RequestCache();
  const batches: string[][] = [];
  const byId = cache.batched<string>(async (keys) => {
    batches.push([...keys]);
    return keys.map((k) => (k === 'bad' && batches.length === 1 ? new Error('no bad') : `${k}!`));
  });
  await byId.loadAhead(['a', 'b', 'bad']);
  assert.deepEqual(batches, [['a', 'b', 'bad']]);
  assert.equal(byId.ask('a'), 'a!', 'a plain value, not a promise');
  assert.equal(await byId.ask('a'), 'a!', 'asked again: as load gives it, from the cache');
  await assert.rejects(Promise.resolve(byId.ask('bad')), /no bad/);
  assert.equal(batches.length, 1, 'the failure was told to the ask it was loaded for, not fetched again');
  assert.equal(await byId.ask('bad'), 'bad!', 'a later ask of a failed key tries again');
  assert.equal(batches.length, 2);
  await byId.loadAhead(['c']);
  cache.clear();
  assert.ok(byId.ask('c') instanceof Promise, 'a write forgets what was loaded ahead');
  assert.equal(batches.length, 3);
});
