/**
 * CORS over real HTTP, beside Apollo's CSRF prevention: an allowed origin's preflight gets 204 and
 * the headers a GraphQL client needs (no credential required), any other origin gets no
 * Access-Control-* header, and a cross-origin "simple" request that skips the preflight is refused.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startGateway, startStack, type Stack } from '../helpers/stack.js';

const ALLOWED = 'https://admin.example.com';
let stack: Stack;
let url: string;
let stopGateway: () => Promise<void>;

before(async () => {
  stack = await startStack();
  const gateway = await startGateway({ ...stack.demo.settings, cors: { origins: [ALLOWED], maxAgeSeconds: 300 } });
  url = gateway.url;
  stopGateway = () => gateway.gateway.stop();
});
after(async () => {
  await stopGateway();
  await stack.stop();
});

const corsHeaders = (response: Response): string[] =>
  [...response.headers.keys()].filter((h) => h.startsWith('access-control-'));

function preflight(target: string, origin: string): Promise<Response> {
  return fetch(target, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type, authorization, x-evil',
    },
  });
}

test('a preflight from a configured origin: 204 with the GraphQL client headers, no credential needed', async () => {
  const response = await preflight(url, ALLOWED);
  assert.equal(response.status, 204);
  assert.equal(response.headers.get('access-control-allow-origin'), ALLOWED);
  assert.match(response.headers.get('access-control-allow-methods') ?? '', /POST/);
  assert.equal(response.headers.get('access-control-allow-headers'), 'content-type, authorization');
  assert.equal(response.headers.get('access-control-max-age'), '300');
  assert.equal(response.headers.get('access-control-allow-credentials'), null, 'credentials are headers, not cookies');
  assert.match(response.headers.get('vary') ?? '', /origin/i);
});

test('any other origin, or a gateway with no origins configured, gets no Access-Control-* header', async () => {
  for (const [target, origin] of [
    [url, 'https://evil.example'],
    [url, 'https://admin.example.com.evil.example'],
    [stack.url, ALLOWED],
  ] as const) {
    const response = await preflight(target, origin);
    assert.notEqual(response.status, 204);
    assert.deepEqual(corsHeaders(response), [], `${origin} → ${target}`);
  }
});

test('the actual request: the allowed origin may read the answer; the 401 is readable too', async () => {
  const post = (origin: string, headers: Record<string, string> = {}) =>
    fetch(url, {
      method: 'POST',
      headers: { origin, 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query: '{ connections { name } }' }),
    });
  const ok = await post(ALLOWED, { authorization: `Bearer ${stack.demo.keys.admin}` });
  assert.equal(ok.status, 200);
  assert.equal(ok.headers.get('access-control-allow-origin'), ALLOWED);
  const refused = await post(ALLOWED);
  assert.equal(refused.status, 401);
  assert.equal(refused.headers.get('access-control-allow-origin'), ALLOWED);
  const foreign = await post('https://evil.example', { authorization: `Bearer ${stack.demo.keys.admin}` });
  assert.deepEqual(corsHeaders(foreign), []);
});

test('CSRF prevention still refuses simple cross-origin requests that skip the preflight, before any vendor call', async () => {
  const { result, total } = await stack.counting(async () => {
    const textPlain = await fetch(url, {
      method: 'POST',
      headers: { origin: ALLOWED, 'content-type': 'text/plain', authorization: `Bearer ${stack.demo.keys.admin}` },
      body: JSON.stringify({ query: 'mutation { deleteUser(id: "x") { deletedId } }' }),
    });
    const get = await fetch(`${url}?query=${encodeURIComponent('{ domains { name } }')}`, {
      headers: { origin: ALLOWED, authorization: `Bearer ${stack.demo.keys.admin}` },
    });
    return [textPlain.status, get.status];
  });
  assert.deepEqual(result, [400, 400]);
  assert.equal(total, 0);
});
