/**
 * The process entry point: the command line (src/cli.ts) decides what runs. Serving needs a config
 * file, or an explicit --demo for the embedded demo (every vendor emulated in-process): a container
 * started without either exits with a message instead of serving fake vendors.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCommand, USAGE, type Command } from './cli.js';
import { ConfigError, loadSettingsFile, readLaunchOptions, type Settings } from './config.js';
import { startDemo, type Demo } from './demo.js';
import { printGatewaySchema } from './schema-print.js';
import { withSubgraph } from './federation/subgraph.js';
import { createServer } from './server.js';
import { loadManifest } from './shared-state/trusted-documents.js';

/** package.json sits above src/ (tsx) or dist/src/ (built). */
function packageVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 3; i += 1) {
    dir = dirname(dir);
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'sipgraph') return pkg.version ?? 'unknown';
    } catch {
      // not here: one level up
    }
  }
  return 'unknown';
}

function checkConfig(path: string): void {
  const settings = loadSettingsFile(path);
  if (settings.trustedDocuments.enabled && settings.trustedDocuments.manifest)
    loadManifest(settings.trustedDocuments.manifest);
  const names = settings.connections.map((c) => `${c.name} (${c.kind})`).join(', ');
  process.stdout.write(`${path}: valid. ${settings.connections.length} connection(s): ${names}\n`);
}

async function serve(command: Extract<Command, { kind: 'serve' | 'demo' }>): Promise<void> {
  let settings: Settings;
  let demo: Demo | undefined;
  if (command.kind === 'serve') {
    settings = loadSettingsFile(command.configPath);
  } else {
    const launch = readLaunchOptions();
    demo = await startDemo({ adminKey: launch.demoAdminKey, tenantKey: launch.demoTenantKey });
    settings = demo.settings;
  }
  // The demo's GraphiQL opens with the admin key in its headers pane: a newcomer's first query works.
  const graphiqlHeaders = demo ? { authorization: `Bearer ${demo.keys.admin}` } : undefined;
  if (command.subgraph !== undefined) settings = withSubgraph(settings, command.subgraph);
  const server = await createServer(settings, { graphiqlHeaders });
  // Before anything says "ready": a supervisor may signal as soon as it reads that line.
  // The one shutdown path: readiness 503, stop accepting, let requests in flight finish within the
  // grace period, flush the journal, close the pools, exit 0. A second signal does not wait.
  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals): Promise<void> => {
    if (stopping) {
      process.stderr.write(`sipgraph: ${signal} again, exiting without waiting\n`);
      process.exit(1);
    }
    stopping = true;
    process.stderr.write(`sipgraph: ${signal}, draining (grace ${settings.durability.shutdown.graceMs} ms)\n`);
    try {
      await server.stop();
      await demo?.stop();
    } catch (error) {
      process.stderr.write(`sipgraph: shutdown failed: ${(error as Error).stack ?? String(error)}\n`);
      process.exit(1);
    }
    process.exit(0);
  };
  process.on('SIGINT', (signal) => void shutdown(signal));
  process.on('SIGTERM', (signal) => void shutdown(signal));
  const url = await server.listen(command.port ?? settings.server.port, command.host ?? settings.server.host);
  // Where the container healthcheck (src/healthcheck.ts) finds this process, whatever chose the port.
  if (command.addressFile)
    writeFileSync(command.addressFile, url.replace('//localhost:', '//127.0.0.1:').replace(/\/graphql$/, ''));
  const subgraph = settings.federation.subgraph ? `, federation subgraph "${settings.federation.subgraph}"` : '';
  const mode = `${demo ? `embedded demo (${demo.describe()})` : `config ${command.kind === 'serve' ? command.configPath : ''}`}${subgraph}`;
  process.stdout.write(`\nsipgraph is ready: ${url}\n  open it in a browser for GraphiQL · ${mode}\n`);
  if (demo) {
    const { connection, domainName, domainId } = demo.keys.tenantScope;
    process.stdout.write(
      `  API keys (send as x-api-key or Authorization: Bearer; set them with SIPGRAPH_DEMO_ADMIN_KEY / _TENANT_KEY):\n` +
        `    demo-admin   ${demo.keys.admin}   every connection and area (already in GraphiQL's headers)\n` +
        `    demo-tenant  ${demo.keys.tenant}   ${connection} domain ${domainName} (${domainId}): directory and devices\n`,
    );
  }
  process.stdout.write('\n');
}

async function main(): Promise<void> {
  const command = parseCommand(process.argv.slice(2), process.env);
  switch (command.kind) {
    case 'help':
      process.stdout.write(USAGE);
      return;
    case 'version':
      process.stdout.write(`sipgraph ${packageVersion()}\n`);
      return;
    case 'print-schema':
      process.stdout.write(printGatewaySchema());
      return;
    case 'check-config':
      checkConfig(command.configPath);
      return;
    case 'usage-error':
      process.stderr.write(`sipgraph: ${command.message}\n\n${USAGE}`);
      process.exit(2);
      return;
    default:
      await serve(command);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : ((error as Error).stack ?? String(error))}\n`);
  process.exit(1);
});
