/**
 * In-flight deduplication across requests (on for the Infinity connection here): identical reads
 * in flight together cost one vendor call; a write on the connection starts afresh, so a read asked
 * after it never shares an answer begun before it.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startDemo, type Demo } from '../../src/demo.js';
import { startGateway } from '../helpers/stack.js';

const DOMAINS = '{ domains(vendor: INFINITY) { id name displayName } }';
const LIST = '/config/v2/sip/domains';
let demo: Demo;
let gateway: Awaited<ReturnType<typeof startGateway>>;

before(async () => {
  demo = await startDemo({ latencyMs: 200 });
  const connections = demo.settings.connections.map((c) => (c.kind === 'infinity' ? { ...c, dedupeReads: true } : c));
  gateway = await startGateway({ ...demo.settings, connections });
});
after(async () => {
  await gateway.gateway.stop();
  await demo.stop();
});

const listCalls = (mark: number) =>
  demo.emulators.infinity!.since(mark).filter((r) => r.method === 'GET' && r.path === LIST).length;

test('five identical reads in flight together make one vendor call and get the same answer', async () => {
  await gateway.gql(DOMAINS);
  const mark = demo.emulators.infinity!.requests.length;
  const answers = await Promise.all(Array.from({ length: 5 }, () => gateway.gql(DOMAINS)));
  for (const answer of answers) assert.equal(answer.errors, undefined, JSON.stringify(answer.errors));
  assert.equal(listCalls(mark), 1);
  for (const answer of answers) assert.deepEqual(answer.data, answers[0]!.data);
});

test('a read asked after a write does not share a read that began before it', async () => {
  const { data } = await gateway.gql(DOMAINS);
  const domain = (data as any).domains[0];
  const infinity = demo.emulators.infinity!;
  const mark = infinity.requests.length;
  let afterWrite: Awaited<ReturnType<typeof gateway.gql>> | 'joined the earlier read' | undefined;
  // Hold the first read at the vendor while a write and a second read happen.
  infinity.interceptOnce({ method: 'GET', pathPrefix: LIST }, async () => {
    const write = await gateway.gql(
      'mutation($id: ID!) { updateDomain(id: $id, input: {displayName: "After", callRecording: false}) { id } }',
      {
        id: domain.id,
      },
    );
    assert.equal(write.errors, undefined, JSON.stringify(write.errors));
    // Had it joined the held read, it could not finish while the read is held.
    const stuck = new Promise<'joined the earlier read'>((resolve) =>
      setTimeout(() => resolve('joined the earlier read'), 2_000),
    );
    afterWrite = await Promise.race([gateway.gql(DOMAINS), stuck]);
  });
  const held = await gateway.gql(DOMAINS);
  assert.equal(held.errors, undefined, JSON.stringify(held.errors));
  assert.notEqual(afterWrite, 'joined the earlier read');
  assert.ok(afterWrite && afterWrite !== 'joined the earlier read');
  assert.equal(afterWrite.errors, undefined);
  assert.equal((afterWrite.data as any).domains[0].displayName, 'After', 'it read what the write left');
  assert.equal(listCalls(mark), 2);
});
