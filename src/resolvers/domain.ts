import { encodeId } from '../ids.js';
import type { DomainModel, TrustedNetworkModel } from '../model.js';
import type { Resolvers } from '../generated/graphql.js';
import { withUserRelations } from './ahead.js';
import { gatherFromEach } from './partial.js';
import {
  connectionResolvers,
  defined,
  emptyPage,
  portRef,
  existing,
  pageRequest,
  selectedFields,
  selectsPath,
  sortKeys,
  type NodeLoader,
  patchOf,
} from './shared.js';

export const domainId = (d: DomainModel): string => encodeId('Domain', d.vendor, d.connection, [d.domainId]);
const trustedNetworkId = (t: TrustedNetworkModel): string =>
  encodeId('TrustedNetwork', t.vendor, t.connection, [t.domainId, t.networkId]);

/** A domain's lists, and the fields `Query.domain` answers without its row (src/explain/models.ts predicts the same). */
export const DOMAIN_LIST_FIELDS = new Set(['users', 'groups', 'queues', 'devices', 'trustedNetworks']);
export const DOMAIN_ROW_FREE_FIELDS = new Set(['__typename', 'id', 'vendor', 'connection', ...DOMAIN_LIST_FIELDS]);

function domainStub(vendor: DomainModel['vendor'], connection: string, domainId: string): DomainModel {
  return {
    vendor,
    connection,
    domainId,
    name: domainId,
    displayName: null,
    callRecording: null,
    registrar: null,
    createdAt: null,
    updatedAt: null,
  };
}

export const nodeLoaders: Record<string, NodeLoader> = {
  Domain: (ctx, id) => ctx.source('directory', id.connection).domain(id.key[0]!),
  TrustedNetwork: (ctx, id) => ctx.source('trustedNetworks', id.connection).trustedNetwork(id.key[0]!, id.key[1]!),
};

export const domainResolvers: Resolvers = {
  Query: {
    domains: (_, { vendor, connection }, ctx) =>
      gatherFromEach(
        ctx.sources('directory', { vendor: vendor ?? undefined, connection: connection ?? undefined }),
        (d) => d.domains(),
      ) as never,
    domain: (_, { id }, ctx, info) => {
      const { source: directory, key, id: gid } = portRef(ctx, 'directory', 'Domain', id);
      // Asked only for its lists, the domain row is not needed: its list calls answer 404 (NOT_FOUND) for an unknown domain.
      const fields = selectedFields(info);
      if ([...fields].every((f) => DOMAIN_ROW_FREE_FIELDS.has(f)) && [...fields].some((f) => DOMAIN_LIST_FIELDS.has(f)))
        return domainStub(gid.vendor, gid.connection, key[0]!);
      return existing(directory.domain(key[0]!), 'domain', id);
    },
    trustedNetwork: (_, { id }, ctx) => {
      const { source: networks, key } = portRef(ctx, 'trustedNetworks', 'TrustedNetwork', id);
      return existing(networks.trustedNetwork(key[0]!, key[1]!), 'trusted network', id);
    },
  },
  Mutation: {
    updateDomain: (_, { id, input }, ctx) => {
      const { source: directory, key } = portRef(ctx, 'directory', 'Domain', id);
      return directory.updateDomain(key[0]!, patchOf(input));
    },
    createTrustedNetwork: async (_, { input }, ctx) => {
      const { source: networks, key } = portRef(ctx, 'trustedNetworks', 'Domain', input.domainId, 'domainId');
      return networks.createTrustedNetwork(
        key[0]!,
        defined({ network: input.network, description: input.description }),
      );
    },
    updateTrustedNetwork: (_, { id, input }, ctx) => {
      const { source: networks, key } = portRef(ctx, 'trustedNetworks', 'TrustedNetwork', id);
      return networks.updateTrustedNetwork(key[0]!, key[1]!, patchOf(input));
    },
    deleteTrustedNetwork: async (_, { id }, ctx) => {
      const { source: networks, key } = portRef(ctx, 'trustedNetworks', 'TrustedNetwork', id);
      await networks.deleteTrustedNetwork(key[0]!, key[1]!);
      return { deletedId: id };
    },
  },
  Domain: {
    id: domainId,
    users: (domain, { first, after, filter, orderBy }, ctx, info) => {
      const directory = ctx.source('directory', domain.connection);
      const page = pageRequest(ctx, first, after);
      // Their groups will be wanted next: a planner that will list the domain's groups can start now, in this round.
      if (selectsPath(info, ['nodes', 'groups']))
        ctx.optionalSource('groups', domain.connection)?.anticipateUserGroups(domain.domainId, page.limit);
      const users = directory.users(domain.domainId, {
        page,
        sort: sortKeys(orderBy),
        equals: defined({ userName: filter?.userName, extension: filter?.extension, email: filter?.email }),
        contains: defined({ displayName: filter?.displayNameContains }),
      });
      return withUserRelations(ctx, domain.connection, info, users);
    },
    // A vendor without groups, queues, PBX devices or trusted networks has none of them: an empty list.
    groups: (domain, { first, after, filter, orderBy }, ctx) => {
      const page = pageRequest(ctx, first, after);
      const options = {
        page,
        sort: sortKeys(orderBy),
        equals: defined({ name: filter?.name, extension: filter?.extension }),
      };
      return ctx.optionalSource('groups', domain.connection)?.groups(domain.domainId, options) ?? emptyPage(page);
    },
    queues: (domain, { first, after, filter, orderBy }, ctx) => {
      const page = pageRequest(ctx, first, after);
      const options = {
        page,
        sort: sortKeys(orderBy),
        equals: defined({ name: filter?.name, extension: filter?.extension }),
      };
      return ctx.optionalSource('queues', domain.connection)?.queues(domain.domainId, options) ?? emptyPage(page);
    },
    devices: (domain, { first, after, filter, orderBy }, ctx) => {
      const userId = filter?.userId
        ? portRef(ctx, 'directory', 'User', filter.userId, 'filter.userId').key[1]
        : undefined;
      const page = pageRequest(ctx, first, after);
      const options = {
        page,
        sort: sortKeys(orderBy),
        equals: defined({ macAddress: filter?.macAddress, userId }),
        contains: defined({ name: filter?.nameContains }),
      };
      return ctx.optionalSource('pbxDevices', domain.connection)?.devices(domain.domainId, options) ?? emptyPage(page);
    },
    trustedNetworks: (domain, { first, after, orderBy }, ctx) => {
      const page = pageRequest(ctx, first, after);
      const networks = ctx.optionalSource('trustedNetworks', domain.connection);
      return networks?.trustedNetworks(domain.domainId, { page, sort: sortKeys(orderBy) }) ?? emptyPage(page);
    },
  },
  TrustedNetwork: {
    id: trustedNetworkId,
    domain: (network, _, ctx) =>
      existing(ctx.source('directory', network.connection).domain(network.domainId), 'domain', network.domainId),
  },
  TrustedNetworkConnection: connectionResolvers,
};
