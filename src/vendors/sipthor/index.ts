/** The SIP Thor settings adapter: one connection holds many accounts, each with its own Digest credentials. */
import { WHOLE_CONNECTION, type CacheFactory } from '../../cache.js';
import { UpstreamClient, transportOptions } from '../../http/client.js';
import { DigestSession, digestAuth } from '../../http/digest.js';
import { createConnectionTransport } from '../../http/transport.js';
import type { Logger } from '../../log.js';
import { defineVendor, type SettingsOf } from '../descriptor.js';
import { sipThorSettings } from './settings.js';
import type { ConnectionAdapter } from '../ports.js';
import { SipThorClient } from './client.js';
import { RequestCache } from '../shared/request-cache.js';
import { SipThorAccountSettings } from './account-settings.js';
import { SipThorAccounts } from './accounts.js';
import { sipThorCallProfile } from './call-profile.js';

export { SipThorClient } from './client.js';

/**
 * The doc gives the API's address as `https://enrollment.sipthor.net/settings.phtml`; the client
 * adds `/settings.phtml` itself, so a base URL written either way means the same server.
 */
export function sipThorBaseUrl(baseUrl: string): string {
  return baseUrl.replace(/\/settings\.phtml\/?$/i, '').replace(/\/+$/, '');
}

export function createSipThorAdapter(
  configured: SettingsOf<typeof sipThorSettings>,
  logger: Logger,
  cache?: CacheFactory,
): ConnectionAdapter {
  const settings = { ...configured, baseUrl: sipThorBaseUrl(configured.baseUrl) };
  // One transport (pool, breaker) for the connection; each account signs its own requests over it,
  // all answering the server's one Digest challenge.
  const transport = createConnectionTransport(transportOptions('sipthor', settings));
  const digest = new DigestSession();
  const https = new Map(
    settings.accounts.map((account) => {
      const http = new UpstreamClient({
        ...transportOptions('sipthor', settings),
        auth: digestAuth({ username: account.address, password: account.password }, digest),
        logger,
        transport,
        // Each account sees its own settings: its own cache namespace.
        cache: cache?.forNamespace(`sipthor:${settings.name}:${account.address}`, WHOLE_CONNECTION),
      });
      return [account.address, http] as const;
    }),
  );
  return {
    vendor: 'sipthor',
    connection: settings.name,
    info: { name: settings.name, vendor: 'sipthor', baseUrl: settings.baseUrl },
    requestsSent: () => transport.sent,
    callProfile: sipThorCallProfile([...https.keys()]),
    forRequest: (scope) => {
      const clients = new Map(
        [...https].map(([address, http]) => [address, new SipThorClient(http.forRequest(scope), settings.realm)]),
      );
      const accountSettings = new SipThorAccountSettings(clients, settings.name, new RequestCache());
      return { accountSettings, accounts: new SipThorAccounts([...https.keys()], settings.name) };
    },
    close: () => transport.close(),
  };
}

/** SIP Thor accounts are SIP addresses `user@domain` (sipthor-settings.txt). */
const SIP_ADDRESS = /^[A-Za-z0-9._~+!$&'*=-]{1,64}@[A-Za-z0-9.-]{1,253}$/;

/** The sipthor vendor as the core sees it: listed once in src/vendors/catalog.ts. */
export const sipThor = defineVendor({
  kind: 'sipthor',
  publicName: 'SIP_THOR',
  settings: sipThorSettings,
  ports: ['accountSettings', 'accounts'],
  idKeys: { Account: [SIP_ADDRESS] },
  maxConcurrency: 8,
  cacheScopes: WHOLE_CONNECTION,
  create: createSipThorAdapter,
});
