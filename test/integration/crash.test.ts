/**
 * A gateway process killed with SIGKILL between the steps of provisionUser. The emulators live in
 * this process and hold the gateway's call of one step, so the kill lands exactly there; the
 * held call is then let through (so the write may land after its gateway died, the worst case).
 * The next start-up, or `recover`, must leave nothing half-done: the emulators' own state is the
 * evidence, and change(id:) tells what recovery did.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { randomUUID } from 'node:crypto';
import { startDemo, type Demo } from '../../src/demo.js';
import { startTestRedis, type TestRedis } from '../helpers/redis.js';
import { spawnGateway, tempJournalPath, writeTempConfig } from '../helpers/child-gateway.js';
import { footprint, NOTHING, PROVISION } from '../helpers/provisioning.js';

const CASES = [
  {
    at: 'step 2 (add to groups)',
    emulator: 'infinity',
    method: 'POST',
    pathPrefix: '/config/v2/sip/domains/1/users/',
    user: 'crash.groups',
    ext: '7861',
    recovery: 'start-up',
  },
  {
    at: 'step 5 (2N account)',
    emulator: 'intercom-1',
    method: 'PUT',
    pathPrefix: '/api/phone/config',
    user: 'crash.intercom',
    ext: '7862',
    recovery: 'npm run recover',
  },
  {
    at: 'step 6 (Stringee phone), journal in Redis',
    emulator: 'stringee',
    method: 'POST',
    pathPrefix: '/v1/sipphone',
    user: 'crash.redis',
    ext: '7863',
    recovery: 'another replica',
  },
] as const;

const LEASE_MS = 600;

function journaledChange(path: string, kind: string): string {
  const events = readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { type: string; kind?: string; changeId: string });
  return events.find((e) => e.type === 'change.started' && e.kind === kind)!.changeId;
}

async function runRecover(
  configPath: string,
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/recover.ts', '--config', configPath], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, stdout };
}

describe('SIGKILL between saga steps', () => {
  let demo: Demo;
  let mac: string;
  let redisUrl: string | undefined;
  let skipRedis = '';
  let redis: TestRedis | undefined;
  before(async () => {
    const started = await startTestRedis();
    if ('unavailable' in started) skipRedis = started.unavailable;
    else {
      redis = started;
      redisUrl = started.url;
    }
    demo = await startDemo();
    mac = demo.states.intercoms[0]!.info.macAddr.toUpperCase();
    // Free intercom-1's MAC in the directory, so the provisioned device takes it and joins the intercom.
    const domainId = demo.states.infinity.domains()[0]!.domainId;
    for (const d of demo.states.infinity.devices(domainId).filter((d) => d.deviceMacAddress === mac))
      demo.states.infinity.deleteDevice(domainId, d.pbxDeviceId);
  });
  after(async () => {
    await demo.stop();
    await redis?.stop();
  });

  for (const c of CASES) {
    test(`killed at ${c.at}; ${c.recovery} undoes every step: no orphan at any vendor`, async (t) => {
      if (c.recovery === 'another replica' && !redisUrl) return t.skip(skipRedis);
      const journal = tempJournalPath();
      const shared =
        c.recovery === 'another replica'
          ? { url: { env: 'TEST_REDIS_URL' }, keyPrefix: `crash${randomUUID().slice(0, 8)}:` }
          : undefined;
      const env = { ...demo.configFile.env, ...(redisUrl ? { TEST_REDIS_URL: redisUrl } : {}) };
      const config = {
        ...(shared ? { redis: shared } : {}),
        ...demo.configFile.config,
        server: { host: '127.0.0.1', port: 0 },
        log: { level: 'warn' },
        durability: { journal: { path: journal, leaseMs: LEASE_MS } },
      };
      const configPath = writeTempConfig(config);
      const first = await spawnGateway(configPath, env, demo.keys.admin);
      const [domain] = (
        await first.gql(`{ domains { id vendor groups(first: 2) { nodes { id } } } }`)
      ).data!.domains.filter((d: { vendor: string }) => d.vendor === 'INFINITY');
      const input = {
        domainId: domain.id,
        userName: c.user,
        password: 'S3cret!pass-2026',
        displayName: c.user,
        extension: c.ext,
        groupIds: domain.groups.nodes.map((g: { id: string }) => g.id),
        device: { name: 'Crash desk', macAddress: mac },
      };

      const emulator = demo.emulators[c.emulator]!;
      const hold = emulator.hold({ method: c.method, pathPrefix: c.pathPrefix });
      const answer = first.gql(PROVISION, { input }).catch(() => 'connection lost');
      await hold.arrived();
      first.child.kill('SIGKILL');
      assert.equal((await first.exited).signal, 'SIGKILL');
      assert.equal(await answer, 'connection lost');
      const mark = emulator.requests.length;
      hold.release();
      while (emulator.requests.length === mark) await new Promise((resolve) => setTimeout(resolve, 20));
      assert.ok(footprint(demo.states, c.user, mac).user, 'the killed gateway left a user behind');

      if (c.recovery === 'another replica') {
        // The killed gateway's lease lapses; a replica on the same Redis (another journal file) takes the change over.
        await new Promise((resolve) => setTimeout(resolve, LEASE_MS * 2));
        const other = writeTempConfig({
          ...config,
          durability: { journal: { path: tempJournalPath(), leaseMs: LEASE_MS } },
        });
        const replica = await spawnGateway(other, env, demo.keys.admin);
        replica.child.kill('SIGTERM');
        assert.equal((await replica.exited).code, 0);
      } else if (c.recovery === 'start-up') {
        const second = await spawnGateway(configPath, env, demo.keys.admin);
        const read = await second.gql(
          `query($id: ID!) { change(id: $id) { status recoveredBy steps { action status } } }`,
          { id: journaledChange(journal, 'provisionUser') },
        );
        second.child.kill('SIGTERM');
        assert.equal((await second.exited).code, 0);
        assert.equal(read.data!.change.status, 'COMPENSATED', JSON.stringify(read));
        assert.ok(read.data!.change.recoveredBy, 'the change says which process finished it');
      } else {
        const { code, stdout } = await runRecover(configPath, env);
        assert.equal(code, 0, stdout);
        const [change] = (
          JSON.parse(stdout) as { recovered: Array<{ status: string; steps: Array<{ status: string }> }> }
        ).recovered;
        assert.equal(change!.status, 'COMPENSATED', stdout);
        assert.ok(
          change!.steps.every((s) => ['UNDONE', 'NOT_APPLIED', 'SKIPPED'].includes(s.status)),
          stdout,
        );
      }
      const left = footprint(demo.states, c.user, mac);
      const orphans = Object.values(left).filter((v) => v !== false && v !== 0).length;
      assert.deepEqual(left, NOTHING, `orphans after crash: ${orphans}`);
    });
  }
});
