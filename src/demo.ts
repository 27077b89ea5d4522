/**
 * The embedded demo: every vendor emulator started in-process on loopback with a deterministic
 * seed, and the settings that point the gateway at them. The gateway does not know they are
 * emulators: it gets base URLs and credentials like any other connection. Cross-vendor links
 * (2N devices whose MACs are PBX devices in the directory, SIP Thor accounts of directory users)
 * are read from the Infinity emulator over its own HTTP API.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSettings, type Settings } from './config.js';
import { createTwoNEmulator, type TwoNState } from './emulators/2n/index.js';
import { createInfinityEmulator, type InfinityState } from './emulators/infinity/index.js';
import { createPbxEmulator, type PbxState } from './emulators/pbx/index.js';
import type { EmulatorServer } from './emulators/shared/harness.js';
import { createSipThorEmulator, type SipThorState } from './emulators/sipthor/index.js';
import { createStringeeEmulator, type StringeeState } from './emulators/stringee/index.js';

export interface DemoOptions {
  /** Latency every emulator adds to each request, to make upstream rounds visible. */
  latencyMs?: number;
  port?: number;
  /** How many 2N intercoms to run (each its own emulator and connection). */
  intercoms?: number;
  /** Directory users that also get a SIP Thor account. */
  sipThorAccounts?: number;
  /** The API keys of the demo's two principals (SIPGRAPH_DEMO_ADMIN_KEY / _TENANT_KEY); random when absent. */
  adminKey?: string;
  tenantKey?: string;
}

/** The demo's principals and their API keys, printed at start-up. */
export interface DemoKeys {
  /** `demo-admin`: every connection and area. */
  admin: string;
  /** `demo-tenant`: one domain of the Infinity connection, its directory and devices. */
  tenant: string;
  /** The connection and domain key the tenant is limited to. */
  tenantScope: { connection: string; domainId: string; domainName: string };
}

/** The emulators' own state, for tests that stage what happens on the vendor's side. */
export interface DemoStates {
  infinity: InfinityState;
  stringee: StringeeState;
  pbx: PbxState;
  intercoms: TwoNState[];
  sipthor: SipThorState;
}

export interface Demo {
  settings: Settings;
  /** The same settings as a config file and the environment its `{env}` references need (child gateways in tests). */
  configFile: { config: Record<string, unknown>; env: Record<string, string> };
  keys: DemoKeys;
  emulators: Record<string, EmulatorServer>;
  states: DemoStates;
  describe(): string;
  stop(): Promise<void>;
}

/** Demo-only credentials: the emulators check them as the real vendors would. */
const DEMO_USER = 'demo';
const DEMO_PASSWORD = 'demo-password';
const STRINGEE = {
  projectId: '10042',
  apiKeySid: 'SKdemoKeySid',
  apiKeySecret: 'demo-stringee-api-key-secret-0123456789',
};
const INTERCOM_PASSWORD = '2n-demo-password';
const SIPTHOR_PASSWORD = 'sipthor-demo-password';

// maxConcurrency: each vendor's default (its descriptor), as a real deployment would have it.
const COMMON = { timeoutMs: 10_000, retries: 2 };

interface DirectoryPeek {
  domainId: string;
  domainName: string;
  userNames: string[];
  intercomMacs: string[];
}

/** Reads, through Infinity's public API, what the other vendors' seeds should refer to. */
async function peekDirectory(baseUrl: string, intercoms: number, accounts: number): Promise<DirectoryPeek> {
  const authorization = `Basic ${Buffer.from(`${DEMO_USER}:${DEMO_PASSWORD}`).toString('base64')}`;
  const rows = async (path: string): Promise<Array<Record<string, string>>> => {
    const response = await fetch(`${baseUrl}/sip${path}`, { headers: { authorization } });
    if (!response.ok) throw new Error(`demo seed: GET ${path} answered ${response.status}`);
    return (await response.text())
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as Record<string, string>);
  };
  const [domain] = await rows('/domains');
  if (!domain) throw new Error('demo seed: the Infinity emulator has no domain');
  const users = await rows(`/domains/${domain.domainId}/users?limit=${accounts}`);
  const devices = await rows(`/domains/${domain.domainId}/devices`);
  const assigned = devices.filter((d) => d.userId && d.deviceMacAddress);
  return {
    domainId: String(domain.domainId),
    domainName: domain.domainName ?? '',
    userNames: users.map((u) => u.user ?? ''),
    intercomMacs: assigned.slice(0, intercoms).map((d) => (d.deviceMacAddress ?? '').toUpperCase()),
  };
}

function randomKey(): string {
  return `sg_${randomBytes(24).toString('base64url')}`;
}

export async function startDemo(options: DemoOptions = {}): Promise<Demo> {
  const emulators: Record<string, EmulatorServer> = {};
  // The demo's config goes through the same validation (and defaults) as a config file; its
  // secrets are env references resolved from this map, never from the process environment.
  const connections: Array<Record<string, unknown>> = [];
  const demoEnv: Record<string, string> = {};
  const secret = (name: string, value: string): { env: string } => {
    demoEnv[name] = value;
    return { env: name };
  };

  const infinity = createInfinityEmulator({ username: DEMO_USER, password: DEMO_PASSWORD, seed: true });
  emulators.infinity = infinity.server;
  const infinityUrl = `${await infinity.server.start()}/config/v2`;
  connections.push({
    kind: 'infinity',
    name: 'infinity',
    baseUrl: infinityUrl,
    auth: {
      type: 'basic',
      username: secret('DEMO_INFINITY_USER', DEMO_USER),
      password: secret('DEMO_INFINITY_PASSWORD', DEMO_PASSWORD),
    },
    ...COMMON,
  });
  const peek = await peekDirectory(infinityUrl, options.intercoms ?? 3, options.sipThorAccounts ?? 4);

  const stringee = createStringeeEmulator({ ...STRINGEE, seed: true });
  emulators.stringee = stringee.server;
  connections.push({
    kind: 'stringee',
    name: 'stringee',
    baseUrl: await stringee.server.start(),
    registrar: 'v2.stringee.com:15060',
    tokenTtlSeconds: 3600,
    projectId: STRINGEE.projectId,
    apiKeySid: secret('DEMO_STRINGEE_SID', STRINGEE.apiKeySid),
    apiKeySecret: secret('DEMO_STRINGEE_SECRET', STRINGEE.apiKeySecret),
    ...COMMON,
  });

  const pbx = createPbxEmulator({ username: DEMO_USER, password: DEMO_PASSWORD, seed: true });
  emulators.pbx = pbx.server;
  connections.push({
    kind: 'pbx',
    name: 'pbx',
    baseUrl: await pbx.server.start(),
    username: secret('DEMO_PBX_USER', DEMO_USER),
    password: secret('DEMO_PBX_PASSWORD', DEMO_PASSWORD),
    ...COMMON,
  });

  const intercomStates: TwoNState[] = [];
  for (const [i, macAddr] of peek.intercomMacs.entries()) {
    const name = `intercom-${i + 1}`;
    const device = createTwoNEmulator({
      macAddr,
      deviceName: `2N IP Verso ${i + 1}`,
      auth: 'digest',
      username: 'admin',
      password: INTERCOM_PASSWORD,
    });
    emulators[name] = device.server;
    intercomStates.push(device.state);
    connections.push({
      kind: '2n',
      name,
      baseUrl: await device.server.start(),
      auth: 'digest',
      username: secret('DEMO_2N_USER', 'admin'),
      password: secret('DEMO_2N_PASSWORD', INTERCOM_PASSWORD),
      ...COMMON,
    });
  }

  const accounts = peek.userNames.map((user) => ({
    username: user,
    domain: peek.domainName,
    password: SIPTHOR_PASSWORD,
  }));
  const sipthor = createSipThorEmulator({ accounts, seed: true });
  emulators.sipthor = sipthor.server;
  connections.push({
    kind: 'sipthor',
    name: 'sipthor',
    baseUrl: await sipthor.server.start(),
    realm: peek.domainName,
    accounts: accounts.map((a) => ({
      address: `${a.username}@${a.domain}`,
      password: secret('DEMO_SIPTHOR_PASSWORD', SIPTHOR_PASSWORD),
    })),
    ...COMMON,
  });

  for (const server of Object.values(emulators)) server.latencyMs = options.latencyMs ?? 0;

  const keys: DemoKeys = {
    admin: options.adminKey ?? randomKey(),
    tenant: options.tenantKey ?? randomKey(),
    tenantScope: { connection: 'infinity', domainId: peek.domainId, domainName: peek.domainName },
  };
  const auth = {
    apiKeys: [
      { id: 'demo-admin', key: secret('DEMO_ADMIN_KEY', keys.admin), admin: true },
      {
        id: 'demo-tenant',
        key: secret('DEMO_TENANT_KEY', keys.tenant),
        grants: [{ connection: 'infinity', domains: [peek.domainId], areas: { directory: 'write', devices: 'write' } }],
      },
    ],
  };

  // The demo's vendors live in this process: a journal of their changes is worthless to a later one.
  const journal = { path: join(tmpdir(), `sipgraph-demo-${process.pid}-${randomUUID()}.jsonl`) };
  const server = { host: '0.0.0.0', port: options.port ?? 4000, graphiql: true, introspection: true };
  const config = { server, auth, durability: { journal }, connections };
  const settings: Settings = parseSettings(config, demoEnv, 'the embedded demo');
  return {
    settings,
    keys,
    configFile: { config, env: demoEnv },
    emulators,
    states: {
      infinity: infinity.state,
      stringee: stringee.state,
      pbx: pbx.state,
      intercoms: intercomStates,
      sipthor: sipthor.state,
    },
    describe: () => `${Object.keys(emulators).length} emulators: ${Object.keys(emulators).join(', ')}`,
    stop: async () => {
      await Promise.all(Object.values(emulators).map((s) => s.stop()));
    },
  };
}
