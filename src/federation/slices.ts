/**
 * How the schema splits into per-vendor subgraphs. Each slice serves the connections of its
 * vendors, the types and root fields declared in its schema files, and contributes the
 * cross-vendor fields below to entities another slice owns (the router joins them by `id`).
 */
import type { VendorKind } from '../model.js';
import type { SubgraphName } from './config.js';

export type VendorSlice = Exclude<SubgraphName, 'sipgraph'>;

export interface SliceSpec {
  /** The connections this subgraph serves. Infinity and Stringee both back `domains`, so they share one. */
  vendors: VendorKind[];
  /** schema/*.graphql files whose types and root fields this slice owns. */
  files: string[];
}

export const SLICES: Record<VendorSlice, SliceSpec> = {
  directory: {
    vendors: ['infinity', 'stringee'],
    files: ['domain.graphql', 'user.graphql', 'group.graphql', 'queue.graphql', 'device.graphql'],
  },
  pbx: { vendors: ['pbx'], files: ['provider.graphql'] },
  '2n': { vendors: ['2n'], files: ['account.graphql'] },
  sipthor: { vendors: ['sipthor'], files: ['settings.graphql'] },
};

/**
 * Fields one vendor adds to another vendor's entity. `requires` names what the contributing
 * subgraph needs from the owner; the router fetches it with the owner's rows, so no vendor is
 * called twice for it.
 */
export const CONTRIBUTED: Record<string, { slice: VendorSlice; requires?: string }> = {
  'Device.sipConfig': { slice: '2n', requires: 'macAddress' },
  'Account.deviceAccount': { slice: '2n' },
  'User.accounts': { slice: 'sipthor', requires: 'userName domain { name }' },
  'Account.settings': { slice: 'sipthor' },
};

/**
 * Root fields that answer for any vendor by decoding the id (`node`, `account`) or list every
 * connection: a router cannot route them to one vendor's subgraph, so vendor slices leave them out.
 */
export const WHOLE_SCHEMA_ONLY = new Set([
  'Query.node',
  'Query.nodes',
  'Query.connections',
  'Query.account',
  'Mutation._noop',
  // Sagas across every vendor, and their journal: one process must hold all the ports they use.
  'Query.change',
  'Mutation.provisionUser',
  'Mutation.deprovisionUser',
]);

/**
 * In a supergraph, `node`/`nodes`/`connections` would collide with other subgraphs' Relay
 * fields, and `@shareable` would let the router send any id to either subgraph. The sipgraph
 * subgraph serves them under its own prefix instead.
 */
export const RENAMED_IN_SUBGRAPH: Record<string, string> = {
  node: 'sipgraphNode',
  nodes: 'sipgraphNodes',
  connections: 'sipgraphConnections',
};

/** Value types several subgraphs define identically (and a company supergraph often has a PageInfo too). */
export const SHAREABLE_TYPES = new Set(['PageInfo', 'Deletion']);

export function sliceOfVendor(vendor: VendorKind): VendorSlice {
  const found = (Object.entries(SLICES) as Array<[VendorSlice, SliceSpec]>).find(([, spec]) =>
    spec.vendors.includes(vendor),
  );
  if (!found) throw new Error(`no subgraph serves vendor ${vendor}`);
  return found[0];
}
