/**
 * The SIP Thor settings emulator over real HTTP, with a Digest client written here from RFC 2617
 * (not the gateway's): per-account credentials, realm from the query, every action's shape, the
 * forwarding and DND rules, the HTML failure block.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { createSipThorEmulator, type SipThorState } from '../../src/emulators/sipthor/index.js';
import type { EmulatorServer } from '../../src/emulators/shared/harness.js';

const md5 = (text: string): string => createHash('md5').update(text).digest('hex');
const REALM = 'example.com';
const START = new Date('2025-03-10T12:00:00Z');
const DAY_MS = 86_400_000;

interface Challenge {
  realm: string;
  nonce: string;
  opaque: string;
}

function parseChallenge(header: string | null): Challenge {
  if (!header?.startsWith('Digest ')) assert.fail(`a Digest challenge, got ${header}`);
  assert.match(header, /qop="auth"/);
  const field = (name: string): string =>
    new RegExp(`${name}="([^"]*)"`).exec(header)?.[1] ?? assert.fail(`no ${name} in ${header}`);
  return { realm: field('realm'), nonce: field('nonce'), opaque: field('opaque') };
}

function digestAuthorization(a: {
  uri: string;
  username: string;
  password: string;
  challenge: Challenge;
  nc: number;
}): string {
  const nc = a.nc.toString(16).padStart(8, '0');
  const cnonce = '0a4f113b';
  const response = md5(
    `${md5(`${a.username}:${a.challenge.realm}:${a.password}`)}:${a.challenge.nonce}:${nc}:${cnonce}:auth:${md5(`GET:${a.uri}`)}`,
  );
  return `Digest username="${a.username}", realm="${a.challenge.realm}", nonce="${a.challenge.nonce}", uri="${a.uri}", algorithm=MD5, qop=auth, nc=${nc}, cnonce="${cnonce}", response="${response}", opaque="${a.challenge.opaque}"`;
}

const uriFor = (query: string): string => `/settings.phtml?${query}&realm=${REALM}`;

async function challengeFor(base: string, uri: string): Promise<Challenge> {
  const refused = await fetch(`${base}${uri}`);
  assert.equal(refused.status, 401);
  assert.equal(await refused.text(), '', 'a refusal has an empty body');
  return parseChallenge(refused.headers.get('www-authenticate'));
}

/** One account's client: answers the first challenge, then counts nonce uses. */
function clientFor(base: string, username: string, password: string) {
  let challenge: Challenge | undefined;
  let nc = 0;
  const send = async (query: string): Promise<Response> => {
    const uri = uriFor(query);
    challenge ??= await challengeFor(base, uri);
    nc += 1;
    return fetch(`${base}${uri}`, {
      headers: { authorization: digestAuthorization({ uri, username, password, challenge, nc }) },
    });
  };
  const text = async (query: string): Promise<string> => {
    const response = await send(query);
    assert.equal(response.status, 200, `${query} answered ${response.status}`);
    assert.match(String(response.headers.get('content-type')), /^text\/html/);
    return response.text();
  };
  const json = async (query: string): Promise<any> => JSON.parse(await text(query));
  return { send, text, json };
}

describe('SIP Thor emulator, seeded', () => {
  let clock = START;
  let server: EmulatorServer;
  let state: SipThorState;
  let base: string;
  let alice: ReturnType<typeof clientFor>;
  before(async () => {
    ({ server, state } = createSipThorEmulator({
      accounts: [
        { username: 'alice', domain: REALM, password: 'alice-pw', first: 'Alice', mobileNumber: '+31612345678' },
        { username: 'bob.smit', domain: REALM, password: 'bob-pw' },
      ],
      now: () => clock,
      seed: true,
    }));
    base = await server.start();
    alice = clientFor(base, 'alice@example.com', 'alice-pw');
  });
  after(() => server.stop());

  test("Digest with the account's own credentials, realm from the query, empty 401s with fresh challenges", async () => {
    const uri = uriFor('action=get_identity');
    const challenge = await challengeFor(base, uri);
    assert.equal(challenge.realm, REALM);
    const get = (authorization: string) => fetch(`${base}${uri}`, { headers: { authorization } });
    const sign = (nc: number, overrides: Partial<{ username: string; password: string; uri: string }> = {}) =>
      digestAuthorization({ uri, username: 'bob.smit@example.com', password: 'bob-pw', challenge, nc, ...overrides });

    const served = await get(sign(1));
    assert.equal(served.status, 200);
    assert.equal(((await served.json()) as any).sip_address, 'bob.smit@example.com');
    assert.equal(
      (await get(sign(2, { username: 'bob.smit' }))).status,
      200,
      "a bare user is taken in the realm's domain",
    );

    const refusals = [
      await get(sign(2)), // replayed nonce count
      await get(sign(3, { password: 'alice-pw' })), // another account's password
      await get(sign(4, { uri: uriFor('action=get_voicemail') })), // signed for another uri
      await get(sign(5, { username: 'carol@example.com' })), // no such account
    ];
    for (const refused of refusals) {
      assert.equal(refused.status, 401);
      assert.equal(await refused.text(), '');
      assert.notEqual(parseChallenge(refused.headers.get('www-authenticate')).nonce, challenge.nonce, 'fresh nonce');
    }
  });

  test('every get_* action answers raw JSON in its documented shape', async () => {
    const identity = await alice.json('action=get_identity');
    // Exactly the keys of WIRE-NOTES.md: no `privacy`, which no documented answer carries.
    assert.deepEqual(Object.keys(identity).sort(), [
      'email',
      'first',
      'lastname',
      'mobile_number',
      'no_answer_timeout',
      'pstn_caller_id',
      'quick_dial',
      'sip_address',
      'timezone',
    ]);
    assert.deepEqual(
      [identity.sip_address, identity.first, identity.mobile_number],
      ['alice@example.com', 'Alice', '+31612345678'],
    );

    const aliases = await alice.json('action=get_aliases');
    assert.ok(aliases.length > 0 && aliases.every((a: string) => a.endsWith('@example.com')));
    const enumNumbers = await alice.json('action=get_enum');
    assert.ok(enumNumbers.every((n: string) => /^\+\d+$/.test(n)));

    const devices = await alice.json('action=get_devices');
    assert.ok(
      devices === null ||
        devices.every(
          (d: object) => Object.keys(d).sort().join() === 'contact,expires,publicContact,transport,user_agent',
        ),
    );

    const prepaid = await alice.json('action=get_prepaid');
    assert.deepEqual(Object.keys(prepaid).sort(), ['active_calls', 'balance', 'currency', 'prepaid']);
    assert.match(prepaid.balance, /^\d+\.\d{4}$/);
    assert.equal(typeof prepaid.prepaid, 'boolean');
    const ledger = await alice.json('action=get_balance_history');
    for (const entry of ledger) {
      assert.deepEqual(Object.keys(entry).sort(), ['action', 'balance', 'date', 'description', 'session', 'value']);
      assert.ok(Object.values(entry).every((v) => typeof v === 'string'));
    }
    if (prepaid.prepaid) assert.equal(ledger[0].balance, prepaid.balance, 'the newest entry ends at the balance');

    const usage = await alice.json('action=get_monthly_usage');
    assert.equal(typeof usage.calls, 'number');
    assert.match(usage.price, /^\d+\.\d{4}$/);

    assert.deepEqual(Object.keys(await alice.json('action=get_call_forwarding')).sort(), [
      'FBUS',
      'FNOA',
      'FNOL',
      'FUNC',
      'FUNV',
    ]);
    assert.deepEqual(await alice.json('action=get_accept_rules'), {
      persistent: { days: { start: '00:00', stop: '23:59', groups: ['everybody'] } },
      temporary: { groups: [], duration: 0 },
      groups: ['everybody', 'coworkers', 'family', 'friends', 'nobody'],
    });
    assert.ok(Array.isArray(await alice.json('action=get_reject_rules')));
    const voicemail = await alice.json('action=get_voicemail');
    assert.deepEqual(Object.keys(voicemail).sort(), [
      'Account',
      'Email',
      'Info',
      'Mailbox',
      'Name',
      'Options',
      'Password',
    ]);
    assert.equal(voicemail.Account, 'alice@example.com');
  });

  test('history: the last 14 days of the server clock, newest first, 50 calls at most', async () => {
    const history = await alice.json('action=get_history');
    assert.equal(history.placed.length, 50, 'more than 50 placed calls in the window: capped');
    assert.equal(history.received.length, 28, 'received calls older than 14 days left out');
    const call = history.placed[0];
    assert.deepEqual(Object.keys(call).sort(), [
      'displayName',
      'duration',
      'price',
      'remoteParty',
      'sessionId',
      'startTime',
      'status',
      'stopTime',
      'timezone',
    ]);
    assert.match(call.startTime, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    const starts = history.placed.map((c: { startTime: string }) => c.startTime);
    assert.deepEqual(starts, [...starts].sort().reverse());
    const oldestAllowed = new Date(START.getTime() - 14 * DAY_MS).toISOString().slice(0, 10);
    assert.ok(history.received.every((c: { startTime: string }) => c.startTime.slice(0, 10) >= oldestAllowed));
    assert.deepEqual(await alice.json('action=get_history'), history, 'deterministic');

    clock = new Date(START.getTime() + 2 * DAY_MS);
    try {
      assert.equal((await alice.json('action=get_history')).received.length, 24, 'the window moves with the clock');
    } finally {
      clock = START;
    }
  });

  test('DND: with a duration it is a temporary accept rule counting down; without, a persistent one', async () => {
    assert.deepEqual(await alice.json('action=set_dnd_on&duration=30'), {
      success: true,
      error_message: 'Do not disturb enabled for 30 minutes',
    });
    assert.deepEqual((await alice.json('action=get_accept_rules')).temporary, { groups: ['nobody'], duration: 30 });
    clock = new Date(START.getTime() + 10 * 60_000);
    assert.equal((await alice.json('action=get_accept_rules')).temporary.duration, 20);
    clock = new Date(START.getTime() + 31 * 60_000);
    assert.deepEqual((await alice.json('action=get_accept_rules')).temporary, { groups: [], duration: 0 }, 'expired');
    clock = START;

    assert.equal((await alice.json('action=set_dnd_on')).success, true);
    assert.deepEqual((await alice.json('action=get_accept_rules')).persistent.days.groups, ['nobody']);
    assert.deepEqual(await alice.json('action=set_dnd_off'), {
      success: true,
      error_message: 'Do not disturb disabled',
    });
    const rules = await alice.json('action=get_accept_rules');
    assert.deepEqual([rules.persistent.days.groups, rules.temporary], [['everybody'], { groups: [], duration: 0 }]);

    assert.deepEqual(await alice.json('action=set_dnd_on&duration=soon'), {
      success: false,
      error_message: 'Error: duration must be a positive number of minutes',
    });
    assert.deepEqual(
      (await alice.json('action=get_accept_rules')).persistent.days.groups,
      ['everybody'],
      'a refused change changes nothing',
    );
  });

  test('privacy on and off are kept, and no documented read shows them', async () => {
    assert.deepEqual(await alice.json('action=set_privacy_on'), { success: true, error_message: 'Privacy enabled' });
    assert.equal(state.account('alice@example.com').privacy, true);
    assert.equal((await alice.json('action=get_identity')).privacy, undefined);
    await alice.json('action=set_privacy_off');
    assert.equal(state.account('alice@example.com').privacy, false);
  });

  test("add_alias: in the account's domain, never empty, never someone else's address", async () => {
    assert.deepEqual(await alice.json('action=add_alias&username=frontdesk'), {
      success: true,
      error_message: 'Alias frontdesk@example.com added',
    });
    assert.ok((await alice.json('action=get_aliases')).includes('frontdesk@example.com'));
    assert.deepEqual(await alice.json('action=add_alias&username='), {
      success: false,
      error_message: 'Error: missing username',
    });
    assert.equal((await alice.json('action=add_alias&username=frontdesk')).success, false, 'already an alias');
    assert.equal((await alice.json('action=add_alias&username=bob.smit')).success, false, "another account's address");
  });

  test('set_call_forwarding: only the given keys, keywords resolved, bare users in the domain, `Key … changed` lines first', async () => {
    const before = await alice.json('action=get_call_forwarding');
    const text = await alice.text(
      `action=set_call_forwarding&FUNC=bob.smit&FBUS=${encodeURIComponent('<mobile-number>')}&FNOL=${encodeURIComponent('<voice-mailbox>')}&FNOA=${encodeURIComponent('sip:desk@other.example')}`,
    );
    const lines = text.split('\n');
    assert.deepEqual(lines.slice(0, 4), [
      'Key FUNC changed to bob.smit@example.com',
      'Key FBUS changed to +31612345678',
      'Key FNOL changed to <voice-mailbox>',
      'Key FNOA changed to desk@other.example',
    ]);
    assert.deepEqual(JSON.parse(lines.slice(4).join('\n')), { success: true, error_message: 'Call forwarding saved' });
    const changed = {
      FUNC: 'bob.smit@example.com',
      FBUS: '+31612345678',
      FNOL: '<voice-mailbox>',
      FNOA: 'desk@other.example',
      FUNV: before.FUNV,
    };
    assert.deepEqual(await alice.json('action=get_call_forwarding'), changed);

    const cleared = await alice.text('action=set_call_forwarding&FUNC=');
    assert.ok(cleared.startsWith('Key FUNC changed to \n{'));
    assert.deepEqual(await alice.json('action=get_call_forwarding'), { ...changed, FUNC: '' }, 'the other keys kept');

    const refused = await alice.json('action=set_call_forwarding&FUNV=carol&BUSY=dave');
    assert.deepEqual(refused, { success: false, error_message: 'Error: invalid forwarding condition BUSY' });
    assert.equal((await alice.json('action=get_call_forwarding')).FUNV, before.FUNV, 'nothing applied');
  });

  test('an unknown or missing action', async () => {
    assert.deepEqual(await alice.json('action=get_everything'), {
      success: false,
      error_message: 'Error: invalid action',
    });
    assert.deepEqual(await alice.json('x=1'), { success: false, error_message: 'Error: invalid action' });
  });

  test('a failing backend: the HTML alert block on HTTP 200 for that action only', async () => {
    state.failAction('get_voicemail');
    try {
      const failed = await alice.text('action=get_voicemail');
      assert.match(failed, /^<div class='alert alert-error'>.*get_voicemail.*<\/div>$/);
      assert.equal((await alice.json('action=get_identity')).sip_address, 'alice@example.com');
    } finally {
      state.failingActions.clear();
    }
    assert.equal((await alice.json('action=get_voicemail')).Account, 'alice@example.com');
  });

  test('a harness fault: one request reset, the next served', async () => {
    await alice.json('action=get_enum'); // the client holds a nonce, so the fault hits a signed request
    server.injectFault({ kind: 'reset', pathPrefix: '/settings.phtml', times: 1 });
    await assert.rejects(alice.send('action=get_enum'));
    assert.ok(Array.isArray(await alice.json('action=get_enum')));
  });

  test('seeding is deterministic per address and clock', async () => {
    const again = createSipThorEmulator({
      accounts: [{ username: 'alice', domain: REALM, password: 'x', first: 'Alice', mobileNumber: '+31612345678' }],
      now: () => START,
      seed: true,
    });
    const fresh = again.state.account('alice@example.com');
    assert.deepEqual(fresh.placed, state.account('alice@example.com').placed);
    assert.deepEqual(fresh.devices, state.account('alice@example.com').devices);
  });
});

test('SIP Thor emulator, unseeded: no devices is null, empty lists, blank forwarding', async () => {
  const { server } = createSipThorEmulator({ accounts: [{ username: 'carol', domain: REALM, password: 'carol-pw' }] });
  const base = await server.start();
  try {
    const carol = clientFor(base, 'carol', 'carol-pw');
    assert.equal(await carol.text('action=get_devices'), 'null');
    assert.deepEqual(await carol.json('action=get_history'), { placed: [], received: [] });
    assert.deepEqual(await carol.json('action=get_call_forwarding'), {
      FUNC: '',
      FNOL: '',
      FBUS: '',
      FNOA: '',
      FUNV: '',
    });
    assert.deepEqual(await carol.json('action=get_balance_history'), []);
    assert.deepEqual(await carol.json('action=set_call_forwarding&FUNC=%3Cmobile-number%3E'), {
      success: false,
      error_message: 'Error: the account has no mobile number',
    });
  } finally {
    await server.stop();
  }
});
