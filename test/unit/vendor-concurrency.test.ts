/**
 * Each vendor's default `maxConcurrency` comes from its descriptor; a connection's own setting
 * overrides it within 1..256 (docs/vendors.md says why each default is what it is).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { loadSettingsFile, parseSettings } from '../../src/config.js';
import { upstreamHealth } from '../../src/http/transport.js';
import { silentLogger } from '../../src/log.js';
import { VENDORS } from '../../src/vendors/catalog.js';
import { createAdapters } from '../../src/vendors/registry.js';

const env = new Proxy({} as NodeJS.ProcessEnv, {
  get: (_, name) => (typeof name === 'string' ? `test-${name.toLowerCase()}` : undefined),
});

test('a connection without maxConcurrency gets its vendor default; one with it keeps its own', async () => {
  const example = loadSettingsFile('config/example.yaml', env);
  const connections = example.connections.map((c, i) => {
    const { maxConcurrency: _dropped, ...rest } = c;
    return i === 0 ? { ...rest, maxConcurrency: 5 } : rest;
  });
  const adapters = createAdapters(connections as typeof example.connections, silentLogger);
  try {
    const limits = new Map(upstreamHealth().map((h) => [h.connection, h.maxConcurrency]));
    connections.forEach((c, i) => {
      const expected = i === 0 ? 5 : VENDORS.find((v) => v.kind === c.kind)!.maxConcurrency;
      assert.equal(limits.get(c.name), expected, c.name);
    });
    assert.deepEqual(
      Object.fromEntries(VENDORS.map((v) => [v.kind, v.maxConcurrency])),
      { infinity: 64, stringee: 64, pbx: 16, '2n': 2, sipthor: 8 },
      'the defaults docs/vendors.md explains',
    );
  } finally {
    await Promise.all(adapters.map((a) => a.close()));
  }
});

test('maxConcurrency stays within 1..256', () => {
  const raw = parseYaml(readFileSync('config/example.yaml', 'utf8')) as { connections: Array<Record<string, unknown>> };
  const withFirst = (maxConcurrency: unknown) => ({
    ...raw,
    connections: raw.connections.map((c, i) => (i === 0 ? { ...c, maxConcurrency } : c)),
  });
  assert.equal(parseSettings(withFirst(256), env).connections[0]!.maxConcurrency, 256);
  assert.equal(parseSettings(withFirst(1), env).connections[0]!.maxConcurrency, 1);
  for (const bad of [0, 257, 1.5]) {
    assert.throws(() => parseSettings(withFirst(bad), env), /maxConcurrency/, `maxConcurrency ${bad} is refused`);
  }
});
