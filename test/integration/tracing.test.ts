import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-node';
import { startDemo, type Demo } from '../../src/demo.js';
import { silentLogger } from '../../src/log.js';
import { createServer, type GatewayServer } from '../../src/server.js';

const NESTED = `query Nested { domains { name users(first: 5) { nodes { userName groups { name } devices { name sipConfig { accounts { username } } } } } } }`;
const CLIENT_TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const CLIENT_SPAN = '00f067aa0ba902b7';

let demo: Demo;
let gateway: GatewayServer;
let url: string;
const exporter = new InMemorySpanExporter();

before(async () => {
  demo = await startDemo();
  const tracing = {
    enabled: true,
    serviceName: 'sipgraph-test',
    sampleRatio: 0,
    otlpEndpoint: 'http://127.0.0.1:9/v1/traces',
  };
  const settings = {
    ...demo.settings,
    log: { level: 'silent' as const },
    observability: { ...demo.settings.observability, tracing },
  };
  gateway = await createServer(settings, { logger: silentLogger, spanExporter: exporter });
  url = await gateway.listen(0, '127.0.0.1');
});

after(async () => {
  await gateway.stop();
  await demo.stop();
});

function parentOf(span: ReadableSpan): string | undefined {
  return span.parentSpanContext?.spanId;
}

test("the nested query is one operation span under the caller's traceparent, with one child span per vendor call", async () => {
  exporter.reset();
  const marks = Object.fromEntries(
    Object.entries(demo.emulators).map(([name, server]) => [name, server.requests.length]),
  );
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${demo.keys.admin}`,
      traceparent: `00-${CLIENT_TRACE}-${CLIENT_SPAN}-01`,
    },
    body: JSON.stringify({ query: NESTED }),
  });
  assert.equal(((await response.json()) as { errors?: unknown }).errors, undefined);
  const vendorRequests = Object.entries(demo.emulators).flatMap(([name, server]) =>
    server.since(marks[name] ?? 0).map((r) => ({ ...r, emulator: name })),
  );

  const spans = exporter.getFinishedSpans();
  const operations = spans.filter((s) => s.name === 'query Nested');
  assert.equal(operations.length, 1, spans.map((s) => s.name).join('\n'));
  const operation = operations[0]!;
  assert.equal(operation.spanContext().traceId, CLIENT_TRACE);
  assert.equal(parentOf(operation), CLIENT_SPAN);
  assert.equal(operation.attributes['graphql.operation.name'], 'Nested');
  assert.equal(operation.attributes['graphql.operation.type'], 'query');

  const calls = spans.filter((s) => s !== operation);
  assert.equal(calls.length, vendorRequests.length, 'one span per vendor HTTP request');
  assert.ok(calls.length >= 10);
  for (const span of calls) {
    assert.equal(span.spanContext().traceId, CLIENT_TRACE);
    assert.equal(parentOf(span), operation.spanContext().spanId, `${span.name} hangs under the operation`);
    assert.ok(
      span.attributes['sipgraph.vendor'] && span.attributes['sipgraph.connection'] && span.attributes['http.route'],
      span.name,
    );
    assert.ok(span.attributes['http.request.method'] && span.attributes['http.response.status_code'], span.name);
  }
  const byConnection = (name: string) => calls.filter((s) => s.attributes['sipgraph.connection'] === name).length;
  for (const [emulator, server] of Object.entries(demo.emulators))
    assert.equal(byConnection(emulator), server.since(marks[emulator] ?? 0).length, emulator);
  const users = calls.filter((s) => s.name === 'GET infinity /sip/domains/:id/users');
  assert.equal(
    users.length,
    vendorRequests.filter((r) => r.emulator === 'infinity' && /\/domains\/\d+\/users$/.test(r.path)).length,
  );

  // Each vendor saw the trace: its traceparent names this trace and the span of that very call.
  const callSpanIds = new Set(calls.map((s) => s.spanContext().spanId));
  for (const request of vendorRequests) {
    const [, traceId, spanId] = String(request.headers.traceparent ?? '').split('-');
    assert.equal(traceId, CLIENT_TRACE, `${request.emulator} ${request.path}`);
    assert.ok(callSpanIds.has(spanId!), `${request.emulator} ${request.path} carries its own call's span id`);
  }
});

test('without a traceparent the operation starts its own trace; the root sampler (ratio 0 here) decides', async () => {
  exporter.reset();
  const marks = demo.emulators.infinity!.requests.length;
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${demo.keys.admin}` },
    body: JSON.stringify({ query: '{ domains { id } }' }),
  });
  await response.json();
  assert.equal(exporter.getFinishedSpans().length, 0, 'not sampled, nothing exported');
  // Unsampled traces still propagate, flagged 00, so a vendor's own tracing stays joined up.
  for (const request of demo.emulators.infinity!.since(marks))
    assert.match(String(request.headers.traceparent), /^00-[0-9a-f]{32}-[0-9a-f]{16}-00$/);
});
