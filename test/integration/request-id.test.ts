import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startDemo, type Demo } from '../../src/demo.js';
import { createLogger } from '../../src/log.js';
import { createServer, type GatewayServer } from '../../src/server.js';

const NESTED = `{ domains { name users(first: 3) { nodes { userName groups { name } devices { name } } } } }`;

let demo: Demo;
let gateway: GatewayServer;
let url: string;
const lines: Array<Record<string, unknown>> = [];

before(async () => {
  demo = await startDemo();
  const logger = createLogger('debug', {}, (line) => lines.push(JSON.parse(line) as Record<string, unknown>));
  gateway = await createServer({ ...demo.settings, log: { level: 'debug' } }, { logger });
  url = await gateway.listen(0, '127.0.0.1');
});

after(async () => {
  await gateway.stop();
  await demo.stop();
});

async function post(headers: Record<string, string>): Promise<Response> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${demo.keys.admin}`, ...headers },
    body: JSON.stringify({ query: NESTED }),
  });
  const body = (await response.json()) as { errors?: unknown };
  assert.equal(body.errors, undefined);
  return response;
}

function linesOf(requestId: string): Array<Record<string, unknown>> {
  return lines.filter((line) => line.requestId === requestId);
}

test('an inbound x-request-id is echoed and is on every log line of the request, upstream calls included', async () => {
  const marks = Object.fromEntries(
    Object.entries(demo.emulators).map(([name, server]) => [name, server.requests.length]),
  );
  const before = lines.length;
  const response = await post({ 'x-request-id': 'checkout-7f3a.42' });
  assert.equal(response.headers.get('x-request-id'), 'checkout-7f3a.42');
  const upstreamCalls = Object.entries(demo.emulators).reduce(
    (n, [name, server]) => n + server.since(marks[name] ?? 0).length,
    0,
  );
  const written = lines.slice(before);
  const upstreamLines = written.filter((line) => line.msg === 'upstream');
  assert.ok(upstreamCalls >= 3, `the nested query reached the vendors ${upstreamCalls} times`);
  assert.equal(upstreamLines.length, upstreamCalls, 'one upstream log line per vendor call');
  for (const line of written) assert.equal(line.requestId, 'checkout-7f3a.42', JSON.stringify(line));
  assert.equal(linesOf('checkout-7f3a.42').filter((line) => line.msg === 'graphql').length, 1);
});

test('without a usable x-request-id the gateway makes one, echoes it and logs under it', async () => {
  for (const given of [undefined, 'has spaces in it', 'x'.repeat(65), '../../etc/passwd', '<script>']) {
    const response = await post(given === undefined ? {} : { 'x-request-id': given });
    const id = response.headers.get('x-request-id') ?? '';
    assert.match(id, /^[0-9a-f-]{36}$/, `generated for ${given}`);
    assert.ok(
      linesOf(id).some((line) => line.msg === 'upstream'),
      `upstream lines under ${id}`,
    );
    if (given)
      assert.equal(
        lines.some((line) => line.requestId === given),
        false,
      );
  }
});

test('health answers carry a request id too', async () => {
  const response = await fetch(url.replace('/graphql', '/healthz'), { headers: { 'x-request-id': 'probe-1' } });
  assert.equal(response.headers.get('x-request-id'), 'probe-1');
  await response.body?.cancel();
});
