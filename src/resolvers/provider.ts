import type { GatewayContext } from '../context.js';
import type { Resolvers } from '../generated/graphql.js';
import { badInput, notConfigured } from '../errors.js';
import { decodeIdOf, encodeId } from '../ids.js';
import type { ProviderModel } from '../model.js';
import type { ProviderSource } from '../vendors/ports.js';
import { connectionResolvers, existing, pageRequest, type NodeLoader, patchOf } from './shared.js';

const providerId = (p: ProviderModel): string => encodeId('Provider', p.vendor, p.connection, [p.providerId]);

export const nodeLoaders: Record<string, NodeLoader> = {
  Provider: (ctx, id) => ctx.source('providers', id.connection).get(id.key[0]!),
};

/** The named PBX connection, or the only one when none is named. */
function providerSource(ctx: GatewayContext, connection: string | null | undefined): ProviderSource {
  if (connection) return ctx.source('providers', connection);
  const all = ctx.sources('providers');
  if (all.length === 0) throw notConfigured('PBX (SIP trunk)');
  if (all.length > 1)
    throw badInput(
      `several PBX connections are configured (${all.map((s) => s.connection).join(', ')}): name one with connection`,
      'connection',
    );
  return all[0]!;
}

function providerRef(ctx: GatewayContext, id: string) {
  const gid = decodeIdOf('Provider', id, 'id', ctx.connectionVendors);
  return { source: ctx.source('providers', gid.connection), key: gid.key[0]! };
}

export const providerResolvers: Resolvers = {
  Query: {
    providers: (_, { connection, first, after, sortBy }, ctx) =>
      providerSource(ctx, connection).list({ page: pageRequest(ctx, first, after), sortBy: sortBy ?? 'DEFAULT' }),
    provider: (_, { id }, ctx) => {
      const { source, key } = providerRef(ctx, id);
      return existing(source.get(key), 'provider', id);
    },
  },
  Mutation: {
    createProvider: (_, { input }, ctx) => {
      const { connection, ...fields } = input;
      return providerSource(ctx, connection).create({
        ...fields,
        outboundServer: fields.outboundServer ?? null,
        outboundServerPort: fields.outboundServerPort ?? null,
        status: fields.status ?? 'ONLINE',
        providerInLan: fields.providerInLan ?? false,
        singleViaHeader: fields.singleViaHeader ?? false,
        ips: fields.ips ?? [],
        inParameters: fields.inParameters ?? [],
        outParameters: fields.outParameters ?? [],
      });
    },
    updateProvider: (_, { id, input }, ctx) => {
      const { source, key } = providerRef(ctx, id);
      return source.update(key, patchOf(input));
    },
    deleteProvider: async (_, { id }, ctx) => {
      const { source, key } = providerRef(ctx, id);
      await source.delete(key);
      return { deletedId: id };
    },
  },
  Provider: { id: providerId },
  ProviderConnection: connectionResolvers,
};
