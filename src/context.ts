/**
 * The per-request context. Creating one is cheap: vendor sources (and their DataLoaders) are made
 * lazily, the first time a resolver asks for a connection, and live only for this request.
 */
import type { Principal } from './auth/principal.js';
import { ErrorCode, GatewayError } from './errors.js';
import type { Settings } from './config.js';
import type { ChangeRunner } from './durability/saga.js';
import { withFields, type Logger } from './log.js';
import type { ConnectionInfo, VendorKind } from './model.js';
import type { RequestScope } from './request-scope.js';
import type { ConnectionAdapter, RequestSources } from './vendors/ports.js';

export type PortName = keyof RequestSources;

export interface GatewayContext {
  requestId: string;
  /** Who is calling; decided by authentication before execution. */
  principal: Principal;
  /** The request's deadline, signal and counts, which every vendor call of this context carries. */
  scope: RequestScope;
  /** The vendor of each configured connection, so a decoded id's vendor can be checked against it. */
  connectionVendors: ReadonlyMap<string, VendorKind>;
  /** The server's logger, every line with this request's id. */
  log: Logger;
  limits: Settings['limits'];
  connections: ConnectionInfo[];
  /** Journaled multi-step changes (sagas): begin one, or read one back. */
  changes: ChangeRunner;
  /** The `port` of one connection for this request; throws NOT_CONFIGURED / NOT_SUPPORTED. */
  source<P extends PortName>(port: P, connection: string): NonNullable<RequestSources[P]>;
  /** The `port` of one connection, or undefined if its vendor lacks it (a relation it truly has none of). */
  optionalSource<P extends PortName>(port: P, connection: string): RequestSources[P];
  /** The `port` of every connection that has it, optionally of one vendor or connection. */
  sources<P extends PortName>(
    port: P,
    filter?: { vendor?: VendorKind; connection?: string },
  ): Array<NonNullable<RequestSources[P]>>;
}

const PORT_NOUN: Record<PortName, string> = {
  directory: 'domains and users',
  groups: 'groups',
  queues: 'queues',
  trustedNetworks: 'trusted networks',
  pbxDevices: 'PBX devices',
  providers: 'SIP trunks',
  deviceConfig: 'device SIP configuration',
  accountSettings: 'SIP account settings',
  accounts: 'SIP accounts',
};

export function createContextFactory(
  adapters: ConnectionAdapter[],
  settings: Pick<Settings, 'limits'>,
  logger: Logger,
  changes: ChangeRunner,
) {
  const byName = new Map(adapters.map((adapter) => [adapter.connection, adapter]));
  const connections = adapters.map((a) => a.info);
  const connectionVendors = new Map(adapters.map((a) => [a.connection, a.vendor]));

  return function createContext(scope: RequestScope): GatewayContext {
    const perRequest = new Map<string, RequestSources>();
    const sourcesOf = (adapter: ConnectionAdapter): RequestSources => {
      let sources = perRequest.get(adapter.connection);
      if (!sources) {
        sources = adapter.forRequest(scope);
        perRequest.set(adapter.connection, sources);
      }
      return sources;
    };
    const adapterNamed = (connection: string): ConnectionAdapter => {
      const adapter = byName.get(connection);
      if (!adapter)
        throw new GatewayError(ErrorCode.NotConfigured, `no connection named "${connection}" is configured`, {
          connection,
        });
      return adapter;
    };
    return {
      requestId: scope.requestId,
      principal: scope.principal,
      scope,
      connectionVendors,
      log: withFields(logger, { requestId: scope.requestId }),
      limits: settings.limits,
      connections,
      changes,
      optionalSource(port, connection) {
        return sourcesOf(adapterNamed(connection))[port];
      },
      source(port, connection) {
        const adapter = adapterNamed(connection);
        const source = sourcesOf(adapter)[port];
        if (!source) {
          throw new GatewayError(
            ErrorCode.NotSupported,
            `connection "${connection}" (${adapter.vendor}) has no ${PORT_NOUN[port]}`,
            { connection, vendor: adapter.vendor },
          );
        }
        return source as NonNullable<RequestSources[typeof port]>;
      },
      sources(port, filter = {}) {
        return adapters
          .filter(
            (a) =>
              (!filter.vendor || a.vendor === filter.vendor) &&
              (!filter.connection || a.connection === filter.connection),
          )
          .map((a) => sourcesOf(a)[port])
          .filter((s): s is NonNullable<typeof s> => s !== undefined) as Array<
          NonNullable<RequestSources[typeof port]>
        >;
      },
    };
  };
}
