import assert from 'node:assert/strict';
import { test } from 'node:test';
import { listQueryParams, readInfinityError } from '../../src/vendors/infinity/client.js';
import { parseDatetime, toDevice, toGroup, toUser } from '../../src/vendors/infinity/map.js';
import { mergedGroupParams, userParams } from '../../src/vendors/infinity/params.js';
import { deviceRow, userRow } from '../../src/vendors/infinity/wire.js';
import { encodeQuery } from '../../src/http/client.js';

test('datetimes are UTC; empty or zero dates are null', () => {
  assert.equal(parseDatetime('2019-10-31 09:42:56')?.toISOString(), '2019-10-31T09:42:56.000Z');
  assert.equal(parseDatetime(''), null);
  assert.equal(parseDatetime('0000-00-00 00:00:00'), null);
});

test('a datetime that is not a real moment is null, never a neighbouring one', () => {
  assert.equal(parseDatetime('2024-02-30 10:41:00'), null);
  assert.equal(parseDatetime('2024-13-01 00:00:00'), null);
  assert.equal(parseDatetime('2024-01-01 24:00:00'), null);
  assert.equal(parseDatetime('2024-01-01 10:60:00'), null);
  assert.equal(parseDatetime('2024-0a-01 10:00:00'), null);
  assert.equal(parseDatetime('2024-02-29 23:59:59')?.toISOString(), '2024-02-29T23:59:59.000Z');
});

test('a device row from the doc maps with a normalised MAC and its user', () => {
  const row = deviceRow.parse({
    pbxDeviceId: '1',
    pbxDeviceName: 'My PBX Device 1',
    domainId: '1',
    deviceMacAddress: '10-20-30-1a-2b-3c',
    createDatetime: '2019-10-31 09:42:56',
    updateDatetime: '2019-10-31 09:50:06',
    userId: '11',
    user: 'test.user',
  });
  const device = toDevice('main', '1', row);
  assert.equal(device.macAddress, '10:20:30:1A:2B:3C');
  assert.equal(device.userId, '11');
  const unassigned = toDevice('main', '1', deviceRow.parse({ pbxDeviceId: '2', userId: '', user: '' }));
  assert.equal(unassigned.userId, null);
  assert.equal(unassigned.macAddress, null);
});

test('string flags and ints are typed; numbers on the wire are tolerated', () => {
  const user = toUser(
    'main',
    '1',
    userRow.parse({ userId: 7, user: 'joe', mobileFollow: '1', hotdeskAllowed: '0', ukPhoneId: '12', dashboard: '' }),
  );
  assert.equal(user.userId, '7');
  assert.equal(user.followToMobile, true);
  assert.equal(user.hotdeskAllowed, false);
  assert.equal(user.ukPhoneId, 12);
  assert.equal(user.onDashboard, null);
  assert.equal(user.complete, true);
});

test('user params use the wire names; booleans become 1/0', () => {
  assert.deepEqual(
    Object.fromEntries(
      Object.entries(userParams({ userName: 'joe', extension: '201', followToMobile: false, jobTitle: 'CTO' })).filter(
        ([, v]) => v !== undefined,
      ),
    ),
    { user: 'joe', extensionNumber: '201', mobileFollow: 0, jobName: 'CTO' },
  );
});

test('a group update sends the whole group with the patch laid over it', () => {
  const current = toGroup('main', '1', {
    groupId: '3',
    domainId: '1',
    groupName: 'sales',
    displayName: 'Sales',
    extensionNumber: '300',
    ringRetry: '1',
    ringExclusive: '0',
    callerNameFormat: '{displayName}',
    createDatetime: '',
    updateDatetime: '',
  });
  assert.deepEqual(mergedGroupParams(current, { displayName: 'Sales EU' }), {
    groupName: 'sales',
    displayName: 'Sales EU',
    extensionNumber: '300',
    ringRetry: 1,
    ringExclusive: 0,
    callerNameFormat: '{displayName}',
  });
});

test('list queries encode filter[] and sort[] as the doc shows', () => {
  assert.equal(
    encodeQuery(
      listQueryParams({ filters: [['userId', 'eq', '11']], sort: [['pbxDeviceName', 'desc']], limit: 51, offset: 50 }),
    ),
    '?filter[]=userId-eq-value-11&sort[]=pbxDeviceName-desc&limit=51&offset=50',
  );
});

test('error bodies: JSON message or plain text', () => {
  assert.deepEqual(
    readInfinityError({ status: 400, headers: {}, text: '{"message":"extensionNumber already in use"}' }),
    { vendorMessage: 'extensionNumber already in use' },
  );
  assert.deepEqual(readInfinityError({ status: 502, headers: {}, text: 'Bad gateway' }), {
    vendorMessage: 'Bad gateway',
  });
  assert.deepEqual(readInfinityError({ status: 500, headers: {}, text: '' }), {});
});
