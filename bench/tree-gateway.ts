/**
 * A sipgraph gateway built from another checkout (`npm run bench:compare`): argv is the checkout's
 * root (built: its `dist/`) and the emulator's URL. Imports that checkout's own config and server,
 * so the gateway is exactly the one of that commit. Configured like the bench's, with in-flight
 * sharing off so that both sides make every vendor call; an older checkout whose config has no
 * such settings gets the part it understands.
 */
const [root, emulatorUrl] = process.argv.slice(2);
process.on('disconnect', () => process.exit(0));

const { parseSettings } = await import(`${root}/dist/src/config.js`);
const { createServer } = await import(`${root}/dist/src/server.js`);
const { silentLogger } = await import(`${root}/dist/src/log.js`);

// The bench's key and the emulator's account, from bench:compare (bench/gateways.ts holds them).
const env = {
  BENCH_API_KEY: process.env.BENCH_API_KEY!,
  BENCH_USER: process.env.BENCH_USER!,
  BENCH_PASSWORD: process.env.BENCH_PASSWORD!,
};
const connection = {
  kind: 'infinity',
  name: 'infinity',
  baseUrl: `${emulatorUrl}/config/v2`,
  auth: { type: 'basic', username: { env: 'BENCH_USER' }, password: { env: 'BENCH_PASSWORD' } },
  timeoutMs: 10_000,
  retries: 0,
};
const server = { host: '127.0.0.1', port: 0, graphiql: false, introspection: true };
const today = {
  server,
  cache: { enabled: false, ttlSeconds: 60 },
  limits: { rate: { requestsPerMinute: 10_000_000, vendorCallsPerMinute: 100_000_000 } },
  log: { level: 'silent' },
  auth: { apiKeys: [{ id: 'bench', key: { env: 'BENCH_API_KEY' }, admin: true }] },
  connections: [{ ...connection, dedupeReads: false }],
};
const beforeAuth = {
  server,
  cache: { enabled: false, ttlSeconds: 60 },
  log: { level: 'silent' },
  connections: [connection],
};

let settings;
try {
  settings = parseSettings(today, env, 'bench:compare');
} catch {
  settings = parseSettings(beforeAuth, env, 'bench:compare');
}
const gateway = await createServer({ ...settings, log: { level: 'silent' } }, { logger: silentLogger });
const url: string = await gateway.listen(0, '127.0.0.1');
process.send!({ url, node: process.version });
