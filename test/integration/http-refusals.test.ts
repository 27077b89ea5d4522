/**
 * Answers refused at the HTTP edge, before GraphQL runs (401, 400 for a body that is not JSON, 413,
 * 404 for a path not served, 503 while draining), carry the request id in the body like every
 * GraphQL error does: the same id as the `x-request-id` header, and `extensions.code`. Over real
 * sockets, against a real gateway.
 */
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { startDemo, type Demo } from '../../src/demo.js';
import { startGateway } from '../helpers/stack.js';

interface RawAnswer {
  status: number;
  headers: Map<string, string>;
  body: string;
}

let demo: Demo;
let gateway: Awaited<ReturnType<typeof startGateway>>['gateway'];
let url: string;

before(async () => {
  demo = await startDemo();
  ({ gateway, url } = await startGateway({
    ...demo.settings,
    limits: { ...demo.settings.limits, maxBodyBytes: 4096 },
  }));
});
after(async () => {
  await gateway.stop();
  await demo.stop();
});

/** One request written on a fresh socket and read until the server closes it (every case here closes). */
async function raw(head: string, body: string): Promise<RawAnswer> {
  const socket = connect(Number(new URL(url).port), '127.0.0.1');
  let text = '';
  socket.on('data', (chunk) => (text += chunk.toString('utf8')));
  socket.on('error', () => {});
  const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
  socket.write(`${head}\r\nhost: x\r\nconnection: close\r\n\r\n`);
  socket.write(body);
  await closed;
  const [statusAndHeaders = '', ...rest] = text.split('\r\n\r\n');
  const [statusLine = '', ...headerLines] = statusAndHeaders.split('\r\n');
  const headers = new Map(
    headerLines.map((line) => [
      line.slice(0, line.indexOf(':')).toLowerCase(),
      line.slice(line.indexOf(':') + 1).trim(),
    ]),
  );
  return { status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') };
}

/** The answer has `status`, a JSON body whose one error has `code` and the header's request id. */
function assertRefusal(
  answer: { status: number; requestIdHeader: string | null; body: string },
  status: number,
  code: string,
) {
  assert.equal(answer.status, status, answer.body);
  const parsed = JSON.parse(answer.body) as { errors: Array<{ message: string; extensions: Record<string, unknown> }> };
  assert.equal(parsed.errors.length, 1);
  assert.equal(parsed.errors[0]!.extensions.code, code);
  assert.ok(answer.requestIdHeader, 'the x-request-id header is set');
  assert.equal(parsed.errors[0]!.extensions.requestId, answer.requestIdHeader);
  assert.ok(parsed.errors[0]!.message.length > 0);
}

async function post(headers: Record<string, string>, body: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return {
    status: response.status,
    requestIdHeader: response.headers.get('x-request-id'),
    body: await response.text(),
    response,
  };
}

describe('HTTP-level refusals carry extensions.requestId and extensions.code', () => {
  test('401 without a credential, and with one that does not verify', async () => {
    const anonymous = await post(
      { 'x-request-id': 'refusal-401-a' },
      JSON.stringify({ query: '{ connections { name } }' }),
    );
    assertRefusal(anonymous, 401, 'UNAUTHENTICATED');
    assert.equal(anonymous.requestIdHeader, 'refusal-401-a');
    assert.match(anonymous.response.headers.get('www-authenticate') ?? '', /^Bearer /);
    const wrongKey = await post(
      { authorization: 'Bearer sg_not-a-key' },
      JSON.stringify({ query: '{ connections { name } }' }),
    );
    assertRefusal(wrongKey, 401, 'UNAUTHENTICATED');
  });

  test('400 for a body that is not JSON', async () => {
    const answer = await post(
      { authorization: `Bearer ${demo.keys.admin}`, 'x-request-id': 'refusal-400' },
      '{"query": ',
    );
    assertRefusal(answer, 400, 'BAD_REQUEST');
    assert.equal(answer.requestIdHeader, 'refusal-400');
  });

  test("Apollo's own 400 (a JSON body without a query) carries them too", async () => {
    const answer = await post(
      { authorization: `Bearer ${demo.keys.admin}`, 'x-request-id': 'refusal-400-apollo' },
      '{}',
    );
    assertRefusal(answer, 400, 'BAD_REQUEST');
  });

  test('413 for a body over the limit, with Connection: close', async () => {
    const body = JSON.stringify({ query: `{ connections { name } } # ${'x'.repeat(10_000)}` });
    for (const framing of ['length', 'chunked'] as const) {
      const length = framing === 'length' ? `content-length: ${body.length}` : 'transfer-encoding: chunked';
      const answer = await raw(
        `POST /graphql HTTP/1.1\r\nauthorization: Bearer ${demo.keys.admin}\r\ncontent-type: application/json\r\n` +
          `x-request-id: refusal-413-${framing}\r\n${length}`,
        framing === 'length' ? body : `${body.length.toString(16)}\r\n${body}\r\n0\r\n\r\n`,
      );
      assert.equal(answer.headers.get('connection'), 'close', framing);
      assertRefusal(
        { ...answer, requestIdHeader: answer.headers.get('x-request-id') ?? null },
        413,
        'PAYLOAD_TOO_LARGE',
      );
      assert.equal(answer.headers.get('x-request-id'), `refusal-413-${framing}`);
    }
  });

  test('404 for a path the gateway does not serve, and for a GraphiQL asset it does not have', async () => {
    for (const path of ['/graphq1', '/graphiql/not-an-asset.js']) {
      const response = await fetch(new URL(path, url), {
        headers: { authorization: `Bearer ${demo.keys.admin}`, 'x-request-id': 'refusal-404' },
      });
      const answer = {
        status: response.status,
        requestIdHeader: response.headers.get('x-request-id'),
        body: await response.text(),
      };
      assertRefusal(answer, 404, 'NOT_FOUND');
      assert.equal(answer.requestIdHeader, 'refusal-404');
      assert.ok(!answer.body.includes(path), 'the path is not echoed');
    }
  });

  test('503 while draining, with Retry-After', async () => {
    const demo2 = await startDemo();
    const draining = await startGateway(demo2.settings);
    try {
      draining.gateway.startDraining();
      const response = await fetch(draining.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${demo2.keys.admin}` },
        body: JSON.stringify({ query: '{ connections { name } }' }),
      });
      const answer = {
        status: response.status,
        requestIdHeader: response.headers.get('x-request-id'),
        body: await response.text(),
      };
      assertRefusal(answer, 503, 'SHUTTING_DOWN');
      assert.equal(response.headers.get('retry-after'), '1');
    } finally {
      await draining.gateway.stop();
      await demo2.stop();
    }
  });
});
