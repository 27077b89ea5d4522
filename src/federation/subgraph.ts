/**
 * What changes when the server runs as a subgraph: the schema (built by @apollo/subgraph from the
 * derived SDL, with `_service` and `_entities`), the connections it serves, and no inline tracing.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { MapperKind, mapSchema } from '@graphql-tools/utils';
import { print, type GraphQLSchema } from 'graphql';
import { ConfigError, type ConnectionSettings, type Settings } from '../config.js';
import { resolvers } from '../resolvers/index.js';
import { guardSchema } from '../schema.js';
import { SUBGRAPHS, type FederationSettings, type SubgraphName } from './config.js';
import { federationResolvers } from './resolvers.js';
import { publishedDocument, subgraphDocument } from './sdl.js';
import { SLICES } from './slices.js';

/**
 * The policies of the fields @apollo/subgraph adds. `_entities` reads like `node`: the guarded
 * context it hands every `__resolveReference` checks the connection and domain of each vendor
 * call, so a tenant's key resolves only its own entities. `_service` is the SDL, like introspection.
 */
const FEDERATION_FIELD_POLICIES: Record<string, { access: string }> = {
  _entities: { access: 'READ' },
  _service: { access: 'PUBLIC' },
};

/** `_entities` and `_service` with their policies; `_service` answers the published SDL. */
function federationRootFields(schema: GraphQLSchema, published: string): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.ROOT_FIELD]: (field, name) => {
      const policy = FEDERATION_FIELD_POLICIES[name];
      if (!policy) return field;
      const resolve = name === '_service' ? () => ({ sdl: published }) : field.resolve;
      return { ...field, resolve, extensions: { ...field.extensions, directives: { policy: [policy] } } };
    },
  });
}

/** The subgraph schema, every resolver (and every entity lookup) guarded like standalone's. */
export function buildSubgraph(subgraph: SubgraphName): GraphQLSchema {
  const extra = federationResolvers(subgraph);
  const merged: Record<string, unknown> = { ...resolvers };
  for (const [type, fields] of Object.entries(extra))
    merged[type] = { ...(merged[type] as object | undefined), ...fields };
  const schema = buildSubgraphSchema({ typeDefs: subgraphDocument(subgraph), resolvers: merged as never });
  return guardSchema(federationRootFields(schema, print(publishedDocument(subgraph))));
}

/** A vendor subgraph serves only its own vendors' connections, whatever else the config lists. */
export function servedConnections(settings: Pick<Settings, 'connections' | 'federation'>): ConnectionSettings[] {
  const subgraph = settings.federation?.subgraph;
  if (!subgraph || subgraph === 'sipgraph') return settings.connections;
  return settings.connections.filter((c) => SLICES[subgraph].vendors.includes(c.kind));
}

/** Inline traces are for Apollo's own router; nobody here asks for them, and they hook every field. */
export function subgraphPlugins(settings: Pick<Settings, 'federation'>): ApolloServerPlugin[] {
  return settings.federation?.subgraph ? [ApolloServerPluginInlineTraceDisabled()] : [];
}

/** Settings with `--subgraph <name>` applied, validated like the config field. */
export function withSubgraph<S extends { federation: FederationSettings }>(settings: S, name: string): S {
  if (!(SUBGRAPHS as readonly string[]).includes(name)) {
    throw new ConfigError('--subgraph', [`--subgraph: "${name}" is not one of ${SUBGRAPHS.join(', ')}`]);
  }
  return { ...settings, federation: { ...settings.federation, subgraph: name as SubgraphName } };
}
