/**
 * Hive Gateway configuration for a supergraph with sipgraph in it (docs/federation.md):
 * `hive-gateway supergraph supergraph.graphql -c config/gateway.config.ts`. The router
 * authenticates nobody itself: it forwards the client's credential headers, and every sipgraph
 * subgraph checks them as it would without a router. Nothing is reported anywhere (no usage
 * reporting or telemetry is configured). Plain object, no import: Hive's `defineConfig` is the
 * identity, and its types would leak fetch globals into this project's typecheck.
 */

/** The headers sipgraph authenticates with; the router passes them on untouched. */
export const CREDENTIAL_HEADERS = ['authorization', 'x-api-key'] as const;

export const gatewayConfig = {
  propagateHeaders: {
    fromClientToSubgraphs: ({ request }: { request: Request }): Record<string, string | null> =>
      Object.fromEntries(CREDENTIAL_HEADERS.map((name) => [name, request.headers.get(name)])),
  },
  landingPage: false,
};
