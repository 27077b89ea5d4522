/** Token lifecycles with an injected clock: minted/obtained once, reused, renewed before expiry. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { createPbxEmulator } from '../../src/emulators/pbx/index.js';
import { UpstreamClient } from '../../src/http/client.js';
import { PbxToken, readPbxError } from '../../src/vendors/pbx/client.js';
import { StringeeToken } from '../../src/vendors/stringee/client.js';

test('Stringee: one JWT is reused until a minute before it expires, then a new one is minted', async () => {
  let now = 1_800_000_000;
  const token = new StringeeToken(
    { apiKeySid: 'SKabc', apiKeySecret: 'secret-secret-secret', tokenTtlSeconds: 600 },
    () => now,
  );
  const first = await token.current();
  assert.deepEqual(decodeProtectedHeader(first), { typ: 'JWT', alg: 'HS256', cty: 'stringee-api;v=1' });
  assert.deepEqual(decodeJwt(first), { jti: `SKabc-${now}`, iss: 'SKabc', exp: now + 600, rest_api: true });
  now += 539;
  assert.equal(await token.current(), first, 'still more than a minute left');
  now += 1;
  const second = await token.current();
  assert.notEqual(second, first);
  assert.equal(decodeJwt(second).exp, now + 600);
  token.invalidate();
  now += 1;
  assert.notEqual(await token.current(), second, 'a refused token is not sent again');
});

test('PBX: one login shared by concurrent callers, refreshed when 20% of its life is left', async () => {
  const { server } = createPbxEmulator({ username: 'admin', password: 'pw', tokenTtlSeconds: 100 });
  const baseUrl = await server.start();
  let now = 0;
  const token = new PbxToken({ username: 'admin', password: 'pw' }, () => now);
  token.http = new UpstreamClient({
    vendor: 'pbx',
    connection: 'pbx',
    baseUrl,
    timeoutMs: 2000,
    maxConcurrency: 4,
    retries: 0,
  });
  try {
    const tokens = await Promise.all([token.current(), token.current(), token.current()]);
    assert.equal(new Set(tokens).size, 1);
    assert.deepEqual(
      server.requests.map((r) => r.path),
      ['/api/account/credentials/verify'],
    );
    now += 79_000;
    assert.equal(await token.current(), tokens[0], '21% left: reused');
    now += 2_000;
    const renewed = await token.current();
    assert.deepEqual(
      server.requests.map((r) => r.path),
      ['/api/account/credentials/verify', '/api/account/token/refresh'],
    );
    assert.notEqual(renewed, tokens[0]);
    token.invalidate();
    await token.current();
    assert.equal(
      server.requests.at(-1)?.path,
      '/api/account/credentials/verify',
      'after a 401 the gateway logs in again',
    );
  } finally {
    await token.http.close();
    await server.stop();
  }
});

test('PBX: wrong credentials are VENDOR_AUTH_FAILED naming the connection', async () => {
  const { server } = createPbxEmulator({ username: 'admin', password: 'pw' });
  const baseUrl = await server.start();
  const token = new PbxToken({ username: 'admin', password: 'nope' });
  token.http = new UpstreamClient({
    vendor: 'pbx',
    connection: 'main-pbx',
    baseUrl,
    timeoutMs: 2000,
    maxConcurrency: 1,
    retries: 0,
    readErrorBody: readPbxError,
  });
  try {
    await assert.rejects(token.current(), (error: Error & { code?: string; upstream?: { vendorCode?: string } }) => {
      assert.equal(error.code, 'VENDOR_AUTH_FAILED');
      assert.equal(error.upstream?.vendorCode, '1040001');
      assert.match(error.message, /main-pbx/);
      return true;
    });
  } finally {
    await token.http.close();
    await server.stop();
  }
});
