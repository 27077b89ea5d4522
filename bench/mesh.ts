/**
 * The peer: GraphQL Mesh (Mesh Compose + Hive Gateway) over an OpenAPI description of the same
 * Infinity emulator, with the nesting (a user's groups and devices) set up as OpenAPI links, as the
 * Mesh docs show. Composed into a supergraph at run time (the emulator's port changes per run).
 */
import { spawn, execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export interface MeshGateway {
  name: 'mesh';
  url: string;
  pid: number;
  query(
    shape: 'nested' | 'flat' | 'passthrough',
    domainId?: number,
  ): { query: string; variables: Record<string, unknown> };
  stop(): Promise<void>;
}

const BIN = fileURLToPath(new URL('./node_modules/.bin/', import.meta.url));

/** The same questions, in the schema Mesh derives from the OpenAPI description. */
const QUERIES = {
  nested:
    'query($d: Int!) { users(domainId: $d, limit: 100) { user extensionNumber groups { groupName } devices { pbxDeviceName } } }',
  flat: 'query($d: Int!) { users(domainId: $d, limit: 100) { user extensionNumber } }',
  passthrough: 'query($d: Int!) { domain(domainId: $d) { domainName } }',
};

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startMesh(baseUrl: string, authorization: string): Promise<MeshGateway> {
  const dir = mkdtempSync(join(tmpdir(), 'sipgraph-mesh-'));
  writeFileSync(
    join(dir, 'infinity-openapi.json'),
    readFileSync(new URL('./mesh/infinity-openapi.json', import.meta.url)),
  );
  writeFileSync(
    join(dir, 'mesh.config.ts'),
    `import { defineConfig } from '@graphql-mesh/compose-cli';
import { loadOpenAPISubgraph } from '@omnigraph/openapi';
export const composeConfig = defineConfig({
  subgraphs: [{
    sourceHandler: loadOpenAPISubgraph('Infinity', {
      source: './infinity-openapi.json',
      endpoint: ${JSON.stringify(baseUrl)},
      operationHeaders: { Authorization: ${JSON.stringify(authorization)} },
      queryParams: { format: 'jsonarray' },
    }),
  }],
});
`,
  );
  const env = { ...process.env, NODE_PATH: fileURLToPath(new URL('./node_modules', import.meta.url)) };
  await promisify(execFile)(join(BIN, 'mesh-compose'), ['-o', 'supergraph.graphql'], {
    cwd: dir,
    env,
    timeout: 120_000,
  }).catch((error: Error & { stderr?: string }) => {
    throw new Error(`mesh-compose failed: ${(error.stderr ?? error.message).slice(0, 500)}`);
  });
  const port = await freePort();
  const child = spawn(
    join(BIN, 'hive-gateway'),
    ['supergraph', 'supergraph.graphql', '--port', String(port), '--host', '127.0.0.1'],
    { cwd: dir, env: { ...env, NODE_ENV: 'production' }, stdio: 'ignore' },
  );
  // Should the bench crash, the peer does not outlive it.
  const orphanGuard = () => child.kill();
  process.once('exit', orphanGuard);
  const url = `http://127.0.0.1:${port}/graphql`;
  for (let i = 0; ; i += 1) {
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (i > 150 || child.exitCode !== null) throw new Error('hive-gateway did not start');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    name: 'mesh',
    url,
    pid: child.pid!,
    query: (shape, domainId = 1) => ({ query: QUERIES[shape], variables: { d: domainId } }),
    stop: async () => {
      process.off('exit', orphanGuard);
      child.kill();
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}
