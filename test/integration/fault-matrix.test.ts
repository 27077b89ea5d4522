/**
 * The fault matrix: 5 vendors × {latency past the deadline, 5xx, reset, malformed body, trickled
 * body, hung} × {read, write}, staged through the emulators' fault knobs over real sockets. Each
 * cell asserts what the client got (code, partial data) and the emulator's state afterwards:
 * nothing doubled, nothing orphaned (a definite failure left nothing behind), unknown outcomes
 * flagged OUTCOME_UNKNOWN with what was sent. Deadlines are small so the matrix stays fast.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startDemo, type Demo } from '../../src/demo.js';
import type { Fault } from '../../src/emulators/shared/harness.js';
import type { Settings } from '../../src/config.js';
import { startGateway } from '../helpers/stack.js';
import { matrixIds, vendorCells, type Target, type VendorCells } from '../helpers/fault-cells.js';

const DEADLINE_MS = 300;
const ATTEMPT_TIMEOUT_MS = 200;

type FaultName = 'latency' | '5xx' | 'reset' | 'malformed' | 'trickle' | 'hang';

const FAULTS: Record<FaultName, Omit<Fault, 'pathPrefix' | 'method' | 'queryIncludes'>> = {
  latency: { kind: 'latency', latencyMs: DEADLINE_MS * 2 },
  '5xx': { kind: 'status', status: 503 },
  reset: { kind: 'reset', afterApply: true },
  malformed: { kind: 'malformed' },
  trickle: { kind: 'trickle', intervalMs: 50, chunkBytes: 1 },
  hang: { kind: 'hang' },
};

const READ_CODE: Record<FaultName, string> = {
  latency: 'VENDOR_UNAVAILABLE',
  '5xx': 'VENDOR_UNAVAILABLE',
  reset: 'VENDOR_UNAVAILABLE',
  malformed: 'VENDOR_BAD_RESPONSE',
  trickle: 'VENDOR_UNAVAILABLE',
  hang: 'VENDOR_UNAVAILABLE',
};

/** What the write's client hears, and how often the vendor holds the write afterwards. */
const WRITE_OUTCOME: Record<FaultName, { code: string; applied: number }> = {
  latency: { code: 'OUTCOME_UNKNOWN', applied: 1 },
  '5xx': { code: 'VENDOR_UNAVAILABLE', applied: 0 },
  reset: { code: 'OUTCOME_UNKNOWN', applied: 1 },
  malformed: { code: 'OUTCOME_UNKNOWN', applied: 1 },
  trickle: { code: 'OUTCOME_UNKNOWN', applied: 1 },
  hang: { code: 'OUTCOME_UNKNOWN', applied: 0 },
};

let demo: Demo;
let gateway: Awaited<ReturnType<typeof startGateway>>;
let cells: VendorCells[];
const tally = { cells: 0, survived: 0, reconciled: 0, writesDoubled: 0, worstHungMs: 0 };

function matrixSettings(base: Settings): Settings {
  return {
    ...base,
    upstream: { requestTimeoutMs: DEADLINE_MS },
    // The breaker is exercised on its own (breaker.test.ts): here every cell must reach the vendor.
    connections: base.connections.map((c) => ({
      ...c,
      timeoutMs: ATTEMPT_TIMEOUT_MS,
      retries: 1,
      breaker: { failureThreshold: 100_000, windowMs: 1_000, openMs: 1_000 },
    })),
  };
}

async function staged<T>(
  cell: VendorCells,
  fault: FaultName,
  target: Target,
  run: () => Promise<T>,
): Promise<{ result: T; calls: number; ms: number }> {
  const emulator = demo.emulators[cell.emulator]!;
  emulator.injectFault({ ...FAULTS[fault], ...target });
  const mark = emulator.requests.length;
  const started = performance.now();
  try {
    const result = await run();
    const ms = performance.now() - started;
    // A delayed or trickled write still lands after the client gave up: count it once it has.
    await emulator.idle();
    const calls = emulator
      .since(mark)
      .filter((r) => r.method === (target.method ?? r.method) && r.path.startsWith(target.pathPrefix ?? '')).length;
    return { result, calls, ms };
  } finally {
    emulator.clearFaults();
  }
}

before(async () => {
  demo = await startDemo();
  gateway = await startGateway(matrixSettings(demo.settings));
  const ids = await matrixIds(gateway.gql, demo);
  cells = vendorCells(demo, ids);
  // Every vendor answers once while healthy: Digest challenges and tokens are in place before faults.
  for (const cell of cells) {
    const warm = await gateway.gql(cell.read.query);
    assert.equal(warm.errors, undefined, `${cell.vendor} warm-up: ${JSON.stringify(warm.errors)}`);
  }
});

after(async () => {
  await gateway?.gateway.stop();
  await demo?.stop();
  console.log(
    `# fault matrix: ${tally.survived}/${tally.cells} cells survived (${tally.reconciled} writes reconciled as applied), writes doubled: ${tally.writesDoubled}, ` +
      `worst hung read: ${Math.round(tally.worstHungMs)} ms (deadline ${DEADLINE_MS} ms)`,
  );
});

let marker = 0;
const faultNames = Object.keys(FAULTS) as FaultName[];
const vendors = ['infinity', 'stringee', 'pbx', '2n', 'sipthor'];

for (const vendor of vendors) {
  describe(`${vendor}`, () => {
    for (const fault of faultNames) {
      test(`read × ${fault}: ${READ_CODE[fault]} for ${vendor}, the other connections' data still there`, async () => {
        const cell = cells.find((c) => c.vendor === vendor)!;
        tally.cells += 1;
        const { result, ms } = await staged(cell, fault, cell.read.target, () => gateway.gql(cell.read.query));
        if (fault === 'hang') tally.worstHungMs = Math.max(tally.worstHungMs, ms);
        assert.ok(result.data, `partial data, not a blank response: ${JSON.stringify(result.errors)}`);
        assert.ok(cell.read.healthy(result.data), `the healthy connections answered: ${JSON.stringify(result.data)}`);
        const own = (result.errors ?? []).filter((e) => e.extensions?.connection === cell.emulator);
        assert.ok(own.length > 0, `an error names ${cell.emulator}: ${JSON.stringify(result.errors)}`);
        for (const error of own) assert.equal(error.extensions?.code, READ_CODE[fault], error.message);
        tally.survived += 1;
      });

      const { code, applied: times } = WRITE_OUTCOME[fault];
      test(`write × ${fault}: ${code}, applied ${times}× at ${vendor}`, async () => {
        const cell = cells.find((c) => c.vendor === vendor)!;
        tally.cells += 1;
        marker += 1;
        const n = marker;
        const { query, variables } = cell.write.mutation(n);
        const { result, calls } = await staged(cell, fault, cell.write.target, () => gateway.gql(query, variables));
        const expected = WRITE_OUTCOME[fault];
        const error = result.errors?.[0];
        const reconciled = (result as { extensions?: { reconciled?: Array<{ outcome: string }> } }).extensions
          ?.reconciled;
        if (!error && expected.code === 'OUTCOME_UNKNOWN') {
          // A write whose answer was lost but that a check found at the vendor: the client gets it, and is told.
          assert.deepEqual(
            reconciled?.map((r) => r.outcome),
            ['APPLIED'],
            JSON.stringify(result),
          );
          assert.equal(cell.write.applied(n), 1, 'found once at the vendor');
          tally.survived += 1;
          tally.reconciled += 1;
          return;
        }
        assert.equal(error?.extensions?.code, expected.code, JSON.stringify(result.errors));
        assert.equal(error?.extensions?.connection, cell.emulator);
        if (expected.code === 'OUTCOME_UNKNOWN') {
          const sent = error?.extensions?.sent as { method: string; pathTemplate: string } | undefined;
          assert.equal(sent?.method, cell.write.target.method ?? (vendor === 'sipthor' ? 'GET' : 'POST'));
          assert.ok(sent?.pathTemplate, 'says what was sent');
        } else {
          assert.equal(error?.extensions?.retryable, true, 'a definite failure may be sent again');
        }
        const applied = cell.write.applied(n);
        if (!cell.write.idempotent) {
          assert.ok(calls <= 1, `a non-idempotent write reaches the vendor at most once (${calls})`);
          if (applied > 1) tally.writesDoubled += 1;
        }
        assert.equal(applied, expected.applied, 'the vendor holds the write as the code says');
        tally.survived += 1;
      });
    }
  });
}
