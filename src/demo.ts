/**
 * The embedded demo: every vendor emulator started in-process on loopback with a deterministic
 * seed, and the settings that point the gateway at them. The gateway does not know they are
 * emulators: it gets base URLs and credentials like any other connection.
 */
import type { ConnectionSettings, Settings } from './config.js';
import type { EmulatorServer } from './emulators/shared/harness.js';
import { createInfinityEmulator } from './emulators/infinity/index.js';

export interface DemoOptions {
  /** Latency every emulator adds to each request, to make upstream rounds visible. */
  latencyMs?: number;
  port?: number;
}

export interface Demo {
  settings: Settings;
  emulators: Record<string, EmulatorServer>;
  describe(): string;
  stop(): Promise<void>;
}

/** Demo-only credentials: the emulators check them like the real vendors would. */
const DEMO_USER = 'demo';
const DEMO_PASSWORD = 'demo-password';

export async function startDemo(options: DemoOptions = {}): Promise<Demo> {
  const emulators: Record<string, EmulatorServer> = {};
  const connections: ConnectionSettings[] = [];
  const common = { timeoutMs: 10_000, maxConcurrency: 16, retries: 2 };

  const infinity = createInfinityEmulator({ username: DEMO_USER, password: DEMO_PASSWORD, seed: true });
  emulators.infinity = infinity.server;
  connections.push({
    kind: 'infinity',
    name: 'infinity',
    baseUrl: `${await infinity.server.start()}/config/v2`,
    auth: { type: 'basic', username: DEMO_USER, password: DEMO_PASSWORD },
    ...common,
  });

  for (const server of Object.values(emulators)) server.latencyMs = options.latencyMs ?? 0;

  const settings: Settings = {
    server: { host: '0.0.0.0', port: options.port ?? 4000, graphiql: true, introspection: true },
    limits: { maxDepth: 12, maxCost: 250_000, maxPageSize: 1000 },
    cache: { enabled: false, ttlSeconds: 30 },
    log: { level: 'info' },
    connections,
  };
  return {
    settings,
    emulators,
    describe: () => Object.entries(emulators).map(([name, server]) => `${name} at ${server.baseUrl}`).join(', '),
    stop: async () => {
      await Promise.all(Object.values(emulators).map((s) => s.stop()));
    },
  };
}
