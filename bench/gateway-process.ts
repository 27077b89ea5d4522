/**
 * One gateway in a process of its own, so the benchmark can measure its CPU and memory alone.
 * argv: kind (sipgraph | naive) and a JSON config; answers the parent over IPC.
 */
import { createServer } from '../src/server.js';
import { silentLogger } from '../src/log.js';
import type { Settings } from '../src/config.js';
import { startNaive } from './naive.js';

const [kind, json] = process.argv.slice(2);
const config = JSON.parse(json ?? '{}') as { settings?: Settings; baseUrl?: string; auth?: string };

if (kind === 'sipgraph') {
  const server = await createServer({ ...config.settings!, log: { level: 'silent' } }, { logger: silentLogger });
  const url = await server.listen(0, '127.0.0.1');
  process.on('message', (message) => {
    if (message === 'stats') process.send!({ cache: server.cacheStats() ?? null });
  });
  process.send!({ url });
} else {
  const url = await startNaive(config.baseUrl!, config.auth!);
  process.on('message', () => process.send!({ cache: null }));
  process.send!({ url });
}
