/**
 * The Infinity Config API v2 emulator on its own, over real HTTP with plain fetch, as a vendor
 * client would see it: auth, the wire encodings, all 43 documented operations, the semantics
 * docs/vendors.md settles, the request log and the harness's fault knobs.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  ALL_OPERANDS,
  createInfinityEmulator,
  InfinityState,
  seedInfinity,
} from '../../src/emulators/infinity/index.js';
import type { EmulatorServer } from '../../src/emulators/shared/harness.js';

type Row = Record<string, string>;
type Params = Record<string, string | number | ReadonlyArray<string | number>>;

interface Reply {
  status: number;
  headers: Headers;
  text: string;
}

const basic = (username: string, password: string): string =>
  `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
const AUTH = basic('tester', 'secret-pw');

/** PHP-style form encoding: arrays as `name[]=…` repeated. */
function formOf(params: Params): string {
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (Array.isArray(value)) for (const item of value) form.append(`${name}[]`, String(item));
    else form.append(name, String(value));
  }
  return form.toString();
}

function parseNdjson(text: string): Row[] {
  assert.ok(text === '' || text.endsWith('\n'), 'every NDJSON row ends with \\n');
  return text
    .split('\n')
    .slice(0, -1)
    .map((line) => JSON.parse(line) as Row);
}

class Client {
  constructor(
    private readonly base: string,
    /** null sends no Authorization header. */
    private readonly authorization: string | null = AUTH,
  ) {}

  async send(
    method: string,
    path: string,
    options: { form?: Params | string; headers?: Record<string, string> } = {},
  ): Promise<Reply> {
    const headers: Record<string, string> = {
      ...(this.authorization ? { authorization: this.authorization } : {}),
      ...options.headers,
    };
    let body: string | undefined;
    if (options.form !== undefined) {
      body = typeof options.form === 'string' ? options.form : formOf(options.form);
      headers['content-type'] ??= 'application/x-www-form-urlencoded';
    }
    const response = await fetch(`${this.base}${path}`, { method, headers, body });
    return { status: response.status, headers: response.headers, text: await response.text() };
  }

  /** A list or read that must answer 200 NDJSON. */
  async rows(path: string): Promise<Row[]> {
    const reply = await this.send('GET', path);
    assert.equal(reply.status, 200, `GET ${path}: ${reply.text}`);
    assert.match(String(reply.headers.get('content-type')), /^application\/x-ndjson/);
    return parseNdjson(reply.text);
  }

  async row(path: string): Promise<Row> {
    const rows = await this.rows(path);
    assert.equal(rows.length, 1, `a read is one row: GET ${path}`);
    return rows[0]!;
  }

  /** A create that must answer 201 with `{ idField: "<digits>" }`; returns the id. */
  async create(path: string, form: Params | string, idField: string): Promise<string> {
    const reply = await this.send('POST', path, { form });
    assert.equal(reply.status, 201, `POST ${path}: ${reply.text}`);
    const body = JSON.parse(reply.text) as Row;
    assert.match(body[idField] ?? '', /^\d+$/, reply.text);
    return body[idField]!;
  }

  /** An update, delete or add that must answer 204 with no body. */
  async noContent(method: string, path: string, form?: Params | string): Promise<void> {
    const reply = await this.send(method, path, form === undefined ? {} : { form });
    assert.equal(reply.status, 204, `${method} ${path}: ${reply.text}`);
    assert.equal(reply.text, '');
  }

  /** A 4xx that must carry `{"message"}` matching `message`. */
  async fails(method: string, path: string, status: number, message: RegExp, form?: Params | string): Promise<void> {
    const reply = await this.send(method, path, form === undefined ? {} : { form });
    assert.equal(reply.status, status, `${method} ${path}: ${reply.text}`);
    assert.match((JSON.parse(reply.text) as { message: string }).message, message);
  }
}

interface Running {
  server: EmulatorServer;
  state: InfinityState;
  api: Client;
  base: string;
}

async function startEmulator(options: Parameters<typeof createInfinityEmulator>[0] = {}): Promise<Running> {
  const { server, state } = createInfinityEmulator({ username: 'tester', password: 'secret-pw', ...options });
  const base = `${await server.start(0)}/config/v2/sip`;
  return { server, state, api: new Client(base), base };
}

/** Two small domains: 6 users, 2 groups, 2 + 1 queues, intercoms, phones and spares each. */
const SMALL_SEED = { domains: 2, usersPerDomain: 6, groupsPerDomain: 2 };
const D = '/domains/1';

describe('auth', () => {
  let running: Running;
  before(async () => {
    running = await startEmulator({ apiKey: 'key-123', allowedDomainIds: [1], seed: SMALL_SEED });
  });
  after(() => running.server.stop());

  test('no credentials and wrong credentials are 401 with a Basic challenge and a JSON message', async () => {
    for (const authorization of [
      null,
      basic('tester', 'wrong'),
      basic('someone', 'secret-pw'),
      'ApiKey wrong-key',
      'Bearer key-123',
    ]) {
      const reply = await new Client(running.base, authorization).send('GET', '/domains');
      assert.equal(reply.status, 401, String(authorization));
      assert.equal(reply.headers.get('www-authenticate'), 'Basic realm="Infinity"');
      assert.ok((JSON.parse(reply.text) as { message: string }).message, 'a JSON message');
    }
  });

  test('Basic and ApiKey credentials are both accepted', async () => {
    assert.equal((await new Client(running.base, AUTH).send('GET', D)).status, 200);
    assert.equal((await new Client(running.base, 'ApiKey key-123').send('GET', D)).status, 200);
  });

  test('ApiKey auth is refused when the emulator has no key', async () => {
    const other = await startEmulator({ seed: SMALL_SEED });
    try {
      assert.equal((await new Client(other.base, 'ApiKey ').send('GET', '/domains')).status, 401);
      assert.equal((await new Client(other.base, 'ApiKey undefined').send('GET', '/domains')).status, 401);
    } finally {
      await other.server.stop();
    }
  });

  test('credentials limited to some domains: 403 for other existing domains, 404 for missing ones, the list shows only theirs', async () => {
    await running.api.fails('GET', '/domains/2', 403, /domain 2/);
    await running.api.fails('GET', '/domains/2/users', 403, /domain 2/);
    await running.api.fails('POST', '/domains/2/users', 403, /domain 2/, {
      user: 'x.y',
      password: 'pw',
      displayName: 'X',
      extensionNumber: '901',
    });
    await running.api.fails('GET', '/domains/99/users', 404, /domain 99 not found/);
    assert.deepEqual(
      (await running.api.rows('/domains')).map((d) => d.domainId),
      ['1'],
    );
  });
});

describe('wire format', () => {
  let running: Running;
  before(async () => {
    running = await startEmulator({ seed: SMALL_SEED });
  });
  after(() => running.server.stop());

  test('lists are NDJSON: one row a line, each ending in \\n, every value a string', async () => {
    const reply = await running.api.send('GET', `${D}/devices`);
    assert.equal(reply.headers.get('content-type'), 'application/x-ndjson');
    const lines = reply.text.split('\n');
    assert.equal(lines.pop(), '', 'the body ends with a newline');
    assert.ok(lines.length > 5, 'the seeded devices are listed');
    for (const line of lines) {
      const row = JSON.parse(line) as Record<string, unknown>;
      assert.deepEqual(Object.keys(row).sort(), [
        'createDatetime',
        'deviceMacAddress',
        'domainId',
        'pbxDeviceId',
        'pbxDeviceName',
        'updateDatetime',
        'user',
        'userId',
      ]);
      for (const value of Object.values(row)) assert.equal(typeof value, 'string');
    }
  });

  test('an unassigned device says "" for userId and user; datetimes are YYYY-MM-DD HH:MM:SS', async () => {
    const devices = await running.api.rows(`${D}/devices`);
    const spare = devices.find((d) => d.pbxDeviceName?.includes('Spare'));
    assert.ok(spare, 'the seed has spare devices');
    assert.equal(spare.userId, '');
    assert.equal(spare.user, '');
    assert.match(spare.createDatetime!, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
  });

  test('user rows carry the documented fields, flags as "1"/"0", and never the password or PIN', async () => {
    const user = await running.api.row(`${D}/users/2`);
    assert.equal(user.userId, '2');
    assert.match(user.hotdeskAllowed!, /^[01]$/);
    assert.equal(user.password, undefined);
    assert.equal(user.pin, undefined);
    assert.equal(user.createDatetime, undefined, 'the doc documents no create time for a user');
    assert.equal(Object.keys(user).length, 20);
  });

  test('an empty list is a 200 with an empty body', async () => {
    const reply = await running.api.send('GET', `${D}/users?filter[]=user-eq-value-nobody`);
    assert.equal(reply.status, 200);
    assert.equal(reply.text, '');
  });

  test('format=jsonarray answers a JSON array; display[] keeps only the named fields', async () => {
    const reply = await running.api.send('GET', `${D}/users?format=jsonarray&display[]=user&display[]=userId&limit=2`);
    assert.match(String(reply.headers.get('content-type')), /^application\/json/);
    const rows = JSON.parse(reply.text) as Row[];
    assert.deepEqual(rows, [
      { user: 'anna.schmidt', userId: '1' },
      { user: 'ben.novak', userId: '2' },
    ]);
    await running.api.fails('GET', `${D}/users?display[]=shoeSize`, 400, /^display: .*shoeSize/);
    await running.api.fails('GET', `${D}/users?format=xml`, 400, /^format:/);
  });

  test('unknown paths and methods are 404 with a message', async () => {
    await running.api.fails('GET', '/domains/1/phones', 404, /not found/);
    await running.api.fails('PATCH', '/domains/1/users/1', 404, /not found/);
    await running.api.fails('GET', '/elsewhere', 404, /not found/);
  });
});

describe('list params: filter[], sort[], limit, offset', () => {
  let running: Running;
  before(async () => {
    // A server that offers every operand: the doc shows only `eq`, which is the default (tested below).
    running = await startEmulator({
      seed: { domains: 1, usersPerDomain: 12, groupsPerDomain: 2 },
      filterOperands: ALL_OPERANDS,
    });
  });
  after(() => running.server.stop());

  const userIds = async (query: string): Promise<string[]> =>
    (await running.api.rows(`${D}/users?${query}`)).map((u) => u.userId!);

  test('each operand, comparing integers as numbers', async () => {
    assert.deepEqual(await userIds('filter[]=userId-eq-value-3'), ['3']);
    assert.equal((await userIds('filter[]=userId-ne-value-3')).length, 11);
    assert.deepEqual(await userIds('filter[]=userId-lt-value-3'), ['1', '2']);
    assert.deepEqual(await userIds('filter[]=userId-lte-value-3'), ['1', '2', '3']);
    assert.deepEqual(await userIds('filter[]=userId-gt-value-10'), ['11', '12']);
    assert.deepEqual(await userIds('filter[]=userId-gte-value-10'), ['10', '11', '12']);
    assert.deepEqual(await userIds('filter[]=displayName-like-value-SCHMIDT'), ['1']);
  });

  test('several filters are ANDed; values may contain dashes', async () => {
    assert.deepEqual(await userIds('filter[]=userId-gt-value-2&filter[]=userId-lt-value-5'), ['3', '4']);
    const devices = await running.api.rows(`${D}/devices?filter[]=deviceMacAddress-like-value-7C:1E:B3`);
    assert.equal(devices.length, 3, 'the three intercoms');
    const all = await running.api.rows(`${D}/devices?sort[]=createDatetime-asc`);
    const since = all[4]!.createDatetime!;
    const created = await running.api.rows(
      `${D}/devices?filter[]=createDatetime-gte-value-${since}&sort[]=createDatetime-asc&limit=1`,
    );
    assert.equal(created[0]?.createDatetime, since);
  });

  test('sort asc/desc, numeric for integers, several keys', async () => {
    assert.deepEqual((await userIds('sort[]=userId-desc')).slice(0, 3), ['12', '11', '10']);
    assert.deepEqual((await userIds('sort[]=userId-asc')).slice(8, 10), ['9', '10'], '9 sorts before 10');
    const byDepartment = await running.api.rows(`${D}/users?sort[]=departmentName-asc&sort[]=userId-desc`);
    const sales = byDepartment.filter((u) => u.departmentName === 'Sales').map((u) => Number(u.userId));
    assert.equal(byDepartment[0]?.departmentName, 'Sales');
    assert.deepEqual(
      sales,
      [...sales].sort((a, b) => b - a),
    );
  });

  test('limit and offset page the filtered, sorted rows', async () => {
    assert.deepEqual(await userIds('sort[]=userId-desc&limit=3&offset=2'), ['10', '9', '8']);
    assert.deepEqual(await userIds('offset=10'), ['11', '12']);
    assert.deepEqual(await userIds('limit=0'), []);
  });

  test('by default only the documented operand `eq` is offered: `like` and the rest are a 400', async () => {
    const strict = await startEmulator({ seed: SMALL_SEED });
    try {
      await strict.api.fails(
        'GET',
        `${D}/users?filter[]=displayName-like-value-a`,
        400,
        /^filter: unknown operand "like" \(operands: eq\)/,
      );
      await strict.api.fails('GET', `/domains?filter[]=domainId-gt-value-0`, 400, /^filter: unknown operand "gt"/);
      assert.equal((await strict.api.rows(`${D}/users?filter[]=userId-eq-value-2`)).length, 1);
    } finally {
      await strict.server.stop();
    }
  });

  test('an unknown field, operand or malformed spec is a 400 naming the param', async () => {
    await running.api.fails('GET', `${D}/users?filter[]=shoeSize-eq-value-9`, 400, /^filter: unknown field "shoeSize"/);
    await running.api.fails('GET', `${D}/users?filter[]=userId-between-value-9`, 400, /^filter: unknown operand/);
    await running.api.fails('GET', `${D}/users?filter[]=userId=9`, 400, /^filter:/);
    await running.api.fails('GET', `${D}/users?sort[]=shoeSize-asc`, 400, /^sort: unknown field/);
    await running.api.fails('GET', `${D}/users?sort[]=userId-up`, 400, /^sort:/);
    await running.api.fails('GET', `${D}/users?limit=-1`, 400, /^limit:/);
    await running.api.fails('GET', `${D}/users?offset=x`, 400, /^offset:/);
  });

  test('every list endpoint takes the params, even where the doc does not list them', async () => {
    assert.equal((await running.api.rows(`${D}/groups/1/users?limit=2`)).length, 2);
    assert.equal((await running.api.rows(`${D}/queues/1/members?filter[]=ringStrategy-eq-value-all`)).length, 1);
    assert.equal((await running.api.rows(`/domains?filter[]=domainName-like-value-acme`)).length, 1);
    await running.api.fails('GET', `${D}/trustednetworks?sort[]=cidr-asc`, 400, /^sort:/);
  });
});

describe('the 43 documented operations', () => {
  let running: Running;
  let api: Client;
  before(async () => {
    running = await startEmulator({ seed: SMALL_SEED });
    api = running.api;
  });
  after(() => running.server.stop());

  test('domains: list, read, update', async () => {
    assert.deepEqual(
      (await api.rows('/domains')).map((d) => d.domainName),
      ['acme.sip.example', 'globex.sip.example'],
    );
    await api.noContent('POST', D, { displayName: 'Acme Renamed', rec: 0 });
    const domain = await api.row(D);
    assert.equal(domain.displayName, 'Acme Renamed');
    assert.equal(domain.rec, '0');
    assert.notEqual(domain.updateDatetime, domain.createDatetime);
  });

  test('users: list, create, read, update, delete', async () => {
    const before = await api.rows(`${D}/users`);
    const userId = await api.create(
      `${D}/users`,
      {
        user: 'zoe.tester',
        password: 'S3cret!',
        displayName: 'Zoe Tester',
        extensionNumber: '7701',
        email: 'zoe@example.com',
        mobileFollow: 1,
        ukPhoneId: 4,
      },
      'userId',
    );
    assert.equal((await api.rows(`${D}/users`)).length, before.length + 1);
    const created = await api.row(`${D}/users/${userId}`);
    assert.deepEqual(
      {
        user: created.user,
        ext: created.extensionNumber,
        email: created.email,
        follow: created.mobileFollow,
        phone: created.ukPhoneId,
        domain: created.domainId,
      },
      { user: 'zoe.tester', ext: '7701', email: 'zoe@example.com', follow: '1', phone: '4', domain: '1' },
    );
    await api.noContent('POST', `${D}/users/${userId}`, {
      displayName: 'Zoë Tester',
      extensionNumber: '7702',
      dashboard: 1,
    });
    const updated = await api.row(`${D}/users/${userId}`);
    assert.deepEqual(
      { name: updated.displayName, ext: updated.extensionNumber, dashboard: updated.dashboard, email: updated.email },
      { name: 'Zoë Tester', ext: '7702', dashboard: '1', email: 'zoe@example.com' },
    );
    await api.noContent('DELETE', `${D}/users/${userId}`);
    await api.fails('GET', `${D}/users/${userId}`, 404, new RegExp(`user ${userId} not found`));
    // Its extension and name are free again.
    await api.create(
      `${D}/users`,
      { user: 'zoe.tester', password: 'S3cret!', displayName: 'Zoe again', extensionNumber: '7702' },
      'userId',
    );
  });

  test('groups: list, create, read, update, delete', async () => {
    const groupId = await api.create(
      `${D}/groups`,
      {
        groupName: 'night',
        displayName: 'Night shift',
        extensionNumber: '7801',
        ringRetry: 0,
        ringExclusive: 1,
        callerNameFormat: '{dgrpName}: {displayName}',
      },
      'groupId',
    );
    assert.ok(
      (await api.rows(`${D}/groups`)).some((g) => g.groupId === groupId),
      'the new group is listed',
    );
    assert.equal((await api.row(`${D}/groups/${groupId}`)).ringExclusive, '1');
    await api.noContent('POST', `${D}/groups/${groupId}`, {
      groupName: 'night',
      displayName: 'Night Shift',
      extensionNumber: '7802',
      ringRetry: 1,
      ringExclusive: 0,
      callerNameFormat: '{displayName} - {srcPhoneNumber}',
    });
    const updated = await api.row(`${D}/groups/${groupId}`);
    assert.deepEqual(
      { d: updated.displayName, e: updated.extensionNumber, r: updated.ringRetry, x: updated.ringExclusive },
      { d: 'Night Shift', e: '7802', r: '1', x: '0' },
    );
    await api.noContent('DELETE', `${D}/groups/${groupId}`);
    await api.fails('GET', `${D}/groups/${groupId}`, 404, /not found/);
  });

  test('group users: list, add (userSpec[] in the body), delete (userSpec[] in a DELETE body)', async () => {
    const groupId = await api.create(
      `${D}/groups`,
      {
        groupName: 'ops',
        displayName: 'Ops',
        extensionNumber: '7811',
        ringRetry: 0,
        ringExclusive: 0,
        callerNameFormat: '{displayName}',
      },
      'groupId',
    );
    await api.noContent('POST', `${D}/groups/${groupId}/users`, 'userSpec[]=1&userSpec[]=2&userSpec[]=3');
    const members = await api.rows(`${D}/groups/${groupId}/users`);
    assert.deepEqual(
      members.map((m) => m.userId),
      ['1', '2', '3'],
    );
    assert.deepEqual(members[0], {
      groupId,
      userId: '1',
      user: 'anna.schmidt',
      displayName: 'Anna Schmidt',
      extensionNumber: '101',
    });
    await api.noContent('DELETE', `${D}/groups/${groupId}/users`, 'userSpec[]=1&userSpec[]=2');
    assert.deepEqual(
      (await api.rows(`${D}/groups/${groupId}/users`)).map((m) => m.userId),
      ['3'],
    );
    // One id may also be sent without the brackets.
    await api.noContent('DELETE', `${D}/groups/${groupId}/users`, 'userSpec=3');
    assert.deepEqual(await api.rows(`${D}/groups/${groupId}/users`), []);
  });

  test('user groups: list, add (groupSpec[])', async () => {
    const groupId = await api.create(
      `${D}/groups`,
      {
        groupName: 'late',
        displayName: 'Late',
        extensionNumber: '7821',
        ringRetry: 0,
        ringExclusive: 0,
        callerNameFormat: '{displayName}',
      },
      'groupId',
    );
    const before = await api.rows(`${D}/users/4/groups`);
    await api.noContent('POST', `${D}/users/4/groups`, { groupSpec: [groupId] });
    const after = await api.rows(`${D}/users/4/groups`);
    assert.equal(after.length, before.length + 1);
    assert.deepEqual(after.at(-1), {
      userId: '4',
      groupId,
      groupName: 'late',
      displayName: 'Late',
      extensionNumber: '7821',
    });
    assert.ok(
      (await api.rows(`${D}/groups/${groupId}/users`)).some((m) => m.userId === '4'),
      'the same membership, seen from the group',
    );
  });

  test('user devices: list, create (201 with a token), read, delete', async () => {
    const pbxDeviceId = await api.create(
      `${D}/devices`,
      { pbxDeviceName: 'Desk 42', deviceMacAddress: '00:15:65:AA:BB:01' },
      'pbxDeviceId',
    );
    const reply = await api.send('POST', `${D}/users/6/devices`, { form: { pbxDeviceId } });
    assert.equal(reply.status, 201);
    const body = JSON.parse(reply.text) as Row;
    assert.deepEqual(Object.keys(body).sort(), ['pbxDeviceId', 'pbxDeviceToken', 'userId']);
    assert.equal(body.pbxDeviceId, pbxDeviceId);
    assert.equal(body.userId, '6');
    assert.match(body.pbxDeviceToken!, /^[0-9a-f]{25}$/);

    const listed = await api.rows(`${D}/users/6/devices`);
    assert.deepEqual(
      listed.map((d) => d.pbxDeviceId),
      [pbxDeviceId],
    );
    const row = await api.row(`${D}/users/6/devices/${pbxDeviceId}`);
    assert.deepEqual(
      { userId: row.userId, user: row.user, name: row.pbxDeviceName },
      { userId: '6', user: (await api.row(`${D}/users/6`)).user, name: 'Desk 42' },
    );
    assert.deepEqual(Object.keys(row).sort(), ['pbxDeviceId', 'pbxDeviceName', 'updateDatetime', 'user', 'userId']);
    assert.equal((await api.row(`${D}/devices/${pbxDeviceId}`)).userId, '6');

    await api.noContent('DELETE', `${D}/users/6/devices/${pbxDeviceId}`);
    assert.deepEqual(await api.rows(`${D}/users/6/devices`), []);
    const freed = await api.row(`${D}/devices/${pbxDeviceId}`);
    assert.deepEqual({ userId: freed.userId, user: freed.user }, { userId: '', user: '' });
  });

  test('queues: list, create, read, update, delete', async () => {
    const queueId = await api.create(
      `${D}/queues`,
      { queueName: 'overflow', displayName: 'Overflow', extensionNumber: '7901' },
      'queueId',
    );
    assert.ok(
      (await api.rows(`${D}/queues`)).some((q) => q.queueId === queueId),
      'the new queue is listed',
    );
    assert.equal((await api.row(`${D}/queues/${queueId}`)).callerNameFormat, '');
    await api.noContent('POST', `${D}/queues/${queueId}`, { displayName: 'Overflow line' });
    const updated = await api.row(`${D}/queues/${queueId}`);
    assert.deepEqual({ n: updated.queueName, d: updated.displayName }, { n: 'overflow', d: 'Overflow line' });
    await api.noContent('DELETE', `${D}/queues/${queueId}`);
    await api.fails('GET', `${D}/queues/${queueId}`, 404, /queue \d+ not found/);
  });

  test('queue members: list, create (last by default), read, update, order, delete', async () => {
    const queueId = await api.create(
      `${D}/queues`,
      { queueName: 'members', displayName: 'Members', extensionNumber: '7911' },
      'queueId',
    );
    const q = `${D}/queues/${queueId}/members`;
    await api.fails('POST', q, 400, /^ringOrder: is required/, {
      groupId: 1,
      ringStrategy: 'all',
      ringAttempts: 2,
      ringSecs: 20,
    });
    const first = await api.create(
      q,
      { groupId: 1, ringStrategy: 'all', ringAttempts: 2, ringSecs: 20, ringOrder: 1 },
      'queueMemberId',
    );
    const second = await api.create(
      q,
      { groupId: 2, ringStrategy: 'huntLongestIdle', ringAttempts: 1, ringSecs: 15, ringOrder: 2 },
      'queueMemberId',
    );
    assert.deepEqual(
      (await api.rows(q)).map((m) => [m.queueMemberId, m.ringOrder]),
      [
        [first, '1'],
        [second, '2'],
      ],
    );
    assert.deepEqual(await api.row(`${q}/${second}`), {
      queueMemberId: second,
      queueId,
      groupId: '2',
      ringStrategy: 'huntLongestIdle',
      ringAttempts: '1',
      ringSecs: '15',
      ringOrder: '2',
    });

    await api.noContent('POST', `${q}/${first}`, { ringSecs: 30 });
    const updated = await api.row(`${q}/${first}`);
    assert.deepEqual({ s: updated.ringSecs, a: updated.ringAttempts }, { s: '30', a: '2' });

    await api.noContent('PUT', `${q}/order`, `queueMemberId[]=${second}&queueMemberId[]=${first}`);
    assert.deepEqual(
      (await api.rows(q)).map((m) => [m.queueMemberId, m.ringOrder]),
      [
        [second, '1'],
        [first, '2'],
      ],
    );

    await api.noContent('DELETE', `${q}/${second}`);
    assert.deepEqual(
      (await api.rows(q)).map((m) => m.queueMemberId),
      [first],
    );
    await api.fails('GET', `${q}/${second}`, 404, /queue member \d+ not found/);
  });

  test("trusted networks: each operation at the doc's own spelling of the path", async () => {
    const id = await api.create(
      `${D}/trustedNetworks`,
      { network: '10.0.20.10/24', description: 'lab' },
      'trustedNetworkId',
    );
    assert.ok(
      (await api.rows(`${D}/trustednetworks`)).some((n) => n.trustedNetworkId === id),
      'the new network is listed',
    );
    assert.deepEqual((await api.row(`${D}/trustedNetworks/${id}`)).network, '10.0.20.10/24', 'stored as given');
    await api.noContent('POST', `${D}/trustedNetwork/${id}`, { network: '2001:db8:42::/64' });
    const updated = await api.row(`${D}/trustedNetworks/${id}`);
    assert.deepEqual({ n: updated.network, d: updated.description }, { n: '2001:db8:42::/64', d: 'lab' });
    await api.noContent('DELETE', `${D}/trustedNetwork/${id}`);
    await api.fails('GET', `${D}/trustedNetworks/${id}`, 404, /trusted network \d+ not found/);
  });

  test('trusted networks: the other spellings are not served', async () => {
    await api.fails('GET', `${D}/trustedNetworks`, 404, /not found/);
    await api.fails('GET', `${D}/trustednetworks/1`, 404, /not found/);
    await api.fails('POST', `${D}/trustedNetworks/1`, 404, /not found/, { description: 'x' });
    await api.fails('DELETE', `${D}/trustedNetworks/1`, 404, /not found/);
  });

  test('PBX devices: list, create, read, update, delete', async () => {
    const id = await api.create(
      `${D}/devices`,
      { pbxDeviceName: 'Lab phone', deviceMacAddress: 'aa-bb-cc-00-11-22' },
      'pbxDeviceId',
    );
    assert.ok(
      (await api.rows(`${D}/devices`)).some((d) => d.pbxDeviceId === id),
      'the new device is listed',
    );
    const created = await api.row(`${D}/devices/${id}`);
    assert.deepEqual(
      { mac: created.deviceMacAddress, domain: created.domainId, user: created.userId },
      { mac: 'AA:BB:CC:00:11:22', domain: '1', user: '' },
    );
    await api.noContent('POST', `${D}/devices/${id}`, { pbxDeviceName: 'Lab phone 2' });
    assert.equal((await api.row(`${D}/devices/${id}`)).pbxDeviceName, 'Lab phone 2');
    await api.noContent('DELETE', `${D}/devices/${id}`);
    await api.fails('GET', `${D}/devices/${id}`, 404, /PBX device \d+ not found/);
  });

  test('every documented operation answered with success at least once', () => {
    const template = (path: string) => path.replace(/^\/config\/v2/, '').replace(/\/\d+(?=\/|$)/g, '/{}');
    const served = new Set(
      running.server.requests
        .filter((r) => r.status >= 200 && r.status < 300)
        .map((r) => `${r.method} ${template(r.path)}`),
    );
    const documented = [
      'GET /sip/domains',
      'GET /sip/domains/{}',
      'POST /sip/domains/{}',
      'GET /sip/domains/{}/users',
      'GET /sip/domains/{}/users/{}',
      'POST /sip/domains/{}/users',
      'POST /sip/domains/{}/users/{}',
      'DELETE /sip/domains/{}/users/{}',
      'GET /sip/domains/{}/groups',
      'GET /sip/domains/{}/groups/{}',
      'POST /sip/domains/{}/groups',
      'POST /sip/domains/{}/groups/{}',
      'DELETE /sip/domains/{}/groups/{}',
      'GET /sip/domains/{}/groups/{}/users',
      'POST /sip/domains/{}/groups/{}/users',
      'DELETE /sip/domains/{}/groups/{}/users',
      'GET /sip/domains/{}/users/{}/devices',
      'GET /sip/domains/{}/users/{}/devices/{}',
      'POST /sip/domains/{}/users/{}/devices',
      'DELETE /sip/domains/{}/users/{}/devices/{}',
      'GET /sip/domains/{}/users/{}/groups',
      'POST /sip/domains/{}/users/{}/groups',
      'GET /sip/domains/{}/queues',
      'GET /sip/domains/{}/queues/{}',
      'POST /sip/domains/{}/queues',
      'POST /sip/domains/{}/queues/{}',
      'DELETE /sip/domains/{}/queues/{}',
      'GET /sip/domains/{}/queues/{}/members',
      'GET /sip/domains/{}/queues/{}/members/{}',
      'POST /sip/domains/{}/queues/{}/members',
      'POST /sip/domains/{}/queues/{}/members/{}',
      'DELETE /sip/domains/{}/queues/{}/members/{}',
      'PUT /sip/domains/{}/queues/{}/members/order',
      'GET /sip/domains/{}/trustednetworks',
      'GET /sip/domains/{}/trustedNetworks/{}',
      'POST /sip/domains/{}/trustedNetworks',
      'POST /sip/domains/{}/trustedNetwork/{}',
      'DELETE /sip/domains/{}/trustedNetwork/{}',
      'GET /sip/domains/{}/devices',
      'GET /sip/domains/{}/devices/{}',
      'POST /sip/domains/{}/devices',
      'POST /sip/domains/{}/devices/{}',
      'DELETE /sip/domains/{}/devices/{}',
    ];
    assert.equal(documented.length, 43);
    assert.deepEqual(
      documented.filter((op) => !served.has(op)),
      [],
    );
  });
});

describe('params: form body, query string, arrays', () => {
  let running: Running;
  before(async () => {
    running = await startEmulator({ seed: SMALL_SEED });
  });
  after(() => running.server.stop());

  test('a body-less POST takes its params from the query string', async () => {
    const reply = await running.api.send(
      'POST',
      `${D}/groups?groupName=viaquery&displayName=Via%20query&extensionNumber=5550&ringRetry=1&ringExclusive=0&callerNameFormat=%7BdisplayName%7D`,
    );
    assert.equal(reply.status, 201, reply.text);
    const { groupId } = JSON.parse(reply.text) as Row;
    const group = await running.api.row(`${D}/groups/${groupId}`);
    assert.deepEqual(
      { n: group.groupName, d: group.displayName, f: group.callerNameFormat },
      { n: 'viaquery', d: 'Via query', f: '{displayName}' },
    );
    assert.equal(
      (await running.api.send('POST', `${D}/groups/${groupId}/users?userSpec[]=4&userSpec[]=5`)).status,
      204,
    );
    assert.deepEqual(
      (await running.api.rows(`${D}/groups/${groupId}/users`)).map((u) => u.userId),
      ['4', '5'],
    );
  });

  test('where both carry a param, the body wins', async () => {
    await running.api.noContent('POST', `${D}/devices/9?pbxDeviceName=from-query`, { pbxDeviceName: 'from-body' });
    assert.equal((await running.api.row(`${D}/devices/9`)).pbxDeviceName, 'from-body');
  });

  test('a body that is not a form is refused rather than ignored', async () => {
    const reply = await running.api.send('POST', `${D}/devices/9`, {
      form: JSON.stringify({ pbxDeviceName: 'json' }),
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(reply.status, 400);
    assert.match((JSON.parse(reply.text) as { message: string }).message, /^content-type:/);
  });

  test('array params must hold ids', async () => {
    await running.api.fails('POST', `${D}/groups/1/users`, 400, /^userSpec: is required/, 'other=1');
    await running.api.fails('POST', `${D}/groups/1/users`, 400, /^userSpec: .*"abc"/, 'userSpec[]=abc');
  });
});

describe('validation: 400 naming the param', () => {
  let running: Running;
  let api: Client;
  before(async () => {
    running = await startEmulator({ seed: SMALL_SEED });
    api = running.api;
  });
  after(() => running.server.stop());

  const user = (extra: Params = {}): Params => ({
    user: 'new.user',
    password: 'pw',
    displayName: 'New User',
    extensionNumber: '7001',
    ...extra,
  });
  const group = (extra: Params = {}): Params => ({
    groupName: 'g',
    displayName: 'G',
    extensionNumber: '7101',
    ringRetry: 0,
    ringExclusive: 0,
    callerNameFormat: '{displayName}',
    ...extra,
  });

  test('required params, as the doc marks them', async () => {
    await api.fails('POST', `${D}/users`, 400, /^password: is required/, {
      user: 'a.b',
      displayName: 'A',
      extensionNumber: '7002',
    });
    await api.fails('POST', `${D}/groups`, 400, /^ringRetry: is required/, {
      groupName: 'g',
      displayName: 'G',
      extensionNumber: '7102',
      ringExclusive: 0,
      callerNameFormat: '',
    });
    await api.fails('POST', `${D}/groups/1`, 400, /^callerNameFormat: is required/, {
      groupName: 'g',
      displayName: 'G',
      extensionNumber: '7102',
      ringRetry: 0,
      ringExclusive: 0,
    });
    await api.fails('POST', D, 400, /^rec: is required/, { displayName: 'Only the name' });
    await api.fails('POST', `${D}/devices`, 400, /^deviceMacAddress: is required/, { pbxDeviceName: 'x' });
    await api.fails('POST', `${D}/queues/1/members`, 400, /^ringSecs: is required/, {
      groupId: 1,
      ringStrategy: 'all',
      ringAttempts: 1,
    });
  });

  test('bad MAC addresses, and MACs unique per domain whatever their spelling', async () => {
    for (const mac of ['10:20:30:1A:2B', '10:20:30:1A:2B:3G', '10:20-30:1A:2B:3C', '1020301A2B3C']) {
      await api.fails('POST', `${D}/devices`, 400, /^deviceMacAddress:/, { pbxDeviceName: 'x', deviceMacAddress: mac });
    }
    const taken = (await api.row(`${D}/devices/1`)).deviceMacAddress!;
    await api.fails('POST', `${D}/devices`, 400, /^deviceMacAddress: .*already used by PBX device 1/, {
      pbxDeviceName: 'x',
      deviceMacAddress: taken.toLowerCase().replaceAll(':', '-'),
    });
    await api.create(
      '/domains/2/devices',
      { pbxDeviceName: 'same MAC, other domain', deviceMacAddress: taken },
      'pbxDeviceId',
    );
  });

  test('CIDR networks, IPv4 and IPv6', async () => {
    for (const network of [
      '10.0.0.0/33',
      '10.0.0.0',
      '10.0.0/8',
      'example.com/24',
      '2001:db8::/129',
      '2001:db8::zz/64',
      'fe80::1%eth0/64',
    ]) {
      await api.fails('POST', `${D}/trustedNetworks`, 400, /^network:/, { network });
    }
    await api.fails('POST', `${D}/trustedNetwork/1`, 400, /^network:/, { network: '300.1.1.1/8' });
    await api.create(`${D}/trustedNetworks`, { network: '0.0.0.0/0' }, 'trustedNetworkId');
    await api.create(`${D}/trustedNetworks`, { network: '2001:db8::/32' }, 'trustedNetworkId');
  });

  test('extensions: 2 to 8 digits, unique in a domain across users, groups and queues', async () => {
    await api.fails('POST', `${D}/users`, 400, /^extensionNumber: "12a"/, user({ extensionNumber: '12a' }));
    await api.fails('POST', `${D}/users`, 400, /^extensionNumber: "1"/, user({ extensionNumber: '1' }));
    await api.fails(
      'POST',
      `${D}/users`,
      400,
      /^extensionNumber: 101 is already used by user 1/,
      user({ extensionNumber: '101' }),
    );
    const groupExtension = (await api.row(`${D}/groups/1`)).extensionNumber!;
    await api.fails(
      'POST',
      `${D}/users`,
      400,
      /^extensionNumber: .* by group 1/,
      user({ extensionNumber: groupExtension }),
    );
    const queueExtension = (await api.row(`${D}/queues/1`)).extensionNumber!;
    await api.fails(
      'POST',
      `${D}/groups`,
      400,
      /^extensionNumber: .* by queue 1/,
      group({ extensionNumber: queueExtension }),
    );
    await api.fails('POST', `${D}/queues/1`, 400, /^extensionNumber: 102 is already used by user 2/, {
      extensionNumber: '102',
    });
    await api.fails('POST', `${D}/users/1`, 400, /^extensionNumber:/, { extensionNumber: '102' });
    await api.noContent('POST', `${D}/users/1`, { extensionNumber: '101' });
    await api.create(D + '/users', user({ extensionNumber: '7003' }), 'userId');
    await api.create('/domains/2/users', user({ extensionNumber: '7003' }), 'userId');
  });

  test('user names are unique in a domain and SIP-safe', async () => {
    await api.fails(
      'POST',
      `${D}/users`,
      400,
      /^user: anna\.schmidt is already used by user 1/,
      user({ user: 'anna.schmidt' }),
    );
    await api.fails('POST', `${D}/users`, 400, /^user: "anna schmidt"/, user({ user: 'anna schmidt' }));
  });

  test('flags are 0 or 1; ids and counts are positive integers', async () => {
    await api.fails('POST', D, 400, /^rec: must be 1 or 0/, { displayName: 'Acme', rec: 2 });
    await api.fails('POST', `${D}/users/1`, 400, /^mobileFollow:/, { mobileFollow: 'yes' });
    await api.fails('POST', `${D}/queues/1/members/1`, 400, /^ringAttempts:/, { ringAttempts: 0 });
    await api.fails('POST', `${D}/users`, 400, /^ukPhoneId:/, user({ ukPhoneId: 'x' }));
  });

  test('ringStrategy is all or huntLongestIdle', async () => {
    await api.fails(
      'POST',
      `${D}/queues/1/members`,
      400,
      /^ringStrategy: must be one of all, huntLongestIdle, not "random"/,
      { groupId: 1, ringStrategy: 'random', ringAttempts: 1, ringSecs: 5 },
    );
    await api.fails('POST', `${D}/queues/1/members/1`, 400, /^ringStrategy:/, { ringStrategy: 'ALL' });
  });

  test('callerNameFormat may use only {displayName}, {srcPhoneNumber}, {dgrpName}', async () => {
    await api.fails(
      'POST',
      `${D}/groups`,
      400,
      /^callerNameFormat: \{callerId\}/,
      group({ callerNameFormat: '{callerId}' }),
    );
    await api.fails('POST', `${D}/queues`, 400, /^callerNameFormat:/, {
      queueName: 'q',
      displayName: 'Q',
      extensionNumber: '7201',
      callerNameFormat: '{who}',
    });
  });

  test('ids in the body that name nothing are 400 naming the param', async () => {
    await api.fails('POST', `${D}/queues/1/members`, 400, /^groupId: group 3 is not in domain 1/, {
      groupId: 3,
      ringStrategy: 'all',
      ringAttempts: 1,
      ringSecs: 5,
      ringOrder: 1,
    });
    await api.fails('POST', `${D}/groups/1/users`, 400, /^userSpec: user 999/, { userSpec: [1, 999] });
    await api.fails('POST', `${D}/users/1/groups`, 400, /^groupSpec: group 999/, { groupSpec: [999] });
    await api.fails('POST', `${D}/users/1/devices`, 400, /^pbxDeviceId: PBX device 999/, { pbxDeviceId: 999 });
  });

  test('a failed write changes nothing', async () => {
    const before = await api.row(`${D}/users/3`);
    await api.fails('POST', `${D}/users/3`, 400, /^extensionNumber:/, {
      displayName: 'Should not stick',
      extensionNumber: '101',
    });
    assert.deepEqual(await api.row(`${D}/users/3`), before);
    const members = await api.rows(`${D}/groups/2/users`);
    await api.fails('POST', `${D}/groups/2/users`, 400, /^userSpec:/, { userSpec: [6, 999] });
    assert.deepEqual(await api.rows(`${D}/groups/2/users`), members);
  });
});

describe('404 for unknown ids anywhere in the path', () => {
  let running: Running;
  before(async () => {
    running = await startEmulator({ seed: SMALL_SEED });
  });
  after(() => running.server.stop());

  test('each kind of id, non-numeric ids, and ids of another domain', async () => {
    const cases: Array<[string, string, RegExp]> = [
      ['GET', '/domains/99', /^domain 99 not found$/],
      ['GET', '/domains/abc/users', /^domain abc not found$/],
      ['GET', `${D}/users/999`, /^user 999 not found$/],
      ['GET', `${D}/users/7`, /^user 7 not found$/],
      ['GET', `${D}/users/999/devices`, /^user 999 not found$/],
      ['GET', `${D}/users/999/groups`, /^user 999 not found$/],
      ['GET', `${D}/groups/3`, /^group 3 not found$/],
      ['GET', `${D}/groups/999/users`, /^group 999 not found$/],
      ['GET', `${D}/queues/999/members`, /^queue 999 not found$/],
      ['GET', `${D}/queues/1/members/3`, /^queue member 3 not found$/],
      ['GET', `${D}/trustedNetworks/999`, /^trusted network 999 not found$/],
      ['GET', `${D}/devices/999`, /^PBX device 999 not found$/],
      ['GET', `${D}/users/1/devices/999`, /^PBX device 999/],
      ['GET', `${D}/users/4/devices/1`, /^PBX device 1 of user 4 not found$/],
      ['DELETE', `${D}/users/4/devices/1`, /^PBX device 1 of user 4 not found$/],
      ['POST', `${D}/users/999`, /^user 999 not found$/],
      ['DELETE', `${D}/groups/999`, /^group 999 not found$/],
      ['PUT', `${D}/queues/999/members/order`, /^queue 999 not found$/],
      ['DELETE', `${D}/trustedNetwork/999`, /^trusted network 999 not found$/],
    ];
    for (const [method, path, message] of cases) await running.api.fails(method, path, 404, message);
  });
});

describe('semantics docs/vendors.md settles', () => {
  let running: Running;
  let api: Client;
  before(async () => {
    running = await startEmulator({ seed: SMALL_SEED });
    api = running.api;
  });
  after(() => running.server.stop());

  test('a device belongs to at most one user', async () => {
    const owner = (await api.row(`${D}/devices/1`)).userId;
    assert.equal(owner, '1');
    await api.fails('POST', `${D}/users/2/devices`, 400, /^pbxDeviceId: PBX device 1 belongs to user 1/, {
      pbxDeviceId: 1,
    });
    await api.fails('POST', `${D}/users/1/devices`, 400, /^pbxDeviceId: PBX device 1 already belongs to user 1/, {
      pbxDeviceId: 1,
    });
    await api.fails('POST', '/domains/2/users/7/devices', 400, /^pbxDeviceId: PBX device 1 is not in domain 2/, {
      pbxDeviceId: 1,
    });
  });

  test('adding a member twice is a no-op; removing a non-member is a 400', async () => {
    const before = await api.rows(`${D}/groups/1/users`);
    await api.noContent('POST', `${D}/groups/1/users`, { userSpec: [before[0]!.userId!] });
    await api.noContent('POST', `${D}/users/${before[0]!.userId}/groups`, { groupSpec: [1] });
    assert.deepEqual(await api.rows(`${D}/groups/1/users`), before);
    const outsider = (await api.rows(`${D}/users`)).find((u) => !before.some((m) => m.userId === u.userId))!.userId;
    await api.fails('DELETE', `${D}/groups/1/users`, 400, new RegExp(`^userSpec: user ${outsider} is not in group 1`), {
      userSpec: [outsider!],
    });
  });

  test('member order: every member exactly once, ringOrder = index + 1; "order" is never a member id', async () => {
    const q = `${D}/queues/1/members`;
    const orders = (await api.rows(q)).map((m) => Number(m.ringOrder));
    const third = await api.create(
      q,
      { groupId: 1, ringStrategy: 'all', ringAttempts: 1, ringSecs: 10, ringOrder: Math.max(...orders) + 1 },
      'queueMemberId',
    );
    const ids = (await api.rows(q)).map((m) => m.queueMemberId!);
    assert.equal(ids.at(-1), third, 'a new member with the highest ringOrder rings last');
    const order = (memberIds: string[]) => memberIds.map((id) => `queueMemberId[]=${id}`).join('&');
    await api.fails('PUT', `${q}/order`, 400, /^queueMemberId: must name each of the 3 members/, order(ids.slice(1)));
    await api.fails('PUT', `${q}/order`, 400, /^queueMemberId:/, order([ids[0]!, ids[0]!, ids[1]!]));
    await api.fails('PUT', `${q}/order`, 400, /^queueMemberId:/, order([...ids.slice(1), '3']));
    await api.noContent('PUT', `${q}/order`, order([...ids].reverse()));
    assert.deepEqual(
      (await api.rows(q)).map((m) => [m.queueMemberId, m.ringOrder]),
      [...ids].reverse().map((id, i) => [id, String(i + 1)]),
    );
    await api.fails('GET', `${q}/order`, 404, /^queue member order not found$/);
    await api.fails('POST', `${q}/order`, 404, /not found/, { ringSecs: 5 });
  });

  test('deleting a user takes it out of its groups and frees its devices', async () => {
    const groups = await api.rows(`${D}/users/1/groups`);
    const devices = await api.rows(`${D}/users/1/devices`);
    assert.ok(groups.length > 0 && devices.length > 0, 'the seed gives user 1 groups and devices');
    await api.noContent('DELETE', `${D}/users/1`);
    for (const group of groups)
      assert.ok(
        !(await api.rows(`${D}/groups/${group.groupId}/users`)).some((m) => m.userId === '1'),
        `user 1 left group ${group.groupId}`,
      );
    for (const device of devices) {
      const row = await api.row(`${D}/devices/${device.pbxDeviceId}`);
      assert.deepEqual({ userId: row.userId, user: row.user }, { userId: '', user: '' });
    }
  });

  test('deleting a group drops its memberships and the queue members that ring it', async () => {
    const ringing = (await api.rows(`${D}/queues/1/members`)).filter((m) => m.groupId === '2');
    assert.ok(ringing.length > 0, 'the seed has queue 1 ring group 2');
    const members = await api.rows(`${D}/groups/2/users`);
    await api.noContent('DELETE', `${D}/groups/2`);
    assert.ok(
      !(await api.rows(`${D}/queues/1/members`)).some((m) => m.groupId === '2'),
      'no member rings the deleted group',
    );
    for (const member of members)
      assert.ok(
        !(await api.rows(`${D}/users/${member.userId}/groups`)).some((g) => g.groupId === '2'),
        `user ${member.userId} is no longer in group 2`,
      );
    await api.fails('GET', `${D}/queues/1/members/${ringing[0]!.queueMemberId}`, 404, /not found/);
  });

  test('deleting a queue deletes its members and frees its extension', async () => {
    const members = await api.rows(`${D}/queues/2/members`);
    const extension = (await api.row(`${D}/queues/2`)).extensionNumber!;
    assert.ok(members.length > 0, 'the seed gives queue 2 members');
    await api.noContent('DELETE', `${D}/queues/2`);
    await api.fails('GET', `${D}/queues/2/members/${members[0]!.queueMemberId}`, 404, /^queue 2 not found$/);
    assert.ok(!running.state.queues(1).some((q) => q.queueId === 2), 'queue 2 is gone from the state');
    await api.create(
      `${D}/queues`,
      { queueName: 'reuse', displayName: 'Reuse', extensionNumber: extension },
      'queueId',
    );
  });

  test('deleting a device frees its MAC', async () => {
    const device = await api.row(`${D}/devices/9`);
    await api.noContent('DELETE', `${D}/devices/9`);
    await api.create(
      `${D}/devices`,
      { pbxDeviceName: 'Replacement', deviceMacAddress: device.deviceMacAddress! },
      'pbxDeviceId',
    );
  });
});

describe('request log and faults (harness)', () => {
  let running: Running;
  before(async () => {
    running = await startEmulator({ seed: SMALL_SEED });
  });
  after(() => running.server.stop());

  test('every request is recorded with method, path, query, body and status', async () => {
    const mark = running.server.requests.length;
    await running.api.rows(`${D}/users?limit=1`);
    await running.api.noContent('DELETE', `${D}/groups/1/users`, 'userSpec[]=1');
    await new Client(running.base, null).send('GET', '/domains');
    const log = running.server
      .since(mark)
      .map(({ method, path, query, body, status }) => ({ method, path, query, body, status }));
    assert.deepEqual(log, [
      { method: 'GET', path: '/config/v2/sip/domains/1/users', query: 'limit=1', body: '', status: 200 },
      {
        method: 'DELETE',
        path: '/config/v2/sip/domains/1/groups/1/users',
        query: '',
        body: 'userSpec[]=1',
        status: 204,
      },
      { method: 'GET', path: '/config/v2/sip/domains', query: '', body: '', status: 401 },
    ]);
  });

  test('status, reset, malformed and latency faults', async () => {
    const { server, api } = running;
    const mark = server.requests.length;

    server.injectFault({ kind: 'status', times: 1 });
    const unavailable = await api.send('GET', '/domains');
    assert.equal(unavailable.status, 503);

    server.injectFault({ kind: 'reset', pathPrefix: '/config/v2/sip/domains/1/users', times: 1 });
    await assert.rejects(api.send('GET', `${D}/users`));

    server.injectFault({ kind: 'malformed', times: 1 });
    const garbled = await api.send('GET', `${D}/users`);
    assert.equal(garbled.status, 200);
    assert.throws(() => parseNdjson(garbled.text));

    server.injectFault({ kind: 'latency', latencyMs: 80, times: 1 });
    const started = performance.now();
    await api.rows('/domains');
    assert.ok(performance.now() - started >= 75, 'the latency fault delays the answer');

    assert.equal((await api.send('GET', '/domains')).status, 200, 'each fault is spent after `times`');
    assert.deepEqual(
      server.since(mark).map((r) => r.status),
      [503, 0, 200, 200, 200],
    );
  });
});

describe('seed', () => {
  const summary = (state: InfinityState) =>
    state.domains().map((domain) => ({
      domain: domain.domainName,
      users: state.users(domain.domainId).length,
      groups: state.groups(domain.domainId).length,
      queues: state.queues(domain.domainId).length,
      devices: state.devices(domain.domainId).length,
      networks: state.trustedNetworks(domain.domainId).map((n) => n.network),
    }));

  test('the default: 2 domains, 60 users, 6 groups, 3 queues, 60 devices, IPv4 and IPv6 networks', () => {
    const state = new InfinityState();
    seedInfinity(state);
    const domains = summary(state);
    assert.deepEqual(
      domains.map((d) => d.domain),
      ['acme.sip.example', 'globex.sip.example'],
    );
    assert.equal(
      domains.reduce((n, d) => n + d.users, 0),
      60,
    );
    assert.equal(
      domains.reduce((n, d) => n + d.groups, 0),
      6,
    );
    assert.equal(
      domains.reduce((n, d) => n + d.queues, 0),
      3,
    );
    assert.equal(
      domains.reduce((n, d) => n + d.devices, 0),
      60,
    );
    assert.ok(
      domains.every((d) => d.networks.some((n) => n.includes(':')) && d.networks.some((n) => n.includes('.'))),
      'IPv4 and IPv6 networks in each domain',
    );
  });

  test('realistic shape: users in several groups, queue members on groups, devices assigned, doubled up and spare', () => {
    const state = new InfinityState();
    seedInfinity(state);
    const [acme] = state.domains();
    const users = state.users(acme!.domainId);
    assert.equal(users[0]?.user, 'anna.schmidt');
    assert.equal(users[0]?.email, 'anna.schmidt@acme.example');
    assert.equal(new Set(users.map((u) => u.extensionNumber)).size, users.length);
    assert.ok(
      users.some((u) => state.userGroups(acme!.domainId, u.userId).length > 1),
      'someone is in two groups',
    );
    assert.ok(
      state.groups(acme!.domainId).every((g) => state.groupUsers(acme!.domainId, g.groupId).length >= 3),
      'every group has several users',
    );
    const members = state.queues(acme!.domainId).flatMap((q) => state.queueMembers(acme!.domainId, q.queueId));
    assert.deepEqual(new Set(members.map((m) => m.ringStrategy)), new Set(['all', 'huntLongestIdle']));

    const devices = state.devices(acme!.domainId);
    const perUser = new Map<number, number>();
    for (const d of devices) if (d.userId !== null) perUser.set(d.userId, (perUser.get(d.userId) ?? 0) + 1);
    assert.ok(devices.filter((d) => d.userId === null).length >= 1, 'some devices are unassigned');
    assert.ok(devices.filter((d) => d.userId !== null).length > devices.length / 2, 'most are assigned');
    assert.ok(
      [...perUser.values()].some((n) => n === 2),
      'some users have two devices',
    );
    assert.equal(devices[0]?.pbxDeviceName, '2N IP Verso – Lobby');
    assert.ok(
      devices.some((d) => d.pbxDeviceName === 'Yealink T54W – Anna Schmidt'),
      'desk phones are named after their user',
    );
    assert.equal(new Set(devices.map((d) => d.deviceMacAddress)).size, devices.length);
  });

  test('deterministic: two seeds are identical, timestamps included', () => {
    const first = new InfinityState();
    const second = new InfinityState();
    seedInfinity(first);
    seedInfinity(second);
    const dump = (state: InfinityState) =>
      JSON.stringify(
        state
          .domains()
          .map((d) => [
            d,
            state.users(d.domainId),
            state.groups(d.domainId),
            state.devices(d.domainId),
            state.trustedNetworks(d.domainId),
          ]),
      );
    assert.equal(dump(first), dump(second));
    assert.equal(first.domain(1).created.toISOString(), '2024-01-08T09:00:00.000Z');
  });

  test('the seed leaves the live clock in place', () => {
    const state = new InfinityState();
    const clock = state.clock;
    seedInfinity(state, { domains: 1, usersPerDomain: 1 });
    assert.equal(state.clock, clock);
    const domain = state.domains()[0]!;
    assert.ok(
      state
        .createUser(domain.domainId, {
          user: 'late.comer',
          password: 'pw',
          displayName: 'Late',
          extensionNumber: '9999',
        })
        .created.getFullYear() >= 2025,
      'records made after the seed carry the real time',
    );
  });

  test('scales: one domain of 2,000 users with unique names and extensions, and a bench-shaped one', () => {
    const big = new InfinityState();
    seedInfinity(big, {
      domains: 1,
      usersPerDomain: 2000,
      groupsPerDomain: 1,
      devicesPerUser: 0,
      extraDevices: 0,
      spareDevices: 0,
      queuesPerDomain: 0,
    });
    const users = big.users(1);
    assert.equal(users.length, 2000);
    assert.equal(new Set(users.map((u) => u.user)).size, 2000);
    assert.equal(big.devices(1).length, 0);
    assert.equal(big.group(1, 1).extensionNumber, '2200', 'groups start clear of the users');

    const bench = new InfinityState();
    seedInfinity(bench, {
      domains: 1,
      usersPerDomain: 100,
      groupsPerDomain: 6,
      groupsPerUser: 3,
      devicesPerUser: 1,
      usersWithoutDevices: 0,
      extraDevices: 0,
      spareDevices: 0,
    });
    assert.ok(
      bench
        .users(1)
        .every((u) => bench.userGroups(1, u.userId).length === 3 && bench.userDevices(1, u.userId).length === 1),
      'each user in 3 groups with 1 device',
    );
    assert.deepEqual(
      bench.groups(1).map((g) => bench.groupUsers(1, g.groupId).length),
      [49, 50, 51, 51, 50, 49],
      '300 memberships spread over 6 groups',
    );
  });
});
