/** The Infinity Config API v2 adapter: one per configured connection. */
import type { ConnectionOf } from '../../config.js';
import { apiKeyAuth, basicAuth } from '../../http/auth.js';
import { UpstreamClient } from '../../http/client.js';
import type { Logger } from '../../log.js';
import type { ConnectionAdapter, RequestSources } from '../ports.js';
import { InfinityClient, readInfinityError } from './client.js';
import { DomainStats, InfinityDirectory } from './loaders.js';

export { InfinityClient } from './client.js';
export { InfinityDirectory } from './loaders.js';

export function createInfinityAdapter(settings: ConnectionOf<'infinity'>, logger: Logger): ConnectionAdapter {
  const http = new UpstreamClient({
    vendor: 'infinity',
    connection: settings.name,
    baseUrl: settings.baseUrl,
    timeoutMs: settings.timeoutMs,
    maxConcurrency: settings.maxConcurrency,
    retries: settings.retries,
    auth: settings.auth.type === 'basic' ? basicAuth(settings.auth.username, settings.auth.password) : apiKeyAuth(settings.auth.apiKey),
    readErrorBody: readInfinityError,
    logger,
  });
  const client = new InfinityClient(http);
  const stats = new DomainStats();
  return {
    vendor: 'infinity',
    connection: settings.name,
    info: { name: settings.name, vendor: 'infinity', baseUrl: settings.baseUrl },
    requestsSent: () => http.sent,
    forRequest: (): RequestSources => ({ directory: new InfinityDirectory(client, settings.name, stats) }),
    close: () => http.close(),
  };
}
