/**
 * createServer(settings): the gateway as an HTTP server — GraphQL on /graphql (GraphiQL on a
 * browser GET), health on /healthz. Apollo Server runs through its HTTP integration API on
 * node:http, so the process has no web framework to configure or patch.
 */
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { createCacheFactory, type CacheStats } from './cache.js';
import type { Settings } from './config.js';
import { auditPlugin } from './auth/audit.js';
import { PROBE_PATHS } from './auth/config.js';
import { createCors } from './auth/cors.js';
import { createAuthGate } from './auth/http.js';
import type { Principal } from './auth/principal.js';
import { createContextFactory, type GatewayContext } from './context.js';
import { createDurability } from './durability/index.js';
import { recoverChanges } from './durability/recovery.js';
import { REQUEST_ID_HEADER, requestIdFrom } from './request-id.js';
import { requestDeadline, type RequestScope } from './request-scope.js';
import { formatError } from './error-format.js';
import { ErrorCode } from './errors.js';
import { NO_SUCH_PATH, refuse, withRequestId } from './http-refusal.js';
import { buildSubgraph, servedConnections, subgraphPlugins } from './federation/subgraph.js';
import { GRAPHIQL_ASSET_PREFIX, graphiqlAsset, graphiqlPage } from './graphiql.js';
import { createLogger, type Logger } from './log.js';
import { graphqlMetricsPlugin } from './observability/graphql-metrics.js';
import { onBreakerChange } from './http/transport.js';
import {
  graphqlInFlight,
  recordBreakerState,
  registry as metricsRegistry,
  scrapeMetrics,
  watchCache,
} from './observability/metrics.js';
import { registerUpstreamTargets, watchUpstreamCalls } from './observability/upstream-calls.js';
import { readiness } from './observability/readiness.js';
import type { SpanExporter } from '@opentelemetry/sdk-trace-node';
import { createSharedRedis, type SharedRedis } from './redis.js';
import { buildSchema } from './schema.js';
import { apolloCache } from './shared-state/apq-cache.js';
import { loadManifest, trustedDocumentsPlugin } from './shared-state/trusted-documents.js';
import { abuseLimitsPlugin, abuseValidation } from './abuse/plugin.js';
import { createRateLimiter } from './abuse/rate.js';
import { errorHygienePlugin, hygienicError } from './abuse/error-hygiene.js';
import type { ConnectionAdapter } from './vendors/ports.js';
import { createAdapters } from './vendors/registry.js';
import { callBudgets, explainPlugin, resolvedFields } from './explain/plugin.js';
import { resolvers } from './resolvers/index.js';

const GRAPHQL_PATH = '/graphql';
const REDIS_CONNECT_WAIT_MS = 5000;
const PROBES: ReadonlySet<string> = new Set(PROBE_PATHS);

export interface GatewayServer {
  /** The http server; `listen` starts it. */
  readonly http: Server;
  readonly adapters: ConnectionAdapter[];
  listen(port?: number, host?: string): Promise<string>;
  /**
   * The one shutdown path: /readyz turns 503, the listener stops accepting, requests in flight
   * finish within `durability.shutdown.graceMs`, journals are flushed, then every pool closes.
   */
  stop(): Promise<void>;
  /** True once shutdown has begun: /readyz answers 503 so the load balancer stops sending. */
  readonly draining: boolean;
  /** Turns the replica unready and refuses new GraphQL requests without closing it (a preStop hook's first step). */
  startDraining(): void;
  /** The process's one Redis connection, when `redis.url` is set. */
  readonly redis: SharedRedis | undefined;
  /** Hits and misses of the cross-request cache; undefined when it is off. */
  cacheStats(): CacheStats | undefined;
}

export interface CreateServerOptions {
  logger?: Logger;
  /** Adapters to use instead of building them from settings.connections (tests). */
  adapters?: ConnectionAdapter[];
  /** Where spans go instead of OTLP, when tracing is enabled (tests). */
  spanExporter?: SpanExporter;
  /** Headers GraphiQL opens with (the demo puts its admin key there); never set in production. */
  graphiqlHeaders?: Record<string, string>;
}

function requestLogPlugin(logger: Logger): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ request, response, contextValue, errors }) {
          const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
          contextValue.log.info('graphql', {
            operation: request.operationName ?? null,
            ms: Math.round((performance.now() - started) * 10) / 10,
            errors: (errors?.length ?? 0) + (result?.errors?.length ?? 0),
          });
        },
      };
    },
  };
}

async function readBody(req: IncomingMessage, maxBytes: number): Promise<string> {
  const tooLarge = () => Object.assign(new Error('request body too large'), { status: 413 });
  if (Number(req.headers['content-length'] ?? 0) > maxBytes) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw tooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function wantsHtml(req: IncomingMessage): boolean {
  return (
    req.method === 'GET' &&
    (req.headers.accept ?? '').includes('text/html') &&
    !new URL(req.url ?? '/', 'http://x').searchParams.has('query')
  );
}

export async function createServer(settings: Settings, options: CreateServerOptions = {}): Promise<GatewayServer> {
  const logger = options.logger ?? createLogger(settings.log.level);
  const cacheRedisUrl = settings.cache.redisUrl ?? settings.redis.url;
  const cacheSettings = { ...settings.cache, redisUrl: cacheRedisUrl, keyPrefix: settings.redis.keyPrefix };
  const cache = settings.cache.enabled ? createCacheFactory(cacheSettings, logger) : undefined;
  await cache?.ready();
  const redis: SharedRedis | undefined = settings.redis.url
    ? createSharedRedis(settings.redis.url, settings.redis.keyPrefix, logger)
    : undefined;
  // Shared state must be shared from the first request on: a replica that answered before its Redis
  // connection opened would count rate limits and idempotency records in memory only.
  if (redis && !(await redis.ready(REDIS_CONNECT_WAIT_MS)))
    logger.warn('redis not reachable at start-up; continuing degraded');
  const adapters = options.adapters ?? createAdapters(servedConnections(settings), logger, cache, redis);
  const durability = createDurability(settings.durability, logger, redis);
  const createContext = createContextFactory(adapters, settings, logger, durability.changes);
  const rateLimiter = createRateLimiter(settings.limits.rate, redis);
  const { validationRules, parseOptions } = abuseValidation(settings.limits);
  const gate = await createAuthGate(settings.auth, logger, GRAPHQL_PATH);
  const http = createHttpServer();
  const tracing = settings.observability.tracing.enabled
    ? // Loaded only when enabled: the OpenTelemetry SDK and exporter are tens of MB a gateway without tracing never needs.
      (await import('./observability/tracing.js')).startTracing(settings.observability.tracing, options.spanExporter)
    : undefined;
  const trusted =
    settings.trustedDocuments.enabled && settings.trustedDocuments.manifest
      ? loadManifest(settings.trustedDocuments.manifest)
      : undefined;
  watchUpstreamCalls();
  const unwatch = [
    registerUpstreamTargets(
      adapters.map((a) => ({ vendor: a.vendor, connection: a.connection, baseUrl: a.info.baseUrl })),
    ),
    watchCache(() => cache?.stats),
    onBreakerChange(recordBreakerState),
  ];
  const cors = createCors(settings.cors ?? { origins: [], maxAgeSeconds: 600 });

  const apollo = new ApolloServer<GatewayContext>({
    schema: settings.federation?.subgraph ? buildSubgraph(settings.federation.subgraph) : buildSchema(),
    introspection: settings.server.introspection,
    includeStacktraceInErrorResponses: false,
    formatError: (formatted, error) => hygienicError(formatError(formatted, error), error),
    validationRules,
    parseOptions,
    // Persisted queries (APQ) live here: in the shared Redis, a document registered on one replica runs on all.
    cache: apolloCache(redis),
    // Cache control would hook every field; the gateway caches upstream answers itself (src/cache.ts).
    plugins: [
      errorHygienePlugin(),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      requestLogPlugin(logger),
      abuseLimitsPlugin(settings.limits, rateLimiter),
      explainPlugin(adapters, callBudgets(settings), resolvedFields(resolvers)),
      graphqlMetricsPlugin(),
      ...(tracing ? [tracing.plugin()] : []),
      ...(trusted ? [trustedDocumentsPlugin(trusted)] : []),
      auditPlugin(),
      ...durability.plugins(http),
      ...subgraphPlugins(settings),
    ],
    // main.ts owns SIGTERM/SIGINT: one shutdown path, through stop().
    stopOnTerminationSignals: false,
    logger: {
      debug: () => {},
      info: () => {},
      warn: (m) => logger.warn(String(m)),
      error: (m) => logger.error(String(m)),
    },
  });
  await apollo.start();
  if (settings.durability.journal.recoverOnStart) await recoverChanges(durability.changes, createContext, logger);

  const graphql = async (
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    requestId: string,
    principal: Principal,
  ): Promise<void> => {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const text = req.method === 'POST' ? await readBody(req, settings.limits.maxBodyBytes) : '';
    let body: unknown = text;
    if (text && (headers.get('content-type') ?? '').includes('application/json')) {
      try {
        body = JSON.parse(text);
      } catch {
        refuse(res, { status: 400, code: ErrorCode.BadRequest, message: 'request body is not valid JSON' });
        return;
      }
    }
    const { dispose, ...deadline } = requestDeadline(settings.upstream.requestTimeoutMs, res);
    const scope: RequestScope = { requestId, principal, ...deadline };
    try {
      await answer(req, res, url, headers, body, scope);
    } finally {
      dispose();
    }
  };

  const answer = async (
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    headers: HeaderMap,
    body: unknown,
    scope: RequestScope,
  ): Promise<void> => {
    const execute = () =>
      apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
        context: async () => createContext(scope),
      });
    const response = await (tracing ? tracing.runRequest(req.headers, execute) : execute());
    const outHeaders: Record<string, string> = {};
    for (const [key, value] of response.headers) outHeaders[key] = value;
    const status = response.status ?? 200;
    if (response.body.kind === 'complete') {
      // A 400 from Apollo itself never reached the plugins that add the request id to errors.
      const body = status >= 400 ? withRequestId(response.body.string, scope.requestId) : response.body.string;
      delete outHeaders['content-length'];
      res.writeHead(status, outHeaders).end(body);
      return;
    }
    res.writeHead(status, outHeaders);
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };

  http.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://gateway.invalid');
    const requestId = requestIdFrom(req.headers);
    res.setHeader(REQUEST_ID_HEADER, requestId);
    const handle = async (): Promise<void> => {
      // Probes keep answering while draining: /healthz says the process lives, /readyz that it leaves.
      if (durability.draining && !PROBES.has(url.pathname)) {
        const headers = { connection: 'close', 'retry-after': '1' };
        refuse(res, { status: 503, code: ErrorCode.ShuttingDown, message: 'shutting down', headers });
        return;
      }
      if (cors.handle(req, res)) return;
      const page = url.pathname === GRAPHQL_PATH && settings.server.graphiql && wantsHtml(req);
      const guarded = !page && gate.guards(url.pathname);
      const principal = guarded ? await gate.admit(req, res) : undefined;
      if (guarded && !principal) return;
      if (url.pathname === '/healthz') {
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ status: 'ok', connections: adapters.map((a) => a.connection) }));
      } else if (url.pathname === '/readyz') {
        const report = readiness({
          draining: durability.draining,
          redis,
          connections: adapters.map((a) => a.connection),
        });
        res
          .writeHead(report.ready ? 200 : 503, { 'content-type': 'application/json' })
          .end(JSON.stringify(report.body));
      } else if (url.pathname === '/metrics' && settings.observability.metrics.enabled) {
        res.writeHead(200, { 'content-type': metricsRegistry.contentType }).end(await scrapeMetrics());
      } else if (page) {
        res
          .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
          .end(graphiqlPage(GRAPHQL_PATH, options.graphiqlHeaders));
      } else if (url.pathname.startsWith(GRAPHIQL_ASSET_PREFIX) && settings.server.graphiql) {
        const asset = graphiqlAsset(url.pathname.slice(GRAPHIQL_ASSET_PREFIX.length));
        if (!asset) refuse(res, NO_SUCH_PATH);
        else
          res.writeHead(200, { 'content-type': asset.type, 'cache-control': 'public, max-age=86400' }).end(asset.body);
      } else if (url.pathname === GRAPHQL_PATH && principal) {
        graphqlInFlight.inc();
        await graphql(req, res, url, requestId, principal).finally(() => graphqlInFlight.dec());
      } else if (url.pathname === '/') {
        res.writeHead(302, { location: GRAPHQL_PATH }).end();
      } else {
        refuse(res, NO_SUCH_PATH);
      }
    };
    handle().catch((error: unknown) => {
      const status = (error as { status?: number }).status ?? 500;
      if (status >= 500) logger.error('request failed', { error, requestId });
      if (status !== 413) {
        refuse(res, { status, code: ErrorCode.InternalServerError, message: 'internal error' });
        return;
      }
      // The rest of a too-large body is never read, so the connection cannot carry another request.
      const tooLarge = { status, code: ErrorCode.PayloadTooLarge, message: 'request body too large' };
      refuse(res, { ...tooLarge, headers: { connection: 'close' } }, () => req.destroy());
    });
  });
  http.keepAliveTimeout = 30_000;

  return {
    http,
    adapters,
    async listen(port = settings.server.port, host = settings.server.host) {
      await new Promise<void>((resolve, reject) => {
        http.once('error', reject);
        http.listen(port, host, () => resolve());
      });
      const address = http.address() as AddressInfo;
      const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
      return `http://${shownHost}:${address.port}${GRAPHQL_PATH}`;
    },
    get draining() {
      return durability.draining;
    },
    startDraining: () => durability.startDraining(),
    redis,
    async stop() {
      durability.startDraining();
      // The drain plugin closes the listener and waits for requests in flight (up to the grace period).
      await apollo.stop();
      await durability.changes.close();
      await Promise.all(adapters.map((a) => a.close()));
      await cache?.close();
      await redis?.close();
      await tracing?.shutdown();
      unwatch.forEach((undo) => undo());
    },
    cacheStats: () => (cache ? { ...cache.stats } : undefined),
  };
}
