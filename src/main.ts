/**
 * The process entry point: reads the launch options, then either runs against the vendors in a
 * config file or, with none given, starts the embedded demo (every emulator in-process, seeded).
 */
import { ConfigError, loadSettingsFile, readLaunchOptions, type Settings } from './config.js';
import { startDemo, type Demo } from './demo.js';
import { withSubgraph } from './federation/subgraph.js';
import { createServer } from './server.js';

async function main(): Promise<void> {
  const launch = readLaunchOptions();
  let settings: Settings;
  let demo: Demo | undefined;
  if (launch.configPath) {
    settings = loadSettingsFile(launch.configPath);
  } else {
    demo = await startDemo({ adminKey: launch.demoAdminKey, tenantKey: launch.demoTenantKey });
    settings = demo.settings;
  }
  // The demo's GraphiQL opens with the admin key in its headers pane: a newcomer's first query works.
  const graphiqlHeaders = demo ? { authorization: `Bearer ${demo.keys.admin}` } : undefined;
  if (launch.subgraph !== undefined) settings = withSubgraph(settings, launch.subgraph);
  const server = await createServer(settings, { graphiqlHeaders });
  const url = await server.listen(launch.port ?? settings.server.port);
  const subgraph = settings.federation.subgraph ? `, federation subgraph "${settings.federation.subgraph}"` : '';
  const mode = `${demo ? `embedded demo (${demo.describe()})` : `config ${launch.configPath}`}${subgraph}`;
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

  const shutdown = async (): Promise<void> => {
    await server.stop();
    await demo?.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : (error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
