/** The command line as an operator meets it: each case is a real child process. */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { parseCommand } from '../../src/cli.js';
import { startProcess, writeTempFile } from '../helpers/replica.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const VERSION = (JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { version: string }).version;
const run = promisify(execFile);

/** Runs the gateway's CLI with a clean environment (no config or demo variables). */
async function cli(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(SIPGRAPH_|PORT$|HOST$)/.test(k)));
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
      cwd: ROOT,
      env: { ...clean, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const VALID = {
  auth: { apiKeys: [{ id: 'ops', key: { env: 'CLI_TEST_KEY' }, admin: true }] },
  connections: [
    {
      kind: 'pbx',
      name: 'pbx-main',
      baseUrl: 'https://pbx.example.com',
      username: { env: 'PBX_USER' },
      password: { env: 'PBX_PASSWORD' },
    },
  ],
};

test('--help and --version answer and exit 0, starting nothing', async () => {
  const help = await cli(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^Usage:/m);
  for (const flag of ['--config FILE', '--demo', '--check-config FILE', 'print-schema', 'SIPGRAPH_DEMO=1'])
    assert.ok(help.stdout.includes(flag), flag);
  assert.doesNotMatch(help.stdout, /sipgraph is ready/);
  const version = await cli(['--version']);
  assert.deepEqual([version.code, version.stdout], [0, `sipgraph ${VERSION}\n`]);
});

test('without a config or --demo it exits 2 with a message saying what to give', async () => {
  const bare = await cli([]);
  assert.equal(bare.code, 2);
  assert.match(bare.stderr, /no configuration: give --config FILE .* or --demo/);
  assert.equal(bare.stdout, '');
  const unknown = await cli(['--frobnicate']);
  assert.deepEqual([unknown.code, /unknown option --frobnicate/.test(unknown.stderr)], [2, true]);
});

test('--check-config validates a file and the variables it names, then exits', async () => {
  const file = writeTempFile('sipgraph.json', JSON.stringify(VALID));
  const ok = await cli(['--check-config', file], { CLI_TEST_KEY: 'k', PBX_USER: 'u', PBX_PASSWORD: 'p' });
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(ok.stdout, /valid\. 1 connection\(s\): pbx-main \(pbx\)/);
  const missing = await cli(['--check-config', file], { CLI_TEST_KEY: 'k', PBX_USER: 'u' });
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /connections\[0\]\.password: environment variable PBX_PASSWORD is not set/);
  const bad = await cli(['--check-config', writeTempFile('bad.yaml', 'connections: []\nserver: { port: 99999 }\n')]);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /server\.port/);
  assert.match(bad.stderr, /connections/);
});

test('print-schema writes the schema the gateway serves: the committed snapshot', async () => {
  const printed = await cli(['print-schema']);
  assert.equal(printed.code, 0);
  assert.equal(printed.stdout, readFileSync(`${ROOT}schema.graphql`, 'utf8'));
});

test('SIPGRAPH_DEMO=1 starts the demo, which writes the address the container healthcheck probes', async () => {
  const addressFile = writeTempFile('address', '');
  const demo = await startProcess([], {
    SIPGRAPH_DEMO: '1',
    HOST: '127.0.0.1',
    PORT: '0',
    SIPGRAPH_ADDRESS_FILE: addressFile,
  });
  try {
    assert.equal(readFileSync(addressFile, 'utf8'), demo.url.replace('/graphql', ''));
    const healthy = await run(process.execPath, ['--import', 'tsx', 'src/healthcheck.ts'], {
      cwd: ROOT,
      env: { ...process.env, SIPGRAPH_ADDRESS_FILE: addressFile },
    });
    assert.equal(healthy.stderr, '');
  } finally {
    await demo.stop();
  }
  await assert.rejects(
    run(process.execPath, ['--import', 'tsx', 'src/healthcheck.ts'], {
      cwd: ROOT,
      env: { ...process.env, SIPGRAPH_ADDRESS_FILE: addressFile },
    }),
    (error: { code: number; stderr: string }) => error.code === 1 && /did not answer/.test(error.stderr),
  );
});

test('the command line is parsed in one place: flags beat the environment, and conflicts are refused', () => {
  assert.deepEqual(parseCommand(['--config', 'a.yaml', '--port', '8080'], { PORT: '9000' }), {
    kind: 'serve',
    configPath: 'a.yaml',
    port: 8080,
  });
  assert.deepEqual(parseCommand([], { SIPGRAPH_CONFIG: 'b.yaml', HOST: '127.0.0.1' }), {
    kind: 'serve',
    configPath: 'b.yaml',
    host: '127.0.0.1',
  });
  assert.equal(parseCommand(['--demo', '--config', 'a.yaml'], {}).kind, 'usage-error');
  assert.equal(parseCommand(['--port', 'eighty'], { SIPGRAPH_DEMO: '1' }).kind, 'usage-error');
  assert.deepEqual(parseCommand(['--check-config=c.json'], {}), { kind: 'check-config', configPath: 'c.json' });
});
