/**
 * Federation over real sockets: sipgraph subgraphs on free loopback ports, their SDL composed
 * with @apollo/composition, and Hive Gateway routing over them: @graphql-hive/gateway-runtime,
 * the engine the `hive-gateway` CLI runs, with the documented config/gateway.config.ts.
 */
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { composeServices } from '@apollo/composition';
import type { DocumentNode } from 'graphql';
import { gatewayConfig } from '../../config/gateway.config.js';
import type { Settings } from '../../src/config.js';
import type { SubgraphName } from '../../src/federation/config.js';
import { publishedDocument } from '../../src/federation/sdl.js';
import type { GatewayServer } from '../../src/server.js';
import { startGateway, type GraphQLResponse } from './stack.js';

export interface RunningSubgraph {
  name: string;
  url: string;
  typeDefs: DocumentNode;
  /** Headers of every request the subgraph received, in order. */
  received: IncomingHttpHeaders[];
  stop(): Promise<void>;
}

/** A sipgraph process in subgraph mode, over the same emulators as the standalone one. */
export async function startSubgraph(
  settings: Settings,
  subgraph: SubgraphName,
): Promise<RunningSubgraph & { gateway: GatewayServer }> {
  const { gateway, url } = await startGateway({ ...settings, federation: { subgraph } });
  const received: IncomingHttpHeaders[] = [];
  gateway.http.on('request', (req: { headers: IncomingHttpHeaders }) => received.push(req.headers));
  return { name: subgraph, url, typeDefs: publishedDocument(subgraph), received, gateway, stop: () => gateway.stop() };
}

/** The supergraph SDL; composition must raise neither errors nor hints. */
export function compose(subgraphs: Array<Pick<RunningSubgraph, 'name' | 'url' | 'typeDefs'>>): string {
  const result = composeServices(subgraphs.map(({ name, url, typeDefs }) => ({ name, url, typeDefs })));
  assert.deepEqual(result.errors ?? [], [], String(result.errors));
  assert.deepEqual(
    (result.hints ?? []).map((h) => `${h.definition.code}: ${h.message}`),
    [],
  );
  return result.supergraphSdl!;
}

export interface Router {
  url: string;
  gql<T = any>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>>;
  stop(): Promise<void>;
}

interface GatewayRuntime {
  (req: IncomingMessage, res: ServerResponse): void;
  [Symbol.asyncDispose](): Promise<void>;
}

/** Loaded by name: Hive's type declarations would add fetch globals that clash with this project's. */
const HIVE_GATEWAY = '@graphql-hive/gateway-runtime';

export async function startRouter(supergraph: string, extra: Record<string, unknown> = {}): Promise<Router> {
  const { createGatewayRuntime } = (await import(HIVE_GATEWAY)) as {
    createGatewayRuntime(config: object): GatewayRuntime;
  };
  const runtime = createGatewayRuntime({ ...gatewayConfig, ...extra, supergraph, logging: false });
  const http = createServer(runtime);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/graphql`;
  return {
    url,
    async gql(query, variables, headers = {}) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLResponse<never>;
    },
    async stop() {
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await runtime[Symbol.asyncDispose]();
    },
  };
}
