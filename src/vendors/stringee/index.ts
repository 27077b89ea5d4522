/** The Stringee SIP phone adapter: a project is a Domain, a phone a User with one Account. */
import { WHOLE_CONNECTION, type CacheFactory } from '../../cache.js';
import type { ConnectionOf } from '../../config.js';
import { headerTokenAuth } from '../../http/auth.js';
import { UpstreamClient, transportOptions } from '../../http/client.js';
import type { Logger } from '../../log.js';
import type { ConnectionAdapter } from '../ports.js';
import { StringeeClient, StringeeToken, readStringeeError } from './client.js';
import { RequestCache } from '../shared/request-cache.js';
import { StringeeAccounts } from './accounts.js';
import { StringeeDirectory } from './directory.js';

export { StringeeClient, StringeeToken } from './client.js';

export function createStringeeAdapter(settings: ConnectionOf<'stringee'>, logger: Logger, cache?: CacheFactory): ConnectionAdapter {
  const token = new StringeeToken({ apiKeySid: settings.apiKeySid, apiKeySecret: settings.apiKeySecret, tokenTtlSeconds: settings.tokenTtlSeconds });
  const http = new UpstreamClient({
    ...transportOptions('stringee', settings),
    auth: headerTokenAuth('x-stringee-auth', token),
    cache: cache?.forNamespace(`stringee:${settings.name}`, WHOLE_CONNECTION),
    readErrorBody: readStringeeError,
    logger,
  });
  const client = new StringeeClient(http);
  const project = { connection: settings.name, projectId: settings.projectId, registrar: settings.registrar };
  return {
    vendor: 'stringee',
    connection: settings.name,
    info: { name: settings.name, vendor: 'stringee', baseUrl: settings.baseUrl },
    requestsSent: () => http.sent,
    forRequest: () => {
      const directory = new StringeeDirectory(client, project, new RequestCache(), logger);
      return { directory, accounts: new StringeeAccounts(directory, project) };
    },
    close: () => http.close(),
  };
}
