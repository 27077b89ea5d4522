/**
 * A sipgraph gateway built from another checkout (`npm run bench:compare`): argv is the checkout's
 * root (built: its `dist/`) and a JSON `{config, env}` — the bench's config (bench/gateways.ts) with
 * in-flight sharing off, and the environment its secrets are read from. Imports that checkout's own
 * config and server, so the gateway is exactly the one of that commit. An older checkout whose
 * config knows no rate limits, API keys or in-flight sharing gets the config without them.
 */
const [root, json] = process.argv.slice(2);
process.on('disconnect', () => process.exit(0));

const { parseSettings } = await import(`${root}/dist/src/config.js`);
const { createServer } = await import(`${root}/dist/src/server.js`);
const { silentLogger } = await import(`${root}/dist/src/log.js`);

interface BenchConfig {
  limits?: unknown;
  auth?: unknown;
  connections: Array<{ dedupeReads?: boolean }>;
}
const { config, env } = JSON.parse(json!) as { config: BenchConfig; env: Record<string, string> };

function beforeAuth({ limits: _limits, auth: _auth, connections, ...rest }: BenchConfig): BenchConfig {
  return { ...rest, connections: connections.map(({ dedupeReads: _dedupe, ...connection }) => connection) };
}

let settings;
try {
  settings = parseSettings(config, env, 'bench:compare');
} catch {
  settings = parseSettings(beforeAuth(config), env, 'bench:compare');
}
const gateway = await createServer({ ...settings, log: { level: 'silent' } }, { logger: silentLogger });
const url: string = await gateway.listen(0, '127.0.0.1');
process.send!({ url, node: process.version });
