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
    demo = await startDemo();
    settings = demo.settings;
  }
  if (launch.subgraph !== undefined) settings = withSubgraph(settings, launch.subgraph);
  const server = await createServer(settings);
  const url = await server.listen(launch.port ?? settings.server.port);
  const subgraph = settings.federation.subgraph ? `, federation subgraph "${settings.federation.subgraph}"` : '';
  const mode = `${demo ? `embedded demo (${demo.describe()})` : `config ${launch.configPath}`}${subgraph}`;
  process.stdout.write(`\nsipgraph is ready: ${url}\n  open it in a browser for GraphiQL · ${mode}\n\n`);

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
