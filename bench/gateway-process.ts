/**
 * One gateway in a process of its own, so the benchmark can measure its CPU and memory alone.
 * Compiled with the gateway (`npm run build` → dist/bench/gateway-process.js) and run with plain
 * `node`, as production runs the gateway. argv: kind (sipgraph | naive) and a JSON config; answers
 * the parent over IPC, first with its address and the Node runtime it runs on.
 */
import { createServer } from '../src/server.js';
import { silentLogger } from '../src/log.js';
import type { Settings } from '../src/config.js';
import { startNaive } from './naive.js';

const [kind, json] = process.argv.slice(2);
const config = JSON.parse(json ?? '{}') as { settings?: Settings; baseUrl?: string; auth?: string };
const runtime = { node: process.version, nodeOptions: process.env.NODE_OPTIONS ?? '' };
// The bench is gone (finished or crashed): no gateway outlives it.
process.on('disconnect', () => process.exit(0));

if (kind === 'sipgraph') {
  const server = await createServer({ ...config.settings!, log: { level: 'silent' } }, { logger: silentLogger });
  const url = await server.listen(0, '127.0.0.1');
  process.on('message', (message) => {
    if (message === 'stats') process.send!({ cache: server.cacheStats() ?? null });
  });
  process.send!({ url, ...runtime });
} else {
  const url = await startNaive(config.baseUrl!, config.auth!);
  process.on('message', () => process.send!({ cache: null }));
  process.send!({ url, ...runtime });
}
