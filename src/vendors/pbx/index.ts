/** The PortSIP PBX adapter: SIP trunks (providers). */
import { WHOLE_CONNECTION, type CacheFactory } from '../../cache.js';
import type { ConnectionOf } from '../../config.js';
import { headerTokenAuth } from '../../http/auth.js';
import { UpstreamClient, transportOptions } from '../../http/client.js';
import type { Logger } from '../../log.js';
import type { ConnectionAdapter } from '../ports.js';
import { PbxClient, PbxToken, readPbxError } from './client.js';
import { RequestCache } from '../shared/request-cache.js';
import { PbxProviders } from './providers.js';

export { PbxClient, PbxToken } from './client.js';

export function createPbxAdapter(settings: ConnectionOf<'pbx'>, logger: Logger, cache?: CacheFactory): ConnectionAdapter {
  const token = new PbxToken({ username: settings.username, password: settings.password });
  const http = new UpstreamClient({
    ...transportOptions('pbx', settings),
    auth: headerTokenAuth('access_token', token),
    cache: cache?.forNamespace(`pbx:${settings.name}`, WHOLE_CONNECTION),
    readErrorBody: readPbxError,
    logger,
  });
  token.http = http;
  const client = new PbxClient(http, token);
  return {
    vendor: 'pbx',
    connection: settings.name,
    info: { name: settings.name, vendor: 'pbx', baseUrl: settings.baseUrl },
    requestsSent: () => http.sent,
    forRequest: () => ({ providers: new PbxProviders(client, settings.name, new RequestCache()) }),
    close: () => http.close(),
  };
}
