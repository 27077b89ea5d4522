import { GraphQLError } from 'graphql';
import type { GatewayContext } from '../context.js';
import type { Resolvers, ResolversInterfaceTypes } from '../generated/graphql.js';
import { notFound } from '../errors.js';
import { decodeId } from '../ids.js';
import { nodeLoaders as accountNodes } from './account.js';
import { nodeLoaders as deviceNodes } from './device.js';
import { nodeLoaders as domainNodes } from './domain.js';
import { nodeLoaders as groupNodes } from './group.js';
import { nodeLoaders as providerNodes } from './provider.js';
import { nodeLoaders as queueNodes } from './queue.js';
import { NODE_TYPE, asNode, badNodeType, type NodeLoader } from './shared.js';
import { nodeLoaders as userNodes } from './user.js';

export const NODE_LOADERS: Record<string, NodeLoader> = {
  ...domainNodes,
  ...userNodes,
  ...groupNodes,
  ...queueNodes,
  ...deviceNodes,
  ...providerNodes,
  ...accountNodes,
};

type NodeModel = ResolversInterfaceTypes<Record<string, never>>['Node'];

async function loadNode(ctx: GatewayContext, id: string): Promise<NodeModel> {
  const gid = decodeId(id, 'id', ctx.connectionVendors);
  const load = NODE_LOADERS[gid.type];
  if (!load) throw badNodeType(gid.type);
  const found = asNode(gid.type, await load(ctx, gid));
  if (!found) throw notFound(gid.type, id);
  return found as unknown as NodeModel;
}

export const nodeResolvers: Resolvers = {
  Query: {
    node: (_, { id }, ctx) => loadNode(ctx, id),
    // A missing id yields null at its position plus an error, not a failed list.
    nodes: (_, { ids }, ctx) =>
      Promise.all(
        ids.map((id) => loadNode(ctx, id).catch((error: unknown) => error as GraphQLError as unknown as NodeModel)),
      ),
    connections: (_, __, ctx) => ctx.connections,
  },
  Node: {
    __resolveType: (node) => (node as { [NODE_TYPE]?: string })[NODE_TYPE] as never,
  },
};
