import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isMac, normalizeMac, normalizePort } from '../../src/net.js';

test('MACs: one spelling whatever the separator or case', () => {
  assert.equal(normalizeMac(' 7c:1e:b3:0a:00:01 '), '7C:1E:B3:0A:00:01');
  assert.equal(isMac('7C-1E-B3-0A-00-01'), true);
  assert.equal(isMac('7C1EB30A0001'), false);
});

test('ports: integers 1..65535 from numbers or decimal strings, nothing else', () => {
  assert.equal(normalizePort(5060), 5060);
  assert.equal(normalizePort('5061'), 5061);
  assert.equal(normalizePort(65_535), 65_535);
  for (const bad of [0, 65_536, -1, 50.5, '', '50a', '0x10', null, undefined])
    assert.equal(normalizePort(bad), null, String(bad));
});
