/**
 * `npm run concurrency:ceiling`: where a connection's `maxConcurrency` sits against the physical
 * ceiling. The bench's nested query (100 users in 6 groups: 9 Infinity calls in 2 rounds) at 20 ms
 * vendor latency, 10 clients in a closed loop, sipgraph in a process of its own, for several limits,
 * with in-flight sharing on (identical queries) and off (each request pays its own calls, as
 * distinct queries would). Ceiling = clients ÷ (rounds × latency). Measured, never asserted.
 * Env: CLIENTS (10), SECONDS (4), LATENCY_MS (20), LIMITS (16,32,<Infinity's default>,256), SHARING (on|off|both).
 */
import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { request } from 'undici';
import { parseSettings, type Settings } from '../src/config.js';
import { createInfinityEmulator } from '../src/emulators/infinity/index.js';
import { encodeId } from '../src/ids.js';
import { silentLogger } from '../src/log.js';
import { infinity } from '../src/vendors/infinity/index.js';
import { DOMAIN_SEED, PASSWORD, QUERIES, USER } from '../bench/gateways.js';

const API_KEY = 'ceiling-api-key-0123456789';
const CLIENTS = Number(process.env.CLIENTS ?? 10);
const SECONDS = Number(process.env.SECONDS ?? 4);
const LATENCY_MS = Number(process.env.LATENCY_MS ?? 20);
const ROUNDS = 2;
const LIMITS = process.env.LIMITS?.split(',').map(Number) ?? [16, 32, infinity.maxConcurrency, 256];
/** The compiled gateway (`npm run build`) when there is one, as production runs it; else the sources. */
const COMPILED = fileURLToPath(new URL('../dist/src/server.js', import.meta.url));
const NESTED = QUERIES.nested;

function settings(baseUrl: string, maxConcurrency: number, dedupeReads: boolean): Settings {
  const raw = {
    server: { host: '127.0.0.1', port: 0 },
    limits: { rate: { requestsPerMinute: 10_000_000, vendorCallsPerMinute: 100_000_000 } },
    log: { level: 'silent' },
    auth: { apiKeys: [{ id: 'ceiling', key: { env: 'CEILING_API_KEY' }, admin: true }] },
    connections: [
      {
        kind: 'infinity',
        name: 'infinity',
        baseUrl: `${baseUrl}/config/v2`,
        auth: { type: 'basic', username: { env: 'CEILING_USER' }, password: { env: 'CEILING_PASSWORD' } },
        maxConcurrency,
        dedupeReads,
        retries: 0,
      },
    ],
  };
  const env = { CEILING_API_KEY: API_KEY, CEILING_USER: USER, CEILING_PASSWORD: PASSWORD };
  return parseSettings(raw, env, 'concurrency-ceiling');
}

if (process.argv[2] === 'gateway') {
  const { createServer } = (await import(
    existsSync(COMPILED) ? COMPILED : '../src/server.js'
  )) as typeof import('../src/server.js');
  const server = await createServer(JSON.parse(process.argv[3]!) as Settings, { logger: silentLogger });
  process.send!({ url: await server.listen(0, '127.0.0.1') });
} else {
  const emulator = createInfinityEmulator({
    username: USER,
    password: PASSWORD,
    seed: { domains: 1, ...DOMAIN_SEED },
  });
  const baseUrl = await emulator.server.start();
  emulator.server.latencyMs = LATENCY_MS;
  const body = JSON.stringify({ query: NESTED, variables: { id: encodeId('Domain', 'infinity', 'infinity', ['1']) } });
  const ceiling = CLIENTS / ((ROUNDS * LATENCY_MS) / 1000);
  const build = existsSync(COMPILED) ? 'compiled' : 'tsx';
  console.log(`nested, ${LATENCY_MS} ms, ${CLIENTS} clients, ${SECONDS} s each, ${build}; ceiling ${ceiling} req/s`);
  console.log('| maxConcurrency | sharing | req/s | % of ceiling | vendor calls/query | peak in flight |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  const sharing = process.env.SHARING === 'on' ? [true] : process.env.SHARING === 'off' ? [false] : [true, false];
  for (const dedupe of sharing) {
    for (const limit of LIMITS) {
      const child = fork(
        fileURLToPath(import.meta.url),
        ['gateway', JSON.stringify(settings(baseUrl, limit, dedupe))],
        {
          execArgv: ['--import', 'tsx'],
          env: { ...process.env, NODE_ENV: 'production' },
          stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
        },
      );
      const url = await new Promise<string>((resolve) =>
        child.once('message', (m) => resolve((m as { url: string }).url)),
      );
      const ask = async (): Promise<void> => {
        const { body: answer } = await request(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-api-key': API_KEY },
          body,
        });
        const json = (await answer.json()) as { errors?: unknown };
        if (json.errors) throw new Error(JSON.stringify(json.errors).slice(0, 300));
      };
      for (let i = 0; i < 5; i += 1) await ask(); // warm up
      const mark = emulator.server.requests.length;
      emulator.server.resetPeak();
      let done = 0;
      const until = performance.now() + SECONDS * 1000;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: CLIENTS }, async () => {
          while (performance.now() < until) {
            await ask();
            done += 1;
          }
        }),
      );
      const rps = done / ((performance.now() - started) / 1000);
      const calls = (emulator.server.requests.length - mark) / done;
      const share = Math.round((rps / ceiling) * 100);
      console.log(
        `| ${limit} | ${dedupe ? 'on' : 'off'} | ${rps.toFixed(0)} | ${share} % | ${calls.toFixed(2)} | ${emulator.server.peakInFlight} |`,
      );
      child.kill();
      await new Promise((resolve) => child.once('exit', resolve));
    }
  }
  await emulator.server.stop();
}
