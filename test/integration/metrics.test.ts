import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { recordBreakerState, recordRateLimitRejection } from '../../src/observability/metrics.js';
import { routeTemplate } from '../../src/observability/upstream-calls.js';
import { scrape, sum, type Sample } from '../helpers/prometheus.js';
import { startStack, type Stack } from '../helpers/stack.js';

const NESTED = `query Nested { domains { name users(first: 5) { nodes { userName groups { name } devices { name sipConfig { accounts { username } } } } } } }`;

let stack: Stack;
let metricsUrl: string;

before(async () => {
  stack = await startStack({ cache: { enabled: true, ttlSeconds: 300 } });
  metricsUrl = stack.url.replace('/graphql', '/metrics');
});

after(() => stack.stop());

function delta(before: Sample[], after: Sample[], name: string, labels: Record<string, string> = {}): number {
  return sum(after, name, labels) - sum(before, name, labels);
}

test('a nested query shows in /metrics: the request, each vendor call by connection and route, cache misses then hits', async () => {
  const start = await scrape(metricsUrl);
  assert.ok(sum(start, 'nodejs_heap_size_used_bytes') > 0, 'process metrics are there from the first scrape');
  const first = await stack.counting(() => stack.ok(NESTED));
  const afterFirst = await scrape(metricsUrl);

  assert.equal(
    delta(start, afterFirst, 'sipgraph_graphql_requests_total', { operation: 'Nested', outcome: 'success' }),
    1,
  );
  assert.ok(first.total >= 5, `the nested query made ${first.total} vendor calls`);
  assert.equal(delta(start, afterFirst, 'sipgraph_upstream_requests_total'), first.total);
  assert.equal(delta(start, afterFirst, 'sipgraph_upstream_request_duration_seconds_count'), first.total);
  for (const [emulator, calls] of Object.entries(first.calls)) {
    assert.equal(
      delta(start, afterFirst, 'sipgraph_upstream_requests_total', { connection: emulator }),
      calls.length,
      emulator,
    );
  }
  const usersCalls = first.calls.infinity!.filter(
    (c) => c.method === 'GET' && /\/sip\/domains\/[^/]+\/users$/.test(c.path),
  ).length;
  assert.ok(usersCalls >= 1);
  const usersRoute = {
    vendor: 'infinity',
    connection: 'infinity',
    operation: 'GET /sip/domains/:id/users',
    status: '200',
  };
  assert.equal(delta(start, afterFirst, 'sipgraph_upstream_requests_total', usersRoute), usersCalls);
  // Every vendor read missed the cache once; a Digest challenge (401) is part of the same read.
  const reads = Object.values(first.calls)
    .flat()
    .filter((c) => c.method === 'GET' && c.status !== 401).length;
  assert.equal(delta(start, afterFirst, 'sipgraph_cache_requests_total', { result: 'miss' }), reads);
  assert.equal(delta(start, afterFirst, 'sipgraph_cache_requests_total', { result: 'hit' }), 0);

  const second = await stack.counting(() => stack.ok(NESTED));
  const afterSecond = await scrape(metricsUrl);
  assert.equal(
    delta(afterFirst, afterSecond, 'sipgraph_graphql_requests_total', { operation: 'Nested', outcome: 'success' }),
    1,
  );
  assert.equal(delta(afterFirst, afterSecond, 'sipgraph_upstream_requests_total'), second.total);
  assert.equal(second.total, 0, 'the second time, the cache answers everything');
  assert.equal(delta(afterFirst, afterSecond, 'sipgraph_cache_requests_total', { result: 'miss' }), 0);
  assert.ok(delta(afterFirst, afterSecond, 'sipgraph_cache_requests_total', { result: 'hit' }) >= 10);
  assert.equal(sum(afterSecond, 'sipgraph_graphql_requests_in_flight'), 0);
});

test('errors are counted by code, and a request that fails validation is an error outcome', async () => {
  const start = await scrape(metricsUrl);
  const invalid = await stack.gql('query Broken { domains { noSuchField } }');
  assert.equal(invalid.errors?.[0]?.extensions?.code, 'GRAPHQL_VALIDATION_FAILED');
  const missing = await stack.gql('query Lookup { node(id: "not-an-id") { id } }');
  const missingCode = String(missing.errors?.[0]?.extensions?.code);
  const end = await scrape(metricsUrl);
  assert.equal(delta(start, end, 'sipgraph_graphql_errors_total', { code: 'GRAPHQL_VALIDATION_FAILED' }), 1);
  assert.equal(delta(start, end, 'sipgraph_graphql_errors_total', { code: missingCode }), missing.errors?.length ?? 0);
  assert.equal(
    delta(start, end, 'sipgraph_graphql_requests_total', { outcome: 'error' }),
    1 + (missing.data?.node === undefined ? 1 : 0),
  );
});

test('a request waiting on a slow vendor is in flight', async () => {
  const emulators = Object.values(stack.demo.emulators);
  for (const emulator of emulators) emulator.latencyMs = 400;
  try {
    // Queues were never asked for, so the cache cannot answer them.
    const pending = stack.gql('query Slow { domains { queues { nodes { name } } } }');
    let seen = 0;
    for (let i = 0; i < 20 && seen === 0; i += 1) {
      seen = sum(await scrape(metricsUrl), 'sipgraph_graphql_requests_in_flight');
      if (seen === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    assert.equal(seen, 1);
    assert.equal((await pending).errors, undefined);
  } finally {
    for (const emulator of emulators) emulator.latencyMs = 0;
  }
  assert.equal(sum(await scrape(metricsUrl), 'sipgraph_graphql_requests_in_flight'), 0);
});

test('breaker states and rate-limit rejections reported through the hooks are exported', async () => {
  recordBreakerState('pbx', 'open');
  recordRateLimitRejection('principal');
  const samples = await scrape(metricsUrl);
  assert.equal(sum(samples, 'sipgraph_breaker_state', { connection: 'pbx' }), 2);
  assert.equal(sum(samples, 'sipgraph_rate_limit_rejections_total', { limit: 'principal' }), 1);
  recordBreakerState('pbx', 'closed');
  assert.equal(sum(await scrape(metricsUrl), 'sipgraph_breaker_state', { connection: 'pbx' }), 0);
});

test('route templates replace ids, MACs and addresses, and keep the static words', () => {
  assert.equal(routeTemplate('/sip/domains/12/users/7/devices?limit=5'), '/sip/domains/:id/users/:id/devices');
  assert.equal(routeTemplate('/api/phone/config'), '/api/phone/config');
  assert.equal(routeTemplate('/v1/sipphone/alice%40example.com'), '/v1/sipphone/:id');
  assert.equal(routeTemplate('/devices/7C:1E:B3:00:00:01'), '/devices/:id');
});
