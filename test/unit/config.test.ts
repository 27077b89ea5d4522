import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ConfigError, loadSettingsFile, parseSettings, readLaunchOptions } from '../../src/config.js';

const infinity = {
  kind: 'infinity',
  name: 'main',
  baseUrl: 'https://api.infinitycloud.com/config/v2/',
  auth: { type: 'basic', username: { env: 'INF_USER' }, password: { env: 'INF_PASS' } },
};

test('a valid config resolves env secrets and fills defaults', () => {
  const settings = parseSettings({ connections: [infinity] }, { INF_USER: 'u', INF_PASS: 'p' });
  const connection = settings.connections[0]!;
  assert.equal(connection.kind, 'infinity');
  assert.equal(connection.baseUrl, 'https://api.infinitycloud.com/config/v2', 'trailing slash dropped');
  assert.deepEqual(connection.kind === 'infinity' && connection.auth, { type: 'basic', username: 'u', password: 'p' });
  assert.equal(connection.timeoutMs, 10_000);
  assert.equal(settings.server.port, 4000);
  assert.equal(settings.cache.enabled, false);
});

test('every problem is reported at once, each naming its field', () => {
  const raw = {
    connections: [
      { ...infinity, baseUrl: 'ftp://nope' },
      {
        kind: 'pbx',
        name: 'Bad Name',
        baseUrl: 'https://pbx.example',
        username: { env: 'X' },
        password: 'inline-secret',
      },
      { kind: 'teams', name: 'x', baseUrl: 'https://x.example' },
    ],
  };
  assert.throws(
    () => parseSettings(raw, {}),
    (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      const text = error.problems.join('\n');
      assert.match(text, /connections\[0\]\.baseUrl/);
      assert.match(text, /connections\[1\]\.name/);
      assert.match(text, /connections\[1\]\.password/, 'a literal secret is refused: it must be an env reference');
      assert.match(text, /connections\[2\]\.kind/);
      return true;
    },
  );
});

test('missing env secrets and duplicate names are reported together', () => {
  assert.throws(
    () => parseSettings({ connections: [infinity, { ...infinity }] }, {}),
    (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.ok(
        error.problems.some((p) =>
          /connections\[0\]\.auth\.username: environment variable INF_USER is not set/.test(p),
        ),
      );
      assert.ok(error.problems.some((p) => /"main" is used twice/.test(p)));
      return true;
    },
  );
});

test('YAML files load; a broken file names itself', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sipgraph-config-'));
  const good = join(dir, 'good.yaml');
  writeFileSync(
    good,
    'server:\n  port: 4100\nconnections:\n  - kind: infinity\n    name: main\n    baseUrl: https://api.example/config/v2\n    auth: { type: apiKey, apiKey: { env: KEY } }\n',
  );
  assert.equal(loadSettingsFile(good, { KEY: 'k' }).server.port, 4100);
  const bad = join(dir, 'bad.yaml');
  writeFileSync(bad, 'connections: [\n');
  assert.throws(
    () => loadSettingsFile(bad, {}),
    (e: unknown) => e instanceof ConfigError && e.message.includes(bad),
  );
});

test('launch options: --config wins over SIPGRAPH_CONFIG', () => {
  assert.deepEqual(readLaunchOptions(['--config', 'a.yaml'], { SIPGRAPH_CONFIG: 'b.yaml' }), { configPath: 'a.yaml' });
  assert.deepEqual(readLaunchOptions([], { SIPGRAPH_CONFIG: 'b.yaml', PORT: '5000' }), {
    configPath: 'b.yaml',
    port: 5000,
  });
  assert.deepEqual(readLaunchOptions([], {}), {});
});

test('config/example.yaml is valid once its environment variables are set, and names every vendor kind', () => {
  const path = join(process.cwd(), 'config', 'example.yaml');
  const names = [...readFileSync(path, 'utf8').matchAll(/env: ([A-Z_][A-Z0-9_]*)/g)].map((m) => m[1]!);
  const settings = loadSettingsFile(path, Object.fromEntries(names.map((n) => [n, `value-of-${n}`])));
  assert.deepEqual([...new Set(settings.connections.map((c) => c.kind))].sort(), [
    '2n',
    'infinity',
    'pbx',
    'sipthor',
    'stringee',
  ]);
  assert.throws(() => loadSettingsFile(path, {}), ConfigError);
});
