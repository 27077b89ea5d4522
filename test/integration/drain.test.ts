/**
 * Graceful shutdown of a real gateway process: requests in flight at SIGTERM complete, a new one
 * is refused, the process exits 0. The slow requests are held at the Infinity emulator (in this
 * process) until the test has seen the gateway refuse a new request.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startDemo, type Demo } from '../../src/demo.js';
import { spawnGateway, tempJournalPath, writeTempConfig, type ChildGateway } from '../helpers/child-gateway.js';
import { startGateway } from '../helpers/stack.js';

const IN_FLIGHT = 7;

describe('graceful shutdown', () => {
  let demo: Demo;
  let gateway: ChildGateway;
  before(async () => {
    demo = await startDemo();
    // Seven identical requests must each be in flight at the vendor: sharing one read would hide what is drained.
    const connections = (demo.configFile.config.connections as Array<Record<string, unknown>>).map((c) =>
      c.kind === 'infinity' ? { ...c, dedupeReads: false } : c,
    );
    const config = {
      ...demo.configFile.config,
      connections,
      server: { host: '127.0.0.1', port: 0 },
      log: { level: 'warn' },
      durability: { journal: { path: tempJournalPath() }, shutdown: { graceMs: 20_000 } },
    };
    gateway = await spawnGateway(writeTempConfig(config), demo.configFile.env, demo.keys.admin);
  });
  after(async () => {
    if (gateway.child.exitCode === null) gateway.child.kill('SIGKILL');
    await demo.stop();
  });

  test(`SIGTERM with ${IN_FLIGHT} requests in flight: all complete, a new one is refused, exit code 0`, async () => {
    const infinity = demo.emulators.infinity!;
    const hold = infinity.hold({ method: 'GET', pathPrefix: '/config/v2/sip/domains' });
    const slow = Array.from({ length: IN_FLIGHT }, () => gateway.gql('{ domains { name vendor } }'));
    await hold.arrived(IN_FLIGHT);

    gateway.child.kill('SIGTERM');
    let refused = false;
    for (let i = 0; i < 200 && !refused; i += 1) {
      try {
        const response = await fetch(gateway.url.replace('/graphql', '/readyz'), {
          headers: { authorization: `Bearer ${demo.keys.admin}` },
        });
        refused = response.status === 503;
      } catch {
        refused = true; // the listener is closed: connection refused
      }
      if (!refused) await new Promise((resolve) => setTimeout(resolve, 25));
    }
    assert.ok(refused, 'after SIGTERM the gateway stops taking new requests');
    const late = await gateway.gql('{ domains { name } }').then(
      () => 'answered',
      () => 'refused',
    );
    assert.equal(late, 'refused', 'a request sent after SIGTERM is refused');
    assert.equal(gateway.child.exitCode, null, 'the process waits for its requests in flight');

    hold.release();
    const answers = await Promise.all(slow);
    const completed = answers.filter((a) => a.data?.domains && !a.errors).length;
    assert.equal(completed, IN_FLIGHT, `in-flight requests completed at SIGTERM: ${completed}/${IN_FLIGHT}`);
    assert.deepEqual(await gateway.exited, { code: 0, signal: null });
  });
});

describe('draining flag', () => {
  test('stop() turns the gateway to draining before it closes', async () => {
    const demo = await startDemo();
    const { gateway, url } = await startGateway(demo.settings);
    try {
      const ready = await fetch(url.replace('/graphql', '/readyz'), {
        headers: { authorization: `Bearer ${demo.keys.admin}` },
      });
      assert.equal(ready.status, 200);
      assert.equal(gateway.draining, false);
      const stopping = gateway.stop();
      assert.equal(gateway.draining, true);
      await stopping;
    } finally {
      await demo.stop();
    }
  });
});
