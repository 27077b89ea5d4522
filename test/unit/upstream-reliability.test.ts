/**
 * The pieces of the upstream client that decide, with an injected clock or randomness: the
 * circuit breaker's states, the retry decision (idempotent only, Retry-After, the deadline), the
 * backoff's jitter, and the Digest session that concurrent first calls share.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CircuitBreaker } from '../../src/http/breaker.js';
import { DigestSession, digestAuth } from '../../src/http/digest.js';
import { backoffMs, retryAfterMs, shouldRetry } from '../../src/http/retry.js';

function clock(start = 1_000_000): { now: () => number; advance: (ms: number) => void } {
  let at = start;
  return { now: () => at, advance: (ms) => (at += ms) };
}

test('the breaker opens after N failures within the window, fails fast, lets one probe through, and closes on its success', () => {
  const time = clock();
  const breaker = new CircuitBreaker({ failureThreshold: 3, windowMs: 1_000, openMs: 500 }, time.now);
  for (let i = 0; i < 3; i += 1) {
    assert.equal(breaker.tryAcquire(), true);
    breaker.record('failure');
  }
  assert.equal(breaker.snapshot().state, 'open');
  assert.equal(breaker.tryAcquire(), false, 'open: no call goes out');
  assert.equal(breaker.retryAfterMs(), 500);
  time.advance(500);
  assert.equal(breaker.tryAcquire(), true, 'half-open: one probe');
  assert.equal(breaker.snapshot().state, 'half-open');
  assert.equal(breaker.tryAcquire(), false, 'only one probe at a time');
  breaker.record('success');
  assert.deepEqual(breaker.snapshot(), { state: 'closed', recentFailures: 0, timesOpened: 1 });
  assert.equal(breaker.tryAcquire(), true);
});

test('a failed probe opens the breaker again; failures spread wider than the window never open it', () => {
  const time = clock();
  const breaker = new CircuitBreaker({ failureThreshold: 2, windowMs: 1_000, openMs: 100 }, time.now);
  breaker.tryAcquire();
  breaker.record('failure');
  time.advance(1_500);
  breaker.tryAcquire();
  breaker.record('failure');
  assert.equal(breaker.snapshot().state, 'closed', 'the first failure left the window');
  breaker.tryAcquire();
  breaker.record('failure');
  assert.equal(breaker.snapshot().state, 'open');
  time.advance(100);
  assert.equal(breaker.tryAcquire(), true);
  breaker.record('failure');
  assert.equal(breaker.snapshot().state, 'open');
  assert.equal(breaker.snapshot().timesOpened, 2);
  time.advance(100);
  assert.equal(breaker.tryAcquire(), true);
  breaker.record('neutral');
  assert.equal(breaker.snapshot().state, 'half-open', 'a neutral answer decides nothing');
  assert.equal(breaker.tryAcquire(), true, 'and frees the probe slot');
});

test('backoff grows exponentially with jitter inside each step', () => {
  assert.equal(
    backoffMs(1, () => 0),
    12.5,
  );
  assert.equal(
    backoffMs(1, () => 1),
    25,
  );
  assert.equal(
    backoffMs(3, () => 0),
    50,
  );
  assert.equal(
    backoffMs(3, () => 1),
    100,
  );
  assert.equal(
    backoffMs(30, () => 1),
    2_000,
    'capped',
  );
});

test('Retry-After is read as seconds or an HTTP date', () => {
  assert.equal(retryAfterMs('2'), 2_000);
  assert.equal(retryAfterMs(new Date(61_000).toUTCString(), 1_000), 60_000);
  assert.equal(retryAfterMs(undefined), undefined);
  assert.equal(retryAfterMs('soon'), undefined);
});

function decide(err: object, counter: number, opts: Record<string, unknown>): Promise<'retry' | 'give up'> {
  return new Promise((resolve) => {
    shouldRetry(err as Error, { state: { counter }, opts: { method: 'GET', path: '/', ...opts } }, (e) =>
      resolve(e ? 'give up' : 'retry'),
    );
  });
}

test('only requests allowed retries are retried, only on transient failures, never past the deadline', async () => {
  const reset = { code: 'ECONNRESET' };
  const unavailable = { code: 'UND_ERR_REQ_RETRY', statusCode: 503, headers: {} };
  assert.equal(await decide(reset, 1, { retryOptions: { maxRetries: 0 } }), 'give up', 'a write gets no retry');
  assert.equal(await decide(reset, 1, { retryOptions: { maxRetries: 2 } }), 'retry');
  assert.equal(await decide(reset, 3, { retryOptions: { maxRetries: 2 } }), 'give up', 'retries spent');
  assert.equal(await decide(unavailable, 1, { retryOptions: { maxRetries: 2 } }), 'retry');
  assert.equal(await decide({ ...unavailable, statusCode: 500 }, 1, { retryOptions: { maxRetries: 2 } }), 'give up');
  assert.equal(await decide({ code: 'UND_ERR_BODY_TIMEOUT' }, 1, { retryOptions: { maxRetries: 2 } }), 'give up');
  const asksForAMinute = { ...unavailable, headers: { 'retry-after': '60' } };
  const deadline = Date.now() + 1_000;
  assert.equal(
    await decide(asksForAMinute, 1, { retryOptions: { maxRetries: 2 }, deadline }),
    'give up',
    'Retry-After past the deadline',
  );
  assert.equal(
    await decide({ ...unavailable, headers: { 'retry-after': '0' } }, 1, { retryOptions: { maxRetries: 2 }, deadline }),
    'retry',
  );
});

test('concurrent first calls wait for one Digest challenge and never reuse a nonce count', async () => {
  const session = new DigestSession();
  const alice = digestAuth({ username: 'alice', password: 'a' }, session);
  const bob = digestAuth({ username: 'bob', password: 'b' }, session);
  const probe = { method: 'GET', target: '/x' };
  assert.deepEqual(await alice.headers(probe), {}, 'the first call goes out unsigned, as the probe');
  const waiting = [alice.headers({ method: 'GET', target: '/a' }), bob.headers({ method: 'GET', target: '/b' })];
  const challenge = {
    status: 401,
    text: '',
    headers: { 'www-authenticate': 'Digest realm="r", nonce="n1", qop="auth"' },
  };
  assert.equal(await alice.onUnauthorized!(challenge, probe), true);
  alice.settled!(probe);
  const signed = await Promise.all([...waiting, alice.headers(probe)]);
  const counts = signed.map((h) => /nc=([0-9a-f]{8})/.exec(h.authorization ?? '')?.[1]);
  assert.equal(new Set(counts).size, 3, `three distinct nonce counts over one nonce: ${counts.join(', ')}`);
  assert.ok(signed.every((h) => h.authorization?.includes('nonce="n1"')));
});
