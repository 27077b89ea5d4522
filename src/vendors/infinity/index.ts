/** The Infinity Config API v2 adapter: one per configured connection. */
import { type CacheFactory } from '../../cache.js';
import type { ConnectionOf } from '../../config.js';
import { apiKeyAuth, basicAuth } from '../../http/auth.js';
import { UpstreamClient, transportOptions } from '../../http/client.js';
import type { Logger } from '../../log.js';
import type { ConnectionAdapter, RequestSources } from '../ports.js';
import { InfinityClient, readInfinityError } from './client.js';
import { DomainStats, InfinityDirectory } from './loaders.js';

export { InfinityClient } from './client.js';
export { InfinityDirectory } from './loaders.js';

/**
 * Cache scopes: each domain is one; the domain list is another, which a change of a domain's own
 * settings also touches.
 */
function infinityScopes(path: string): string[] {
  const match = /^\/sip\/domains\/([^/]+)(\/.*)?$/.exec(path);
  if (!match) return ['domains'];
  return match[2] ? [`domain:${match[1]}`] : ['domains', `domain:${match[1]}`];
}

export function createInfinityAdapter(settings: ConnectionOf<'infinity'>, logger: Logger, cache?: CacheFactory): ConnectionAdapter {
  const http = new UpstreamClient({
    ...transportOptions('infinity', settings),
    auth: settings.auth.type === 'basic' ? basicAuth(settings.auth.username, settings.auth.password) : apiKeyAuth(settings.auth.apiKey),
    cache: cache?.forNamespace(`infinity:${settings.name}`, infinityScopes),
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
