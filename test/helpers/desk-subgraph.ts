/**
 * A small second subgraph, as another team would run one: it adds fields to sipgraph's User and
 * Device by key, and returns Users that only sipgraph can resolve (`onCall`), so the router must
 * send their representations back to sipgraph's `_entities`.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { FEDERATION_LINK } from '../../src/federation/sdl.js';
import type { RunningSubgraph } from './federation.js';

const typeDefs = parse(`
  extend schema @link(url: "${FEDERATION_LINK}", import: ["@key"])
  type User @key(fields: "id") { id: ID! desk: String }
  type Device @key(fields: "id") { id: ID! assetTag: String }
  type Query { "Users on call duty, by sipgraph id." onCall: [User!]! }
`);

export interface DeskSubgraph extends RunningSubgraph {
  /** The sipgraph user ids `onCall` returns. */
  onCall: string[];
}

/** `desk` is derived from the id, so a test can tell it came from this subgraph. */
export const deskOf = (id: string): string => `desk-${id.slice(-6)}`;

export async function startDeskSubgraph(): Promise<DeskSubgraph> {
  const received: IncomingHttpHeaders[] = [];
  const state = { onCall: [] as string[] };
  const resolvers = {
    Query: { onCall: () => state.onCall.map((id) => ({ __typename: 'User', id })) },
    User: { desk: (user: { id: string }) => deskOf(user.id) },
    Device: { assetTag: (device: { id: string }) => `asset-${device.id.slice(-6)}` },
  };
  const apollo = new ApolloServer({
    schema: buildSubgraphSchema({ typeDefs, resolvers }),
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  await apollo.start();
  const http = createServer(async (req, res) => {
    received.push(req.headers);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(key, value);
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: req.method ?? 'POST',
        headers,
        search: '',
        body: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'),
      },
      context: async () => ({}),
    });
    res.writeHead(response.status ?? 200, Object.fromEntries(response.headers));
    res.end(response.body.kind === 'complete' ? response.body.string : '');
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return {
    name: 'desk',
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}/graphql`,
    typeDefs,
    received,
    get onCall() {
      return state.onCall;
    },
    set onCall(ids: string[]) {
      state.onCall = ids;
    },
    async stop() {
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await apollo.stop();
    },
  };
}
