/**
 * Gateway ↔ Infinity emulator over HTTP: nested reads, their exact upstream call counts, paging,
 * and how bad input and vendor failures reach the client.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { describeCalls, startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;
before(async () => {
  stack = await startStack();
});
after(() => stack.stop());

/** Ground truth straight from the vendor API (the emulator), outside any counted section. */
async function vendorRows(path: string): Promise<Array<Record<string, string>>> {
  const infinity = stack.demo.settings.connections.find((c) => c.kind === 'infinity');
  assert.ok(infinity && infinity.kind === 'infinity' && infinity.auth.type === 'basic');
  const response = await fetch(`${infinity.baseUrl}${path}`, {
    headers: {
      authorization: `Basic ${Buffer.from(`${infinity.auth.username}:${infinity.auth.password}`).toString('base64')}`,
    },
  });
  assert.equal(response.status, 200, `GET ${path}`);
  return (await response.text())
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Record<string, string>);
}

async function firstDomainId(): Promise<string> {
  const { data } = await stack.gql<{ domains: Array<{ id: string }> }>('{ domains { id } }');
  assert.ok(data?.domains[0]);
  return data.domains[0].id;
}

describe('reads', () => {
  test('domains lists every vendor domain with its name', async () => {
    const rows = await vendorRows('/sip/domains');
    const { data, errors } = await stack.gql<{ domains: Array<{ name: string; vendor: string; connection: string }> }>(
      '{ domains { name vendor connection } }',
    );
    assert.equal(errors, undefined);
    const infinityDomains = data!.domains.filter((d) => d.vendor === 'INFINITY');
    assert.deepEqual(infinityDomains.map((d) => d.name).sort(), rows.map((r) => r.domainName).sort());
    assert.ok(rows.length >= 2, 'the demo has at least 2 domains');
  });

  test('domain → users → groups and devices: 1 + 1 + (1 + G) + 1 upstream calls, matching the vendor data', async () => {
    const domainId = await firstDomainId();
    const query = `query($id: ID!) { domain(id: $id) { name users(first: 1000) { nodes { userName extension groups { name } devices { name macAddress } } } } }`;
    const { result, calls } = await stack.counting(() => stack.gql(query, { id: domainId }));
    assert.equal(result.errors, undefined, JSON.stringify(result.errors));

    const nativeDomain = Buffer.from(domainId, 'base64url').toString().split(':').pop()!;
    const users = await vendorRows(`/sip/domains/${nativeDomain}/users`);
    const groups = await vendorRows(`/sip/domains/${nativeDomain}/groups`);
    const devices = await vendorRows(`/sip/domains/${nativeDomain}/devices`);
    const made = describeCalls(calls.infinity ?? []);

    assert.equal(made.length, 1 + 1 + 1 + groups.length + 1, made.join('\n'));
    assert.equal(
      made.filter((c) => /\/devices/.test(c)).length,
      1,
      'devices of all users come from one domain-wide call',
    );
    assert.equal(
      made.filter((c) => /\/users\/\d+\/groups/.test(c)).length,
      0,
      'no per-user group calls when inverting is cheaper',
    );

    const got = (result.data as any).domain.users.nodes as Array<{
      userName: string;
      groups: Array<{ name: string }>;
      devices: Array<{ macAddress: string }>;
    }>;
    assert.equal(got.length, users.length);
    for (const user of users) {
      const mine = got.find((u) => u.userName === user.user);
      assert.ok(mine, `user ${user.user} is listed`);
      const expectedMacs = devices
        .filter((d) => d.userId === user.userId)
        .map((d) => (d.deviceMacAddress ?? '').toUpperCase())
        .sort();
      assert.deepEqual(mine.devices.map((d) => d.macAddress).sort(), expectedMacs, `devices of ${user.user}`);
    }
    // Every group's member list, inverted, must equal what the gateway says each user belongs to.
    for (const group of groups) {
      const members = await vendorRows(`/sip/domains/${nativeDomain}/groups/${group.groupId}/users`);
      for (const member of members) {
        const mine = got.find((u) => u.userName === member.user);
        assert.ok(
          mine?.groups.some((g) => g.name === group.groupName),
          `${member.user} is in ${group.groupName}`,
        );
      }
    }
  });

  test('user → groups → devices of one user: 3 calls, the devices list filtered on that user', async () => {
    const domainId = await firstDomainId();
    const list = await stack.gql(`query($id: ID!) { domain(id: $id) { users(first: 1) { nodes { id } } } }`, {
      id: domainId,
    });
    const userId = (list.data as any).domain.users.nodes[0].id as string;
    const query = `query($id: ID!) { user(id: $id) { userName groups { name users { userName } } devices { name } } }`;
    const { result, calls } = await stack.counting(() => stack.gql(query, { id: userId }));
    assert.equal(result.errors, undefined, JSON.stringify(result.errors));
    const made = describeCalls(calls.infinity ?? []);
    const groupCount = (result.data as any).user.groups.length as number;
    // user read + that user's groups + one device list + each group's members
    assert.equal(made.length, 3 + groupCount, made.join('\n'));
    assert.ok(
      made.some((c) => /\/devices\?filter\[\]=userId-eq-value-\d+/.test(c)),
      made.join('\n'),
    );
  });

  test('the same field asked twice (aliases) is fetched once; a domain asked only for lists is not read', async () => {
    const domainId = await firstDomainId();
    const native = Buffer.from(domainId, 'base64url').toString().split(':').pop();
    const query = `query($id: ID!) { a: domain(id: $id) { users(first: 5) { nodes { userName } } } b: domain(id: $id) { users(first: 5) { nodes { extension } } } }`;
    const { result, calls } = await stack.counting(() => stack.gql(query, { id: domainId }));
    assert.equal(result.errors, undefined);
    assert.deepEqual(
      describeCalls(calls.infinity ?? []).map((c) => c.replace(/\?.*/, '')),
      [`GET /config/v2/sip/domains/${native}/users`],
    );
  });

  test('an unknown domain asked only for lists still reports NOT_FOUND', async () => {
    const domainId = await firstDomainId();
    const [, , vendor, connection] = Buffer.from(domainId, 'base64url').toString().split(':');
    const missing = Buffer.from(`v1:Domain:${vendor}:${connection}:424242`).toString('base64url');
    const result = await stack.gql(`query($id: ID!) { domain(id: $id) { users { nodes { userName } } } }`, {
      id: missing,
    });
    assert.equal(result.errors?.[0]?.extensions?.code, 'NOT_FOUND');
    assert.equal((result.data as any).domain.users, null);
  });

  test('pages walk the whole list without overlap', async () => {
    const domainId = await firstDomainId();
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let guard = 0; guard < 50; guard += 1) {
      const page: any = await stack.gql(
        `query($id: ID!, $after: String) { domain(id: $id) { users(first: 7, after: $after) { nodes { userName } pageInfo { hasNextPage endCursor hasPreviousPage } } } }`,
        { id: domainId, after: cursor },
      );
      const users = page.data.domain.users;
      seen.push(...users.nodes.map((u: { userName: string }) => u.userName));
      assert.equal(users.pageInfo.hasPreviousPage, cursor !== null);
      if (!users.pageInfo.hasNextPage) break;
      cursor = users.pageInfo.endCursor;
    }
    const all: any = await stack.gql(
      `query($id: ID!) { domain(id: $id) { users(first: 1000) { nodes { userName } } } }`,
      { id: domainId },
    );
    assert.deepEqual(
      seen,
      all.data.domain.users.nodes.map((u: { userName: string }) => u.userName),
    );
    assert.equal(new Set(seen).size, seen.length);
  });
});

describe('errors', () => {
  test('an unknown id gives null and NOT_FOUND', async () => {
    const domainId = await firstDomainId();
    const [, , vendor, connection, d] = Buffer.from(domainId, 'base64url').toString().split(':');
    const missing = Buffer.from(`v1:User:${vendor}:${connection}:${d}:999999`).toString('base64url');
    const result = await stack.gql(`query($id: ID!) { user(id: $id) { userName } }`, { id: missing });
    assert.equal((result.data as any).user, null);
    assert.equal(result.errors?.[0]?.extensions?.code, 'NOT_FOUND');
  });

  test('an id of the wrong type is refused before any vendor call', async () => {
    const domainId = await firstDomainId();
    const { result, total } = await stack.counting(() =>
      stack.gql(`query($id: ID!) { user(id: $id) { userName } }`, { id: domainId }),
    );
    assert.equal(result.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.equal(total, 0);
  });

  test('a bad MAC, CIDR or extension fails validation naming the field, with no vendor call', async () => {
    const domainId = await firstDomainId();
    const cases = [
      [
        `mutation { createDevice(input: {domainId: "${domainId}", name: "x", macAddress: "10:20:30:1A:2B"}) { id } }`,
        'MacAddress',
      ],
      [`mutation { createTrustedNetwork(input: {domainId: "${domainId}", network: "10.0.0.0/33"}) { id } }`, 'Cidr'],
      [
        `mutation { createQueue(input: {domainId: "${domainId}", name: "q", displayName: "Q", extension: "12a"}) { id } }`,
        'Extension',
      ],
    ] as const;
    for (const [mutation, scalar] of cases) {
      const { result, total } = await stack.counting(() => stack.gql(mutation));
      assert.equal(total, 0, `no vendor call for a bad ${scalar}`);
      assert.equal(result.errors?.[0]?.extensions?.code, 'GRAPHQL_VALIDATION_FAILED');
      assert.match(result.errors![0]!.message, new RegExp(scalar));
    }
    const viaVariable = await stack.gql(
      `mutation($mac: MacAddress!) { createDevice(input: {domainId: "${domainId}", name: "x", macAddress: $mac}) { id } }`,
      { mac: 'nope' },
    );
    assert.equal(viaVariable.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.match(viaVariable.errors![0]!.message, /\$mac/);
  });

  test('a vendor 5xx is a typed error on its field while siblings still resolve', async () => {
    const domainId = await firstDomainId();
    const native = Buffer.from(domainId, 'base64url').toString().split(':').pop();
    stack.demo.emulators.infinity!.injectFault({
      kind: 'status',
      status: 500,
      pathPrefix: `/config/v2/sip/domains/${native}/queues`,
    });
    try {
      const result = await stack.gql(
        `query($id: ID!) { domain(id: $id) { name queues { nodes { name } } groups { nodes { name } } } }`,
        { id: domainId },
      );
      const error = result.errors?.find((e) => e.path?.includes('queues'));
      assert.ok(error, JSON.stringify(result.errors));
      assert.equal(error.extensions?.code, 'VENDOR_UNAVAILABLE');
      assert.equal(error.extensions?.vendor, 'infinity');
      assert.equal(error.extensions?.connection, 'infinity');
      assert.equal(error.extensions?.httpStatus, 500);
      assert.ok((result.data as any).domain.groups.nodes.length > 0, 'groups still resolve');
    } finally {
      stack.demo.emulators.infinity!.clearFaults();
    }
  });

  test('a reset connection on a read is retried; a malformed body is VENDOR_BAD_RESPONSE', async () => {
    const emulator = stack.demo.emulators.infinity!;
    emulator.injectFault({ kind: 'reset', pathPrefix: '/config/v2/sip/domains', method: 'GET', times: 1 });
    const retried = await stack.gql('{ domains { name } }');
    assert.equal(retried.errors, undefined, 'one reset is absorbed by the retry');
    emulator.injectFault({ kind: 'malformed', pathPrefix: '/config/v2/sip/domains', times: 1 });
    const malformed = await stack.gql('{ domains { name } }');
    assert.equal(malformed.errors?.[0]?.extensions?.code, 'VENDOR_BAD_RESPONSE');
    emulator.clearFaults();
  });

  test('too deep a query is refused before any vendor call', async () => {
    const deep = `{ domains { users { nodes { groups { users { groups { users { groups { users { groups { users { groups { name } } } } } } } } } } } } }`;
    const { result, total } = await stack.counting(() => stack.gql(deep));
    assert.equal(total, 0);
    assert.equal(result.errors?.[0]?.extensions?.code, 'QUERY_TOO_COMPLEX');
  });
});

describe('the GraphiQL page', () => {
  test('a browser GET serves GraphiQL, and its scripts come from the installed packages', async () => {
    const page = await fetch(stack.url, { headers: { accept: 'text/html' } });
    assert.equal(page.status, 200);
    const html = await page.text();
    const assets = [...html.matchAll(/(?:src|href)="(\/graphiql\/[^"]+)"/g)].map((m) => m[1]!);
    assert.deepEqual(assets.sort(), [
      '/graphiql/graphiql.css',
      '/graphiql/graphiql.js',
      '/graphiql/react-dom.js',
      '/graphiql/react.js',
    ]);
    assert.ok(!/https?:\/\//.test(html.replace(/http:\/\/www\.w3\.org[^"]*/g, '')), 'no CDN or external URL');
    for (const asset of assets) {
      const response = await fetch(new URL(asset, stack.url));
      assert.equal(response.status, 200, asset);
      assert.ok((await response.arrayBuffer()).byteLength > 1000, `${asset} has content`);
    }
    assert.equal((await fetch(new URL('/graphiql/../package.json', stack.url))).status, 404);
  });
});
