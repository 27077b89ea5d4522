/**
 * The image cannot be built here (no container engine), so its recipe is checked against what it
 * must run: Node 24, production dependencies only, no tests or sources, a non-root user, an entry
 * point and a healthcheck that are files the build really produces.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';

const ROOT = new URL('../..', import.meta.url).pathname;
const dockerfile = readFileSync(`${ROOT}Dockerfile`, 'utf8');
const stages = dockerfile.split(/^FROM /m).slice(1);
const runtime = stages.at(-1)!;

/** dist/src/x.js is what tsconfig.build.json makes of src/x.ts. */
function sourceOf(built: string): string {
  return built.replace(/^dist\//, '').replace(/\.js$/, '.ts');
}

function jsonArray(instruction: string): string[] {
  const line = runtime.split('\n').find((l) => l.startsWith(`${instruction} `));
  assert.ok(line, `${instruction} in the runtime stage`);
  return JSON.parse(line.slice(line.indexOf('['))) as string[];
}

test('both stages are Node 24; the runtime installs production dependencies only and holds no tests or sources', () => {
  assert.equal(stages.length, 2);
  for (const stage of stages) assert.match(stage, /^node:24[-\w.]*/);
  assert.match(runtime, /npm ci --omit=dev/);
  assert.doesNotMatch(runtime, /COPY (\S+ )*(test|src|examples|scripts)\b/);
  assert.doesNotMatch(dockerfile, /COPY (\S+ )*test\b/);
  const build = JSON.parse(readFileSync(`${ROOT}tsconfig.build.json`, 'utf8')) as { include: string[] };
  assert.deepEqual(build.include, ['src/**/*.ts'], 'only the gateway is compiled, never the tests');
});

test('it runs as the unprivileged node user, from the compiled entry point, with no demo unless asked', () => {
  const lines = runtime.split('\n');
  const user = lines.findIndex((l) => l.startsWith('USER '));
  assert.equal(lines[user], 'USER node');
  assert.ok(user < lines.findIndex((l) => l.startsWith('ENTRYPOINT ')), 'USER comes before the entry point');
  const entry = jsonArray('ENTRYPOINT');
  const main = entry.find((arg) => arg.endsWith('.js'))!;
  assert.equal(main, 'dist/src/main.js');
  assert.ok(existsSync(`${ROOT}${sourceOf(main)}`));
  assert.deepEqual(jsonArray('CMD'), [], 'no --demo by default');
  assert.doesNotMatch(
    runtime
      .split('\n')
      .filter((l) => !l.startsWith('#'))
      .join('\n'),
    /SIPGRAPH_DEMO|--demo/,
  );
});

test('the healthcheck runs a compiled script that probes the address the gateway wrote, not a fixed port', () => {
  const line = runtime.split('\n').find((l) => l.startsWith('HEALTHCHECK '))!;
  assert.match(line, / CMD \[/, 'exec form, no shell');
  const command = JSON.parse(line.slice(line.indexOf('['))) as string[];
  assert.equal(command[0], 'node');
  const script = command.find((arg) => arg.endsWith('.js'))!;
  assert.ok(existsSync(`${ROOT}${sourceOf(script)}`), `${script} is built from ${sourceOf(script)}`);
  assert.doesNotMatch(line, /4000/);
  assert.match(runtime, /SIPGRAPH_ADDRESS_FILE=\S+/);
  assert.match(readFileSync(`${ROOT}${sourceOf(script)}`, 'utf8'), /SIPGRAPH_ADDRESS_FILE/);
});

test('.ci/run installs Chromium and runs the suite again under Node 24', () => {
  const ci = readFileSync(`${ROOT}.ci/run`, 'utf8');
  assert.match(ci, /chromium/);
  assert.match(ci, /node@24/);
  assert.equal(ci.match(/npm test/g)?.length, 2);
});

test("the gateway's Node options live in config/node.env alone: the image, npm start and the bench read it", () => {
  const options = /^NODE_OPTIONS=(.+)$/m.exec(readFileSync(`${ROOT}config/node.env`, 'utf8'))?.[1];
  assert.ok(options, 'config/node.env sets NODE_OPTIONS');
  assert.deepEqual(jsonArray('ENTRYPOINT').slice(0, 2), ['node', '--env-file=config/node.env']);
  assert.match(runtime, /^COPY config\/node\.env \.\/config\/node\.env$/m);
  const scripts = (JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { scripts: Record<string, string> })
    .scripts;
  assert.match(scripts.start!, /node --env-file=config\/node\.env dist\/src\/main\.js/);
  assert.match(readFileSync(`${ROOT}bench/gateways.ts`, 'utf8'), /`--env-file=\$\{NODE_ENV_FILE\}`/);
  for (const recipe of [dockerfile, JSON.stringify(scripts)]) assert.doesNotMatch(recipe, /--max-[a-z-]+-size/);
  // The Node running the tests applies the file (an inherited NODE_OPTIONS would win over it).
  const { NODE_OPTIONS: _inherited, ...env } = process.env;
  const seen = execFileSync(process.execPath, ['--env-file=config/node.env', '-p', 'process.env.NODE_OPTIONS'], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
  });
  assert.equal(seen.trim(), options);
});
