/**
 * Failing fast and recovering, over real sockets: the breaker opens on a failing vendor and stops
 * calling it, probes once it may, and closes when the vendor is back; a fresh gateway's parallel
 * first calls to a Digest vendor share one challenge; a Redis that does not answer leaves reads
 * uncached, logged once, never failing a field; Retry-After is honoured within the deadline.
 */
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, test } from 'node:test';
import type { Settings } from '../../src/config.js';
import { startDemo, type Demo } from '../../src/demo.js';
import { upstreamHealth } from '../../src/http/transport.js';
import { createLogger } from '../../src/log.js';
import { createServer } from '../../src/server.js';
import { adminKeyOf, graphqlClient, startGateway } from '../helpers/stack.js';

const PROVIDERS = '{ providers(first: 5) { nodes { name } } }';
let demo: Demo;

before(async () => {
  demo = await startDemo();
});
after(() => demo.stop());

function tuned(
  change: (c: Settings['connections'][number]) => object,
  upstream = { requestTimeoutMs: 2_000 },
): Settings {
  return {
    ...demo.settings,
    upstream,
    connections: demo.settings.connections.map((c) => ({ ...c, ...change(c) }) as never),
  };
}

test('the breaker opens after 3 failures, fails fast without calling the vendor, probes, and closes again', async () => {
  const breaker = { failureThreshold: 3, windowMs: 10_000, openMs: 300 };
  const { gateway, gql } = await startGateway(tuned(() => ({ retries: 0, breaker })));
  const pbx = demo.emulators.pbx!;
  try {
    await gql(PROVIDERS);
    pbx.injectFault({ kind: 'status', status: 503, pathPrefix: '/api/providers/list' });
    for (let i = 0; i < 3; i += 1)
      assert.equal((await gql(PROVIDERS)).errors?.[0]?.extensions?.code, 'VENDOR_UNAVAILABLE');
    const health = () => upstreamHealth().find((h) => h.connection === 'pbx');
    assert.equal(health()?.breaker.state, 'open');

    const mark = pbx.requests.length;
    const fast = await gql(PROVIDERS);
    assert.equal(fast.errors?.[0]?.extensions?.code, 'VENDOR_UNAVAILABLE');
    assert.equal(fast.errors?.[0]?.extensions?.retryable, true);
    assert.match(fast.errors?.[0]?.message ?? '', /circuit breaker is open/);
    assert.equal(pbx.since(mark).length, 0, 'an open breaker sends nothing');

    pbx.clearFaults();
    await sleep(breaker.openMs);
    const probe = await gql(PROVIDERS);
    assert.equal(probe.errors, undefined, JSON.stringify(probe.errors));
    assert.equal(pbx.since(mark).length, 1, 'one probe');
    assert.equal(health()?.breaker.state, 'closed');
    assert.equal(health()?.breaker.timesOpened, 1);
  } finally {
    pbx.clearFaults();
    await gateway.stop();
  }
});

test('parallel first calls of a fresh gateway to SIP Thor share one Digest challenge', async () => {
  const query = '{ accounts(connection: "sipthor") { address settings { aliases identity { sipAddress } } } }';
  for (let start = 0; start < 5; start += 1) {
    const sipthor = demo.emulators.sipthor!;
    const mark = sipthor.requests.length;
    const { gateway, gql } = await startGateway(demo.settings);
    try {
      const results = await Promise.all([gql(query), gql(query), gql(query)]);
      for (const result of results)
        assert.equal(result.errors, undefined, `start ${start}: ${JSON.stringify(result.errors)}`);
      const challenged = sipthor.since(mark).filter((r) => r.status === 401);
      assert.equal(challenged.length, 1, `start ${start}: one challenge for every account and call`);
    } finally {
      await gateway.stop();
    }
  }
});

test('a Redis that does not answer leaves reads uncached, logged once, and no field fails', async () => {
  const lines: string[] = [];
  const logger = createLogger('warn', {}, (line) => lines.push(line));
  const settings: Settings = {
    ...demo.settings,
    // Port 9 (discard) on loopback: nothing listens, every command is refused at once.
    cache: { enabled: true, ttlSeconds: 60, redisUrl: 'redis://127.0.0.1:9' },
    log: { level: 'warn' },
  };
  const gateway = await createServer(settings, { logger });
  const url = await gateway.listen(0, '127.0.0.1');
  const client = graphqlClient(url, adminKeyOf(settings));
  try {
    const infinity = demo.emulators.infinity!;
    const mark = infinity.requests.length;
    for (let i = 0; i < 3; i += 1) await client.ok('{ domains(vendor: INFINITY) { name } }');
    assert.equal(infinity.since(mark).length, 3, 'every read went to the vendor');
    const cacheWarnings = lines.filter((l) => l.includes('read cache store failed'));
    assert.equal(cacheWarnings.length, 1, lines.join('\n'));
  } finally {
    await gateway.stop();
  }
});

test('Retry-After is honoured when the deadline allows it, and not waited for when it does not', async () => {
  const infinity = demo.emulators.infinity!;
  const { gateway, gql } = await startGateway(tuned(() => ({ retries: 1 }), { requestTimeoutMs: 1_000 }));
  try {
    await gql('{ domains(vendor: INFINITY) { name } }');
    infinity.injectFault({
      kind: 'status',
      status: 503,
      retryAfterSeconds: 0,
      pathPrefix: '/config/v2/sip/domains',
      times: 1,
    });
    let mark = infinity.requests.length;
    assert.equal((await gql('{ domains(vendor: INFINITY) { name } }')).errors, undefined, 'the retry succeeded');
    assert.equal(infinity.since(mark).length, 2);

    infinity.injectFault({
      kind: 'status',
      status: 503,
      retryAfterSeconds: 30,
      pathPrefix: '/config/v2/sip/domains',
      times: 1,
    });
    mark = infinity.requests.length;
    const refused = await gql('{ domains(vendor: INFINITY) { name } }');
    assert.equal(refused.errors?.[0]?.extensions?.code, 'VENDOR_UNAVAILABLE');
    assert.equal(infinity.since(mark).length, 1, 'a wait past the deadline is not taken');
  } finally {
    infinity.clearFaults();
    await gateway.stop();
  }
});
