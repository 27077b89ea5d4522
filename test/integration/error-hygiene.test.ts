/**
 * Error hygiene and input bounds over real HTTP: a sent secret never comes back in an error (GraphQL
 * coercion and validation messages included); strings out of bounds are refused before any
 * vendor call; a vendor's error page that echoes the gateway's credential is scrubbed for the
 * client and logged redacted; every error carries the request id.
 */
import assert from 'node:assert/strict';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { createLogger } from '../../src/log.js';
import { createServer } from '../../src/server.js';
import { callerHeaders, startStack, type Stack } from '../helpers/stack.js';

const SECRET = 'Hunter2-Very-Secret-Passw0rd';
let stack: Stack;
let domainId: string;
before(async () => {
  stack = await startStack();
  const data = await stack.ok('{ domains(vendor: INFINITY) { id } }');
  domainId = data.domains[0].id;
});
after(() => stack.stop());

const CREATE_USER = 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }';

function userInput(overrides: Record<string, unknown>): Record<string, unknown> {
  return {
    domainId,
    userName: 'hygiene.test',
    password: SECRET,
    displayName: 'Hygiene',
    extension: '7790',
    ...overrides,
  };
}

describe('secrets in errors', () => {
  const cases: Array<[string, string, Record<string, unknown>]> = [
    [
      'a bad sibling field (variable coercion prints the whole input)',
      CREATE_USER,
      { input: userInput({ extension: 'not-an-extension' }) },
    ],
    ['an unknown sibling field', CREATE_USER, { input: userInput({ notAField: 1 }) }],
    ['the secret itself of the wrong type', CREATE_USER, { input: userInput({ password: 987_654_321 }) }],
    ['the secret itself out of bounds', CREATE_USER, { input: userInput({ password: `${SECRET}\u0000` }) }],
    [
      'a secret literal of the wrong type',
      `mutation { createUser(input: {domainId: "x", userName: "a", password: 987654321, displayName: "d", extension: "1"}) { id } }`,
      {},
    ],
    [
      'a pin literal in a bad shape',
      `mutation($d: ID!) { createUser(input: {domainId: $d, userName: "a", password: "${SECRET}", pin: "12ab", displayName: "d", extension: "7791"}) { id } }`,
      { d: '' },
    ],
  ];
  for (const [name, query, variables] of cases) {
    test(`${name}: refused with a code and the request id, the value not repeated`, async () => {
      const { result, total } = await stack.counting(async () => (await stack.post(query, variables)).text());
      const body = JSON.parse(result) as { errors: Array<{ message: string; extensions: Record<string, unknown> }> };
      assert.ok(body.errors?.length, result);
      for (const error of body.errors) {
        assert.ok(
          typeof error.extensions.code === 'string' && error.extensions.code !== 'INTERNAL_SERVER_ERROR',
          result,
        );
        assert.match(String(error.extensions.requestId), /^[0-9a-f-]{36}$/, result);
      }
      for (const secret of [SECRET, '987654321'])
        assert.ok(!result.includes(secret), `the secret came back: ${result}`);
      assert.equal(total, 0);
    });
  }
});

describe('input bounds', () => {
  const refused: Array<[string, Record<string, unknown>, RegExp]> = [
    ['CR/LF in a display name', { displayName: 'Eve\r\nX-Injected: 1' }, /input\.displayName: control characters/],
    ['NUL in a display name', { displayName: 'Eve\u0000' }, /input\.displayName: control characters/],
    ['a 100 KB display name', { displayName: 'x'.repeat(100_000) }, /input\.displayName: at most 255 characters/],
    ['a lone surrogate', { displayName: 'Eve\ud800' }, /well-formed/],
    ['a user name with a slash', { userName: 'a/b' }, /input\.userName: must match/],
    ['a 65-character user name', { userName: 'u'.repeat(65) }, /input\.userName: at most 64/],
    ['a pin of letters', { pin: '12ab' }, /input\.pin: must match/],
  ];
  for (const [name, overrides, message] of refused) {
    test(`${name} is refused as BAD_USER_INPUT before any vendor call`, async () => {
      const { result, total } = await stack.counting(() => stack.gql(CREATE_USER, { input: userInput(overrides) }));
      assert.equal(result.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT', JSON.stringify(result.errors).slice(0, 300));
      assert.match(result.errors![0]!.message, message);
      assert.equal(total, 0);
    });
  }

  test('unicode within the bounds is stored as given', async () => {
    const created = await stack.ok(CREATE_USER.replace('{ id }', '{ id displayName }'), {
      input: userInput({ userName: 'zoe.unicode', displayName: 'Zoë 東京 😀', extension: '7792' }),
    });
    assert.equal(created.createUser.displayName, 'Zoë 東京 😀');
    await stack.ok('mutation($id: ID!) { deleteUser(id: $id) { deletedId } }', { id: created.createUser.id });
  });
});

describe('vendor error text', () => {
  let echo: Server;
  before(async () => {
    // A vendor error page that echoes the request's headers, as the issue found one doing.
    echo = createHttpServer((req, res) => {
      const headers = Object.entries(req.headers)
        .map(([k, v]) => `<li>${k}: ${String(v)}</li>`)
        .join('');
      res
        .writeHead(400, { 'content-type': 'text/html' })
        .end(`<html><body><h1>Bad Request</h1><ul>${headers}</ul>${'<p>padding</p>'.repeat(20)}</body></html>`);
    });
    await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
  });
  after(() => new Promise<void>((resolve) => echo.close(() => resolve())));

  test('is shortened and scrubbed for the client, and logged in full with credentials redacted', async () => {
    const infinity = stack.demo.settings.connections.find((c) => c.kind === 'infinity')!;
    const baseUrl = `http://127.0.0.1:${(echo.address() as AddressInfo).port}`;
    const lines: string[] = [];
    const logger = createLogger('warn', {}, (line) => lines.push(line));
    const gateway = await createServer({ ...stack.demo.settings, connections: [{ ...infinity, baseUrl }] }, { logger });
    try {
      const url = await gateway.listen(0, '127.0.0.1');
      const response = await fetch(url, {
        method: 'POST',
        headers: callerHeaders(stack.demo.keys.admin),
        body: JSON.stringify({ query: '{ domains { id } }' }),
      });
      const text = await response.text();
      const auth = infinity.kind === 'infinity' && infinity.auth.type === 'basic' ? infinity.auth : undefined;
      assert.ok(auth);
      const credential = Buffer.from(`${auth.username}:${auth.password}`).toString('base64');
      const error = (JSON.parse(text) as { errors: Array<{ message: string; extensions: Record<string, unknown> }> })
        .errors[0]!;
      assert.equal(error.extensions.code, 'VENDOR_REJECTED');
      assert.ok(!text.includes(credential), `the gateway's credential came back: ${text}`);
      assert.ok(!text.includes('<li>'), 'markup is removed');
      assert.ok(String(error.extensions.vendorMessage).length <= 160);
      assert.match(String(error.extensions.requestId), /^[0-9a-f-]{36}$/);
      const logged = lines
        .map((line) => JSON.parse(line) as Record<string, unknown>)
        .find((entry) => entry.msg === 'vendor error');
      assert.ok(logged, lines.join('\n'));
      assert.equal(logged.requestId, error.extensions.requestId);
      assert.match(String(logged.vendorMessage), /<h1>Bad Request<\/h1>/);
      assert.ok(!JSON.stringify(logged).includes(credential));
    } finally {
      await gateway.stop();
    }
  });
});
