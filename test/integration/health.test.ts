import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer as createNetServer } from 'node:net';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { startDemo, type Demo } from '../../src/demo.js';
import { silentLogger } from '../../src/log.js';
import { recordBreakerState } from '../../src/observability/metrics.js';
import { createServer, type GatewayServer } from '../../src/server.js';

// A redis-server of this test's own, so it can be stopped without touching the shared one.
let redis: ChildProcess;
let redisPort: number;
let demo: Demo;
let gateway: GatewayServer;
let base: string;

async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function startRedis(port: number): ChildProcess {
  return spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
}

async function get(path: string): Promise<{ status: number; body: Record<string, any> }> {
  const response = await fetch(`${base}${path}`);
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

async function until(path: string, status: number): Promise<{ status: number; body: Record<string, any> }> {
  let last = await get(path);
  for (let i = 0; i < 100 && last.status !== status; i += 1) {
    await sleep(50);
    last = await get(path);
  }
  return last;
}

before(async () => {
  const port = (redisPort = await freePort());
  redis = startRedis(port);
  demo = await startDemo();
  const settings = {
    ...demo.settings,
    redis: { url: `redis://127.0.0.1:${port}`, keyPrefix: `health-${process.pid}:` },
  };
  gateway = await createServer({ ...settings, log: { level: 'silent' as const } }, { logger: silentLogger });
  base = (await gateway.listen(0, '127.0.0.1')).replace('/graphql', '');
});

after(async () => {
  redis.kill();
  await gateway.stop();
  await demo.stop();
});

test('/readyz is ready with Redis up and every breaker closed; /healthz only says the process is alive', async () => {
  const ready = await until('/readyz', 200);
  assert.equal(ready.status, 200, JSON.stringify(ready.body));
  assert.equal(ready.body.redis, 'up');
  assert.deepEqual(Object.keys(ready.body.connections).sort(), gateway.adapters.map((a) => a.connection).sort());
  assert.ok(Object.values(ready.body.connections).every((state) => state === 'closed'));
  assert.equal((await get('/healthz')).status, 200);
});

test('one open breaker is reported but keeps the replica ready; all open is not ready', async () => {
  recordBreakerState('pbx', 'open');
  const one = await get('/readyz');
  assert.equal(one.status, 200);
  assert.equal(one.body.connections.pbx, 'open');
  for (const adapter of gateway.adapters) recordBreakerState(adapter.connection, 'open');
  const all = await get('/readyz');
  assert.equal(all.status, 503);
  assert.deepEqual(all.body.reasons, ["every connection's breaker is open"]);
  for (const adapter of gateway.adapters) recordBreakerState(adapter.connection, 'closed');
  assert.equal((await get('/readyz')).status, 200);
});

test('Redis going away makes the replica not ready, and its return makes it ready again', async () => {
  redis.kill('SIGKILL');
  const down = await until('/readyz', 503);
  assert.equal(down.status, 503);
  assert.equal(down.body.redis, 'down');
  assert.deepEqual(down.body.reasons, ['redis is unreachable']);
  assert.equal((await get('/healthz')).status, 200, 'the process itself is fine');
  redis = startRedis(redisPort);
  const back = await until('/readyz', 200);
  assert.equal(back.status, 200);
  assert.equal(back.body.redis, 'up');
});

// Last: draining is one-way, and the file's gateway is stopped after it.
test('draining answers 503 on /readyz while /healthz stays 200', async () => {
  gateway.startDraining();
  const draining = await get('/readyz');
  assert.equal(draining.status, 503);
  assert.equal(draining.body.status, 'draining');
  assert.equal((await get('/healthz')).status, 200);
});
