/**
 * `npm run bench:compare -- <git-ref> [rounds]`: the gateway's CPU per query, this checkout against
 * another commit, on the same machine in the same run. The other commit is checked out beside this
 * one (a detached git worktree in the system's temp directory, kept for the next run), installed
 * and built; both gateways run compiled under plain `node` (BENCH_NODE picks another binary) with
 * config/node.env's options, over one Infinity emulator with the bench's seed and no latency.
 * Ten clients send the bench's nested (then flat) query; each round measures one gateway's
 * user+system CPU over 1000 answers (/proc), the gateways alternating, and the medians are
 * printed with their ratio. In-flight sharing is off on both, so both make every vendor call.
 * The bench's key is an admin; BENCH_PRINCIPAL=tenant makes it a principal granted directory and
 * devices (read) on the connection, so that the policy checks are measured too.
 */
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { request } from 'undici';
import { createInfinityEmulator } from '../src/emulators/infinity/index.js';
import { encodeId } from '../src/ids.js';
import {
  API_KEY,
  BENCH_ENV,
  DOMAIN_SEED,
  NODE_ENV_FILE,
  PASSWORD,
  QUERIES,
  USER,
  sipgraphConfig,
  type Shape,
} from './gateways.js';
import { cpuMs, round } from './measure.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const LAUNCHER = `${ROOT}dist/bench/tree-gateway.js`;
const ANSWERS_PER_ROUND = 1000;
const CLIENTS = 10;
const WARM_UP = 300;

const [ref, roundsArg] = process.argv.slice(2);
if (!ref) throw new Error('usage: npm run bench:compare -- <git-ref> [rounds]');
const rounds = Number(roundsArg ?? 6);

const git = (...args: string[]) => execFileSync('git', ['-C', ROOT, ...args], { encoding: 'utf8' }).trim();

/** The other commit, installed and built, in a worktree kept between runs. */
function checkout(commit: string): string {
  const dir = join(tmpdir(), `sipgraph-compare-${commit.slice(0, 12)}`);
  if (!existsSync(join(dir, 'dist/src/server.js'))) {
    if (!existsSync(dir)) git('worktree', 'add', '--detach', dir, commit);
    console.log(`installing and building ${commit.slice(0, 12)} in ${dir}`);
    execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--silent'], { cwd: dir, stdio: 'inherit' });
    execFileSync('npx', ['tsc', '-p', 'tsconfig.json'], { cwd: dir, stdio: 'inherit' });
  }
  return dir;
}

interface Running {
  label: string;
  url: string;
  child: ChildProcess;
}

/** BENCH_PRINCIPAL=tenant: the bench's key is a restricted principal, so every policy check runs too. */
const TENANT = process.env.BENCH_PRINCIPAL === 'tenant';
const TENANT_GRANTS = [{ connection: 'infinity', areas: { directory: 'read', devices: 'read' } }];

/** The bench's own sipgraph config, with in-flight sharing off so that both gateways make every call. */
function unsharedConfig(emulatorUrl: string) {
  const config = sipgraphConfig(emulatorUrl, false);
  const apiKeys = config.auth.apiKeys.map(({ id, key }) =>
    TENANT ? { id, key, grants: TENANT_GRANTS } : { id, key, admin: true },
  );
  return {
    ...config,
    auth: { apiKeys },
    connections: config.connections.map((c) => ({ ...c, dedupeReads: false })),
  };
}

async function start(label: string, root: string, emulatorUrl: string): Promise<Running> {
  const child = fork(LAUNCHER, [root, JSON.stringify({ config: unsharedConfig(emulatorUrl), env: BENCH_ENV })], {
    execPath: process.env.BENCH_NODE ?? process.execPath,
    execArgv: [`--env-file=${NODE_ENV_FILE}`],
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const ready = await new Promise<{ url: string; node: string }>((resolve, reject) => {
    child.once('message', (m) => resolve(m as { url: string; node: string }));
    child.once('exit', (code) => reject(new Error(`${label} exited with ${code}`)));
  });
  console.log(`${label}: Node ${ready.node}`);
  return { label, url: ready.url, child };
}

async function answers(gateway: Running, body: string, count: number): Promise<void> {
  let sent = 0;
  const client = async () => {
    while (sent++ < count) {
      const { body: response } = await request(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': API_KEY },
        body,
      });
      const json = (await response.json()) as { errors?: unknown; data?: unknown };
      if (json.errors || !json.data) throw new Error(`${gateway.label}: ${JSON.stringify(json).slice(0, 300)}`);
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, client));
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const commit = git('rev-parse', '--verify', `${ref}^{commit}`);
const other = checkout(commit);
const emulator = createInfinityEmulator({ username: USER, password: PASSWORD, seed: { ...DOMAIN_SEED, domains: 1 } });
const emulatorUrl = await emulator.server.start();
const here = `this checkout (${git('rev-parse', '--short', 'HEAD')})`;
const gateways = [
  await start(here, ROOT, emulatorUrl),
  await start(`${ref} (${commit.slice(0, 7)})`, other, emulatorUrl),
];
try {
  for (const shape of ['nested', 'flat'] as Shape[]) {
    const body = JSON.stringify({
      query: QUERIES[shape],
      variables: { id: encodeId('Domain', 'infinity', 'infinity', ['1']) },
    });
    const perQuery = new Map<Running, number[]>(gateways.map((g) => [g, []]));
    for (const gateway of gateways) await answers(gateway, body, WARM_UP);
    for (let i = 0; i < rounds; i += 1) {
      for (const gateway of gateways) {
        const before = cpuMs(gateway.child.pid!);
        await answers(gateway, body, ANSWERS_PER_ROUND);
        perQuery.get(gateway)!.push((cpuMs(gateway.child.pid!) - before) / ANSWERS_PER_ROUND);
      }
    }
    const [mine, theirs] = gateways.map((g) => median(perQuery.get(g)!));
    const principal = TENANT ? 'a restricted principal' : 'an admin';
    console.log(`\n${shape}: CPU ms per query (${principal}), median of ${rounds} rounds of ${ANSWERS_PER_ROUND}`);
    for (const gateway of gateways)
      console.log(
        `  ${gateway.label.padEnd(36)} ${round(median(perQuery.get(gateway)!))}   rounds: ${perQuery.get(gateway)!.map(round).join(' ')}`,
      );
    console.log(`  this / ${ref}: ${round(mine! / theirs!)}`);
  }
} finally {
  for (const gateway of gateways) gateway.child.kill();
  await emulator.server.stop();
}
process.exit(0);
