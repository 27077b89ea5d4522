/** The PortSIP PBX adapter: SIP trunks (providers). */
import { WHOLE_CONNECTION, type CacheFactory } from '../../cache.js';
import { headerTokenAuth } from '../../http/auth.js';
import { UpstreamClient, transportOptions } from '../../http/client.js';
import type { Logger } from '../../log.js';
import { NUMERIC } from '../shared/key-shapes.js';
import { defineVendor, type SettingsOf } from '../descriptor.js';
import { pbxSettings } from './settings.js';
import type { ConnectionAdapter } from '../ports.js';
import { PbxClient, PbxToken, readPbxError } from './client.js';
import { RequestCache } from '../shared/request-cache.js';
import { PbxProviders } from './providers.js';

export { PbxClient, PbxToken } from './client.js';

export function createPbxAdapter(
  settings: SettingsOf<typeof pbxSettings>,
  logger: Logger,
  cache?: CacheFactory,
): ConnectionAdapter {
  const token = new PbxToken({ username: settings.username, password: settings.password });
  const http = new UpstreamClient({
    ...transportOptions('pbx', settings),
    auth: headerTokenAuth('access_token', token),
    cache: cache?.forNamespace(`pbx:${settings.name}`, WHOLE_CONNECTION),
    readErrorBody: readPbxError,
    logger,
  });
  token.http = http;
  return {
    vendor: 'pbx',
    connection: settings.name,
    info: { name: settings.name, vendor: 'pbx', baseUrl: settings.baseUrl },
    requestsSent: () => http.sent,
    forRequest: (scope) => ({
      providers: new PbxProviders(new PbxClient(http.forRequest(scope), token), settings.name, new RequestCache()),
    }),
    close: () => http.close(),
  };
}

/** The pbx vendor as the core sees it: listed once in src/vendors/catalog.ts. */
export const pbx = defineVendor({
  kind: 'pbx',
  publicName: 'PBX',
  settings: pbxSettings,
  ports: ['providers'],
  idKeys: { Provider: [NUMERIC] },
  maxConcurrency: 16,
  cacheScopes: WHOLE_CONNECTION,
  create: createPbxAdapter,
});
