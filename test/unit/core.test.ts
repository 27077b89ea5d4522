import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse, validate } from 'graphql';
import { GatewayError } from '../../src/errors.js';
import { decodeId, decodeIdOf, encodeId } from '../../src/ids.js';
import { queryLimitsRule } from '../../src/limits.js';
import { createLogger, redact } from '../../src/log.js';
import { normalizeCidr, normalizeMac } from '../../src/net.js';
import { buildSchema } from '../../src/schema.js';
import { encodeForm, encodeQuery } from '../../src/http/client.js';
import { digestAuthorization, parseDigestChallenge } from '../../src/http/digest.js';
import { decodeCursor, encodeCursor } from '../../src/resolvers/shared.js';

test("global ids round-trip; a key part outside the vendor's key shape (a separator, a slash) is refused", () => {
  const id = encodeId('User', 'stringee', 'main', ['10042', 'a.b_c-d']);
  assert.deepEqual(decodeId(id), { type: 'User', vendor: 'stringee', connection: 'main', key: ['10042', 'a.b_c-d'] });
  assert.throws(() => decodeId(encodeId('User', 'stringee', 'main', ['10042', 'a:b/c'])), GatewayError);
  assert.throws(
    () => decodeIdOf('Group', id, 'groupId'),
    (e: unknown) => e instanceof GatewayError && e.code === 'BAD_USER_INPUT' && /groupId/.test(e.message),
  );
  assert.throws(() => decodeId('not-an-id'), GatewayError);
  assert.throws(() => decodeId(Buffer.from('v1:User:teams:x:1').toString('base64url')), GatewayError);
});

test('cursors round-trip and foreign ones are refused', () => {
  assert.equal(decodeCursor(encodeCursor(41)), 42);
  assert.throws(() => decodeCursor('abc'), GatewayError);
});

test('MAC and CIDR normalisation', () => {
  assert.equal(normalizeMac('7c-1e-b3-0a-00-01'), '7C:1E:B3:0A:00:01');
  assert.equal(normalizeMac('7C:1E:B3:0A:00'), null);
  assert.equal(normalizeMac('7C:1E:B3:0A:00:0G'), null);
  assert.equal(normalizeCidr('10.0.20.10/24'), '10.0.20.10/24');
  assert.equal(normalizeCidr('2001:DB8::/32'), '2001:db8::/32');
  assert.equal(normalizeCidr('10.0.0.0/33'), null);
  assert.equal(normalizeCidr('300.0.0.0/8'), null);
  assert.equal(normalizeCidr('10.0.0.0'), null);
});

test('logs never carry secrets, whatever the caller passes', () => {
  const lines: string[] = [];
  const log = createLogger('debug', {}, (line) => lines.push(line));
  log.info('calling', {
    headers: { authorization: 'Basic dXNlcjpwYXNz', 'X-STRINGEE-AUTH': 'eyJhbGciOi' },
    password: 'hunter2',
    url: 'https://user:hunter2@pbx.example/api',
    nested: [{ apiKey: 'k-123' }],
  });
  const text = lines.join('\n');
  for (const secret of ['dXNlcjpwYXNz', 'eyJhbGciOi', 'hunter2', 'k-123'])
    assert.ok(!text.includes(secret), `${secret} leaked: ${text}`);
  assert.deepEqual(redact({ access_token: 'x', ok: 1 }), { access_token: '[redacted]', ok: 1 });
});

test('form and query encoding keep PHP-style array brackets', () => {
  assert.equal(encodeForm({ userSpec: ['1', '2'], name: 'a b&c' }), 'userSpec[]=1&userSpec[]=2&name=a%20b%26c');
  assert.equal(
    encodeQuery([
      ['filter[]', 'userId-eq-value-11'],
      ['limit', 5],
      ['skip', undefined],
    ]),
    '?filter[]=userId-eq-value-11&limit=5',
  );
});

test('digest: the RFC 2617 worked example', () => {
  const challenge = parseDigestChallenge(
    'Digest realm="testrealm@host.com", qop="auth,auth-int", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", opaque="5ccc069c403ebaf9f0171e9517f40e41"',
  );
  assert.ok(challenge);
  const header = digestAuthorization(
    challenge,
    { username: 'Mufasa', password: 'Circle Of Life' },
    'GET',
    '/dir/index.html',
    1,
    '0a4f113b',
  );
  assert.match(header, /response="6629fae49393a05397450978507c4ef1"/);
  assert.match(header, /nc=00000001/);
  assert.match(header, /opaque="5ccc069c403ebaf9f0171e9517f40e41"/);
});

test('query limits: depth and cost are measured through fragments', () => {
  const schema = buildSchema();
  const rule = queryLimitsRule({ maxDepth: 5, maxCost: 1000 });
  const shallow = parse('{ domains { users(first: 10) { nodes { userName } } } }');
  assert.deepEqual(validate(schema, shallow, [rule]), []);
  const deep = parse(
    'query { domains { ...D } } fragment D on Domain { users { nodes { groups { users { groups { name } } } } } }',
  );
  const deepErrors = validate(schema, deep, [rule]);
  assert.ok(deepErrors.some((e) => e.extensions.code === 'QUERY_TOO_COMPLEX' && /depth/.test(e.message)));
  const wide = parse('{ domains { users(first: 1000) { nodes { userName } } } }');
  assert.ok(validate(schema, wide, [rule]).some((e) => /cost/.test(e.message)));
});
