/** The Infinity Config API v2 adapter: one per configured connection. */
import { type CacheFactory } from '../../cache.js';
import { apiKeyAuth, basicAuth } from '../../http/auth.js';
import { UpstreamClient, transportOptions } from '../../http/client.js';
import type { Logger } from '../../log.js';
import { NUMERIC } from '../shared/key-shapes.js';
import { defineVendor, type SettingsOf } from '../descriptor.js';
import { infinitySettings } from './settings.js';
import type { ConnectionAdapter, RequestSources } from '../ports.js';
import { InfinityClient, readInfinityError } from './client.js';
import { ListCounts } from '../shared/call-profile.js';
import { infinityCallProfile } from './call-profile.js';
import { RequestCache } from '../shared/request-cache.js';
import { InfinityDevices } from './devices.js';
import { InfinityDirectory } from './directory.js';
import { InfinityGroups } from './groups.js';
import { InfinityQueues } from './queues.js';
import { InfinityTrustedNetworks } from './trusted-networks.js';

export { InfinityClient } from './client.js';

/**
 * Cache scopes: each domain is one; the domain list is another, which a change of a domain's own
 * settings also touches.
 */
function infinityScopes(path: string): string[] {
  const match = /^\/sip\/domains\/([^/]+)(\/.*)?$/.exec(path);
  if (!match) return ['domains'];
  return match[2] ? [`domain:${match[1]}`] : ['domains', `domain:${match[1]}`];
}

export function createInfinityAdapter(
  settings: SettingsOf<typeof infinitySettings>,
  logger: Logger,
  cache?: CacheFactory,
): ConnectionAdapter {
  const http = new UpstreamClient({
    ...transportOptions('infinity', settings),
    auth:
      settings.auth.type === 'basic'
        ? basicAuth(settings.auth.username, settings.auth.password)
        : apiKeyAuth(settings.auth.apiKey),
    cache: cache?.forNamespace(`infinity:${settings.name}`, infinityScopes),
    readErrorBody: readInfinityError,
    logger,
  });
  const counts = new ListCounts();
  return {
    vendor: 'infinity',
    connection: settings.name,
    info: { name: settings.name, vendor: 'infinity', baseUrl: settings.baseUrl },
    requestsSent: () => http.sent,
    callProfile: infinityCallProfile(counts),
    counts,
    forRequest: (scope): RequestSources => {
      const client = new InfinityClient(http.forRequest(scope));
      // One cache for all of this connection's ports: a write through any of them clears them all.
      const cache = new RequestCache();
      return {
        directory: new InfinityDirectory(client, settings.name, cache, counts),
        groups: new InfinityGroups(client, settings.name, cache, counts),
        queues: new InfinityQueues(client, settings.name, cache),
        trustedNetworks: new InfinityTrustedNetworks(client, settings.name, cache),
        pbxDevices: new InfinityDevices(client, settings.name, cache, counts),
      };
    },
    close: () => http.close(),
  };
}

/** The infinity vendor as the core sees it: listed once in src/vendors/catalog.ts. */
export const infinity = defineVendor({
  kind: 'infinity',
  publicName: 'INFINITY',
  settings: infinitySettings,
  ports: ['directory', 'groups', 'queues', 'trustedNetworks', 'pbxDevices'],
  idKeys: {
    Domain: [NUMERIC],
    User: [NUMERIC, NUMERIC],
    Group: [NUMERIC, NUMERIC],
    Queue: [NUMERIC, NUMERIC],
    QueueMember: [NUMERIC, NUMERIC, NUMERIC],
    TrustedNetwork: [NUMERIC, NUMERIC],
    Device: [NUMERIC, NUMERIC],
  },
  maxConcurrency: 64,
  cacheScopes: infinityScopes,
  create: createInfinityAdapter,
});
