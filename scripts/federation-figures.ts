/**
 * `npm run federation:figures`: the headline query in the three modes over one set of emulators,
 * printing the vendor calls of each (from the emulators' request logs) and the p50 latency of
 * RUNS runs, i.e. what the router adds. Measured, never asserted (tests assert counts only).
 */
import { parse, validate } from 'graphql';
import { queryLimitsRule } from '../src/limits.js';
import { buildSchema } from '../src/schema.js';
import { compose, startRouter, startSubgraph } from '../test/helpers/federation.js';
import { startStack } from '../test/helpers/stack.js';

const RUNS = Number(process.env.RUNS ?? 15);
const HEADLINE = `{ domains(vendor: INFINITY) { name users(first: 100) { nodes {
  id userName groups { name }
  devices { id name sipConfig { connection accounts { username registered } } }
  accounts { address settings { callForwarding { busy } voicemail { mailbox } } } } } } }`;

const stack = await startStack();
const auth = { authorization: `Bearer ${stack.demo.keys.admin}` };
const whole = await startSubgraph(stack.demo.settings, 'sipgraph');
const vendors = await Promise.all(
  (['directory', 'pbx', '2n', 'sipthor'] as const).map((n) => startSubgraph(stack.demo.settings, n)),
);
const oneRouter = await startRouter(compose([whole]));
const vendorRouter = await startRouter(compose(vendors));

const modes: Array<[string, () => Promise<unknown>]> = [
  ['standalone', () => stack.gql(HEADLINE)],
  ['one subgraph behind Hive Gateway', () => oneRouter.gql(HEADLINE, {}, auth)],
  ['per-vendor subgraphs behind Hive Gateway', () => vendorRouter.gql(HEADLINE, {}, auth)],
];
const rows: string[] = [];
for (const [mode, run] of modes) {
  await run();
  const { calls, total } = await stack.counting(run);
  const perVendor = Object.entries(calls)
    .filter(([, c]) => c.length > 0)
    .map(([name, c]) => `${name} ${c.length}`)
    .join(', ');
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  rows.push(
    `${mode.padEnd(42)} ${String(total).padStart(3)} vendor calls (${perVendor}); p50 ${times[Math.floor(RUNS / 2)]!.toFixed(1)} ms`,
  );
}
// Demand control: the router's estimate from @listSize against sipgraph's own cost rule.
const costRouter = await startRouter(compose([whole]), { demandControl: { includeExtensionMetadata: true } });
const routerCost = ((await costRouter.gql(HEADLINE, {}, auth)) as { extensions?: { cost?: { estimated?: number } } })
  .extensions?.cost?.estimated;
const [overLimit] = validate(buildSchema(), parse(HEADLINE), [queryLimitsRule({ maxDepth: 100, maxCost: 0 })]);
rows.push(`headline cost: Hive demand control ${routerCost}, sipgraph's rule ${String(overLimit?.extensions.cost)}`);
await costRouter.stop();
process.stdout.write(`${rows.join('\n')}\n`);
await Promise.all([oneRouter.stop(), vendorRouter.stop(), whole.stop(), ...vendors.map((v) => v.stop())]);
await stack.stop();
