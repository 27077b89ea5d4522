/**
 * sipgraph behind a real router (Hive Gateway), composed with @apollo/composition: (a) the whole
 * schema as one subgraph beside another team's subgraph, (b) one subgraph per vendor. The headline
 * query must cost the vendors exactly what it costs the standalone server, counted from the
 * emulators' own request logs, with at most one `_entities` round per subgraph hop.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startDeskSubgraph, deskOf, type DeskSubgraph } from '../helpers/desk-subgraph.js';
import { compose, startRouter, startSubgraph, type Router, type RunningSubgraph } from '../helpers/federation.js';
import { describeCalls, startStack, type Stack } from '../helpers/stack.js';

const HEADLINE = `query Headline {
  domains(vendor: INFINITY) { name users(first: 100) { nodes {
    id userName groups { name }
    devices { id name sipConfig { connection accounts { username registered } } }
    accounts { address settings { callForwarding { busy } voicemail { mailbox } } }
  } } }
}`;

let stack: Stack;
/** The client's credential, which the router must pass on: the demo's admin API key. */
let CLIENT_HEADERS: Record<string, string>;
before(async () => {
  stack = await startStack();
  CLIENT_HEADERS = { authorization: `Bearer ${stack.demo.keys.admin}` };
});
after(() => stack.stop());

/** Upstream requests per emulator while `action` runs (auth round trips included). */
async function vendorCalls<T>(
  action: () => Promise<T>,
): Promise<{ result: T; counts: Record<string, number>; paths: string[] }> {
  const { result, calls } = await stack.counting(action);
  const counts = Object.fromEntries(
    Object.entries(calls)
      .map(([name, list]) => [name, list.length])
      .filter(([, n]) => n !== 0),
  );
  return { result, counts, paths: describeCalls(Object.values(calls).flat()) };
}

async function standaloneHeadline() {
  await stack.gql(HEADLINE); // intercom MACs and Digest nonces are learnt once per process
  const run = await vendorCalls(() => stack.gql(HEADLINE));
  assert.equal(run.result.errors, undefined, JSON.stringify(run.result.errors));
  return run;
}

/** The first Infinity domain, grown on the vendor's side to at least `count` users; their ids. */
async function domainWithUsers(count: number): Promise<{ domainId: string; users: string[] }> {
  const first = `{ domains(vendor: INFINITY) { id users(first: ${count}) { nodes { id } } } }`;
  let domain = (await stack.ok(first)).domains[0];
  const infinity = stack.demo.states.infinity;
  const native = infinity.domains()[0]!.domainId;
  for (let i = domain.users.nodes.length; i < count; i += 1) {
    infinity.createUser(native, {
      user: `oncall.${i}`,
      password: 'Secret-123',
      displayName: `On Call ${i}`,
      extensionNumber: String(7000 + i),
    });
  }
  domain = (await stack.ok(first)).domains[0];
  return { domainId: domain.id, users: domain.users.nodes.map((u: { id: string }) => u.id) };
}

async function stopAll(...servers: Array<{ stop(): Promise<void> } | undefined>): Promise<void> {
  await Promise.all(servers.map((s) => s?.stop()));
}

describe('(a) the whole sipgraph subgraph beside another subgraph', () => {
  let sipgraph: RunningSubgraph;
  let desk: DeskSubgraph;
  let router: Router;
  before(async () => {
    sipgraph = await startSubgraph(stack.demo.settings, 'sipgraph');
    desk = await startDeskSubgraph();
    router = await startRouter(compose([sipgraph, desk]));
  });
  after(() => stopAll(router, sipgraph, desk));

  test('headline query: the standalone data and vendor calls; the other subgraph joined in one round', async () => {
    const standalone = await standaloneHeadline();
    const query = HEADLINE.replace('id userName', 'id userName desk').replace(
      'devices { id name',
      'devices { id name assetTag',
    );
    await router.gql(query, {}, CLIENT_HEADERS);
    const sipgraphMark = sipgraph.received.length;
    const deskMark = desk.received.length;
    const routed = await vendorCalls(() => router.gql(query, {}, CLIENT_HEADERS));
    assert.equal(routed.result.errors, undefined, JSON.stringify(routed.result.errors));

    assert.deepEqual(
      routed.counts,
      standalone.counts,
      `standalone:\n${standalone.paths.join('\n')}\nrouted:\n${routed.paths.join('\n')}`,
    );
    const users = routed.result.data.domains.flatMap((d: any) => d.users.nodes);
    assert.ok(
      users.length > 0 && users.every((u: any) => u.desk === deskOf(u.id)),
      "every user carries the other subgraph's field",
    );
    const strip = (data: any) =>
      JSON.parse(JSON.stringify(data, (k, v) => (k === 'desk' || k === 'assetTag' ? undefined : v)));
    assert.deepEqual(strip(routed.result.data), standalone.result.data);
    assert.equal(sipgraph.received.length - sipgraphMark, 1, 'sipgraph answers its whole part in one fetch');
    assert.ok(
      desk.received.length - deskMark <= 2,
      'users and devices go to the other subgraph in at most one _entities call each',
    );
  });
  test('100 User references from the other subgraph cost sipgraph the calls of domain.users', async () => {
    const { domainId, users } = await domainWithUsers(100);
    desk.onCall = users;
    const viaList = await vendorCalls(() =>
      stack.ok(`query($id: ID!) { domain(id: $id) { users(first: 100) { nodes { userName extension } } } }`, {
        id: domainId,
      }),
    );
    const mark = sipgraph.received.length;
    const routed = await vendorCalls(() => router.gql('{ onCall { id userName extension desk } }', {}, CLIENT_HEADERS));
    assert.equal(routed.result.errors, undefined, JSON.stringify(routed.result.errors));
    assert.equal(routed.result.data.onCall.length, 100);
    assert.deepEqual(
      routed.result.data.onCall.map((u: any) => u.userName),
      viaList.result.domain.users.nodes.map((u: any) => u.userName),
    );
    assert.deepEqual(routed.counts, viaList.counts, routed.paths.join('\n'));
    assert.equal(routed.counts.infinity, 1, 'one list call, no read per user');
    assert.equal(sipgraph.received.length - mark, 1, 'one _entities call for all 100 representations');
  });

  test('a failing vendor: partial data and its error, code and path, through the router', async () => {
    stack.demo.states.sipthor.failAction('get_voicemail');
    try {
      const result = await router.gql(HEADLINE, {}, CLIENT_HEADERS);
      const users = result.data.domains.flatMap((d: any) => d.users.nodes);
      const withAccounts = users.filter((u: any) => u.accounts?.length > 0);
      assert.ok(withAccounts.length > 0);
      for (const user of withAccounts) {
        assert.equal(user.accounts[0].settings.voicemail, null);
        assert.ok(user.accounts[0].settings.callForwarding, 'the sibling setting still resolves');
      }
      assert.ok(
        users.every((u: any) => Array.isArray(u.groups)),
        'other vendors are untouched',
      );
      const errors = result.errors ?? [];
      assert.equal(errors.length, withAccounts.length);
      for (const error of errors) {
        assert.equal(error.extensions?.code, 'VENDOR_UNAVAILABLE');
        assert.deepEqual(error.path?.slice(-4), ['accounts', 0, 'settings', 'voicemail']);
      }
    } finally {
      stack.demo.states.sipthor.failingActions.clear();
    }
  });

  test("the client's credential reaches every subgraph, in either header", async () => {
    const ways: Array<Record<string, string>> = [
      { authorization: `Bearer ${stack.demo.keys.admin}` },
      { 'x-api-key': stack.demo.keys.admin },
    ];
    for (const headers of ways) {
      const marks = [sipgraph.received.length, desk.received.length];
      const result = await router.gql(HEADLINE.replace('id userName', 'id userName desk'), {}, headers);
      assert.equal(result.errors, undefined, JSON.stringify(result.errors));
      for (const [i, subgraph] of [sipgraph, desk].entries()) {
        const seen = subgraph.received.slice(marks[i]);
        assert.ok(seen.length > 0, `${subgraph.name} was called`);
        for (const [name, value] of Object.entries(headers))
          assert.ok(
            seen.every((h) => h[name] === value),
            `${subgraph.name} got ${name}`,
          );
      }
    }
  });

  test("a tenant key through the router: its domain's references resolve, another domain's are FORBIDDEN", async () => {
    const { tenant, tenantScope } = stack.demo.keys;
    const domains = (await stack.ok('{ domains(vendor: INFINITY) { name users(first: 3) { nodes { id userName } } } }'))
      .domains as Array<{ name: string; users: { nodes: Array<{ id: string; userName: string }> } }>;
    const own = domains.find((d) => d.name === tenantScope.domainName)!.users.nodes;
    const foreign = domains.find((d) => d.name !== tenantScope.domainName)!.users.nodes;
    const asTenant = { authorization: `Bearer ${tenant}` };

    desk.onCall = own.map((u) => u.id);
    const mine = await router.gql('{ onCall { id userName desk } }', {}, asTenant);
    assert.equal(mine.errors, undefined, JSON.stringify(mine.errors));
    assert.deepEqual(
      mine.data.onCall.map((u: any) => u.userName),
      own.map((u) => u.userName),
    );

    const mark = stack.demo.emulators.infinity!.requests.length;
    desk.onCall = foreign.map((u) => u.id);
    const theirs = await router.gql('{ onCall { id userName } }', {}, asTenant);
    assert.ok(
      theirs.errors?.some((e) => e.extensions?.code === 'FORBIDDEN'),
      JSON.stringify(theirs.errors),
    );
    assert.ok(!foreign.some((u) => JSON.stringify(theirs.data ?? {}).includes(u.userName)), 'no foreign row leaks');
    const read = stack.demo.emulators.infinity!.since(mark).filter((c) => c.path.includes(`/domains/`));
    assert.deepEqual(describeCalls(read), [], 'the foreign domain is never asked for');
  });

  test('without a credential: UNAUTHENTICATED through the router, and the subgraph refuses direct calls', async () => {
    const mark = stack.demo.emulators.infinity!.requests.length;
    const routed = await router.gql(HEADLINE);
    assert.ok(!routed.data?.domains, 'no data');
    assert.ok(
      routed.errors?.length && routed.errors.every((e) => e.extensions?.code === 'UNAUTHENTICATED'),
      JSON.stringify(routed.errors),
    );
    const refused: Array<Record<string, string>> = [{}, { authorization: 'Bearer not-a-key' }];
    for (const headers of refused) {
      const direct = await fetch(sipgraph.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: '{ _service { sdl } }' }),
      });
      assert.equal(direct.status, 401);
      assert.equal(((await direct.json()) as any).errors[0].extensions.code, 'UNAUTHENTICATED');
    }
    assert.equal(stack.demo.emulators.infinity!.requests.length, mark, 'no vendor was called');
  });
});

describe('(b) one subgraph per vendor', () => {
  const names = ['directory', 'pbx', '2n', 'sipthor'] as const;
  let subgraphs: RunningSubgraph[];
  let router: Router;
  before(async () => {
    subgraphs = await Promise.all(names.map((name) => startSubgraph(stack.demo.settings, name)));
    router = await startRouter(compose(subgraphs));
  });
  after(() => stopAll(router, ...(subgraphs ?? [])));

  test('headline query: the standalone data and vendor calls, one _entities round per vendor hop', async () => {
    const standalone = await standaloneHeadline();
    await router.gql(HEADLINE, {}, CLIENT_HEADERS);
    const marks = subgraphs.map((s) => s.received.length);
    const routed = await vendorCalls(() => router.gql(HEADLINE, {}, CLIENT_HEADERS));
    assert.equal(routed.result.errors, undefined, JSON.stringify(routed.result.errors));
    assert.deepEqual(routed.result.data, standalone.result.data);
    assert.deepEqual(
      routed.counts,
      standalone.counts,
      `standalone:\n${standalone.paths.join('\n')}\nrouted:\n${routed.paths.join('\n')}`,
    );
    const fetches = Object.fromEntries(subgraphs.map((s, i) => [s.name, s.received.length - marks[i]!]));
    // directory: the root fetch; 2n: Device.sipConfig; sipthor: User.accounts with their settings.
    assert.deepEqual(fetches, { directory: 1, pbx: 0, '2n': 1, sipthor: 1 });
  });

  test('a failing vendor, then its whole subgraph down: the other vendors still answer', async () => {
    stack.demo.states.sipthor.failAction('get_voicemail');
    try {
      const result = await router.gql(HEADLINE, {}, CLIENT_HEADERS);
      const accounts = result.data.domains.flatMap((d: any) => d.users.nodes.flatMap((u: any) => u.accounts ?? []));
      assert.ok(
        accounts.length > 0 && accounts.every((a: any) => a.settings.voicemail === null && a.settings.callForwarding),
      );
      assert.equal(result.errors?.length, accounts.length);
      assert.ok(
        result.errors!.every((e) => e.extensions?.code === 'VENDOR_UNAVAILABLE' && e.path?.at(-1) === 'voicemail'),
        JSON.stringify(result.errors),
      );
    } finally {
      stack.demo.states.sipthor.failingActions.clear();
    }

    const sipthor = subgraphs.find((s) => s.name === 'sipthor')!;
    await sipthor.stop();
    subgraphs = subgraphs.filter((s) => s !== sipthor);
    const result = await router.gql(HEADLINE, {}, CLIENT_HEADERS);
    const users = result.data.domains.flatMap((d: any) => d.users.nodes);
    assert.ok(users.length > 0 && users.every((u: any) => Array.isArray(u.groups)), 'the directory still answers');
    assert.ok(
      users.some((u: any) => u.devices.some((d: any) => d.sipConfig)),
      'the 2N subgraph still answers',
    );
    assert.ok(
      users.every((u: any) => u.accounts === null),
      'the SIP Thor part is null',
    );
    assert.ok(
      result.errors?.length && result.errors.every((e) => e.extensions?.code && e.path?.includes('accounts')),
      JSON.stringify(result.errors),
    );
  });
});
