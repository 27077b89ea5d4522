/** The 2N IP intercom adapter: one connection is one device. */
import { WHOLE_CONNECTION, type CacheFactory } from '../../cache.js';
import { basicAuth } from '../../http/auth.js';
import { UpstreamClient, transportOptions } from '../../http/client.js';
import { digestAuth } from '../../http/digest.js';
import type { Logger } from '../../log.js';
import { normalizeMac } from '../../net.js';
import { defineVendor, type SettingsOf } from '../descriptor.js';
import { twoNSettings } from './settings.js';
import type { ConnectionAdapter } from '../ports.js';
import { TwoNClient, readTwoNError } from './client.js';
import { RequestCache } from '../shared/request-cache.js';
import { TwoNAccounts } from './accounts.js';
import { TwoNDeviceConfig } from './device-config.js';

export { TwoNClient } from './client.js';

export function createTwoNAdapter(
  settings: SettingsOf<typeof twoNSettings>,
  logger: Logger,
  cache?: CacheFactory,
): ConnectionAdapter {
  const credentials = { username: settings.username ?? '', password: settings.password ?? '' };
  const http = new UpstreamClient({
    ...transportOptions('2n', settings),
    auth:
      settings.auth === 'digest'
        ? digestAuth(credentials)
        : settings.auth === 'basic'
          ? basicAuth(credentials.username, credentials.password)
          : undefined,
    cache: cache?.forNamespace(`2n:${settings.name}`, WHOLE_CONNECTION),
    readErrorBody: readTwoNError,
    logger,
  });

  // The MAC links a directory Device to this connection; it does not change, so it is asked once.
  let mac: Promise<string | null> | undefined = settings.macAddress
    ? Promise.resolve(normalizeMac(settings.macAddress))
    : undefined;
  let macKnown = settings.macAddress !== undefined;
  // Asked by the first request that needs it, and carried by that request (its deadline, its count).
  const macAddress = (client: TwoNClient): Promise<string | null> => {
    mac ??= client.systemInfo().then((info) => {
      macKnown = true;
      return normalizeMac(info.macAddr);
    });
    mac.catch(() => {
      mac = undefined;
      macKnown = false;
    });
    return mac;
  };

  return {
    vendor: '2n',
    connection: settings.name,
    info: { name: settings.name, vendor: '2n', baseUrl: settings.baseUrl },
    requestsSent: () => http.sent,
    // One config read and one status read per request; the MAC once per process (device-config.ts).
    callProfile: {
      deviceMac: () => (macKnown ? [] : ['mac']),
      deviceConfig: () => ['config'],
      accounts: () => ['config'],
      accountCount: () => 2,
      registrations: () => ['status'],
    },
    forRequest: (scope) => {
      const client = new TwoNClient(http.forRequest(scope));
      const device = new TwoNDeviceConfig(client, settings.name, new RequestCache(), () => macAddress(client));
      return { deviceConfig: device, accounts: new TwoNAccounts(device) };
    },
    close: () => http.close(),
  };
}

/** 2N intercoms have exactly two SIP accounts, numbered 1 and 2 (2n-phone-config.txt). */
const TWO_N_ACCOUNT = /^[12]$/;

/** The 2n vendor as the core sees it: listed once in src/vendors/catalog.ts. */
export const twoN = defineVendor({
  kind: '2n',
  publicName: 'TWO_N',
  settings: twoNSettings,
  ports: ['deviceConfig', 'accounts'],
  idKeys: { Account: [TWO_N_ACCOUNT] },
  maxConcurrency: 2,
  cacheScopes: WHOLE_CONNECTION,
  create: createTwoNAdapter,
});
