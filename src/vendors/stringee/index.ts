/** The Stringee SIP phone adapter: a project is a Domain, a phone a User with one Account. */
import { WHOLE_CONNECTION, type CacheFactory } from '../../cache.js';
import { headerTokenAuth } from '../../http/auth.js';
import { UpstreamClient, transportOptions } from '../../http/client.js';
import type { Logger } from '../../log.js';
import { NUMERIC } from '../shared/key-shapes.js';
import { defineVendor, type SettingsOf } from '../descriptor.js';
import { stringeeSettings } from './settings.js';
import type { ConnectionAdapter } from '../ports.js';
import { StringeeClient, StringeeToken, readStringeeError } from './client.js';
import { ListCounts } from '../shared/call-profile.js';
import { RequestCache } from '../shared/request-cache.js';
import { StringeeAccounts } from './accounts.js';
import { StringeeDirectory } from './directory.js';

export { StringeeClient, StringeeToken } from './client.js';

export function createStringeeAdapter(
  settings: SettingsOf<typeof stringeeSettings>,
  logger: Logger,
  cache?: CacheFactory,
): ConnectionAdapter {
  const token = new StringeeToken({
    apiKeySid: settings.apiKeySid,
    apiKeySecret: settings.apiKeySecret,
    tokenTtlSeconds: settings.tokenTtlSeconds,
  });
  const http = new UpstreamClient({
    ...transportOptions('stringee', settings),
    auth: headerTokenAuth('x-stringee-auth', token),
    cache: cache?.forNamespace(`stringee:${settings.name}`, WHOLE_CONNECTION),
    readErrorBody: readStringeeError,
    logger,
  });
  const project = { connection: settings.name, projectId: settings.projectId, registrar: settings.registrar };
  return {
    vendor: 'stringee',
    connection: settings.name,
    info: { name: settings.name, vendor: 'stringee', baseUrl: settings.baseUrl },
    requestsSent: () => http.sent,
    // The project is the one domain; every read is its phone list, listed once per request (directory.ts).
    counts: ListCounts.ofDomains([project.projectId]),
    callProfile: {
      domains: () => [],
      domain: () => [],
      users: () => ['phones'],
      usersById: () => ['phones'],
      accounts: () => ['phones'],
    },
    forRequest: (scope) => {
      const directory = new StringeeDirectory(
        new StringeeClient(http.forRequest(scope)),
        project,
        new RequestCache(),
        logger,
      );
      return { directory, accounts: new StringeeAccounts(directory, project) };
    },
    close: () => http.close(),
  };
}

/** Stringee usernames as its API accepts them: 1–32 of A-Z a-z 0-9 . _ - (docs/vendors.md). */
const STRINGEE_USERNAME = /^[A-Za-z0-9._-]{1,32}$/;

/** The stringee vendor as the core sees it: listed once in src/vendors/catalog.ts. */
export const stringee = defineVendor({
  kind: 'stringee',
  publicName: 'STRINGEE',
  settings: stringeeSettings,
  ports: ['directory', 'accounts'],
  idKeys: { Domain: [NUMERIC], User: [NUMERIC, STRINGEE_USERNAME], Account: [STRINGEE_USERNAME] },
  maxConcurrency: 64,
  cacheScopes: WHOLE_CONNECTION,
  create: createStringeeAdapter,
});
