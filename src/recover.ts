/**
 * `npm run recover -- --config <file>`: finishes the changes stopped gateways left unfinished
 * (the same recovery a gateway runs at start-up), prints what it did as JSON, and exits 0 when
 * every change ended compensated or completed, 1 when something is left for a person to look at.
 */
import { ConfigError, loadSettingsFile, readLaunchOptions } from './config.js';
import { createContextFactory } from './context.js';
import { recoverChanges } from './durability/recovery.js';
import { createChangeRunner } from './durability/saga.js';
import { createLogger } from './log.js';
import { createSharedRedis } from './redis.js';
import { createAdapters } from './vendors/registry.js';

async function recover(): Promise<number> {
  const { configPath } = readLaunchOptions();
  if (!configPath) throw new ConfigError('the command line', ['recover needs --config <file> (or SIPGRAPH_CONFIG)']);
  const settings = loadSettingsFile(configPath);
  const logger = createLogger(settings.log.level);
  const adapters = createAdapters(settings.connections, logger);
  const redis = settings.redis.url
    ? createSharedRedis(settings.redis.url, settings.redis.keyPrefix, logger)
    : undefined;
  const changes = createChangeRunner(settings.durability.journal, logger, redis);
  try {
    const recovered = await recoverChanges(changes, createContextFactory(adapters, settings, logger, changes), logger);
    process.stdout.write(`${JSON.stringify({ recovered }, null, 2)}\n`);
    return recovered.some((c) => c.status === 'PARTIAL_FAILURE') ? 1 : 0;
  } finally {
    await changes.close();
    await Promise.all(adapters.map((a) => a.close()));
    await redis?.close();
  }
}

recover().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof ConfigError ? error.message : ((error as Error).stack ?? String(error))}\n`,
    );
    process.exit(2);
  },
);
