/** All resolvers: one file per type area, merged here with the scalars and enum mappings. */
import type { Resolvers } from '../generated/graphql.js';
import { Cidr, DateTime, Extension, MacAddress, Port } from '../scalars.js';
import { VENDOR_ENUM } from '../vendors/catalog.js';
import { accountResolvers } from './account.js';
import { deviceResolvers } from './device.js';
import { domainResolvers } from './domain.js';
import { groupResolvers } from './group.js';
import { nodeResolvers } from './node.js';
import { providerResolvers } from './provider.js';
import { queueResolvers } from './queue.js';
import { settingsResolvers } from './settings.js';
import { pageInfoResolvers } from './shared.js';
import { userResolvers } from './user.js';

const base: Resolvers = {
  MacAddress,
  Cidr,
  Extension,
  Port,
  DateTime,
  // Derived from the vendor descriptors; test/unit/catalog.test.ts checks it against the SDL enum.
  Vendor: VENDOR_ENUM as NonNullable<Resolvers['Vendor']>,
  RingStrategy: { ALL: 'all', HUNT_LONGEST_IDLE: 'huntLongestIdle' },
  OrderDirection: { ASC: 'asc', DESC: 'desc' },
  UserOrderField: {
    USER_NAME: 'userName',
    DISPLAY_NAME: 'displayName',
    EXTENSION: 'extension',
    EMAIL: 'email',
    FIRST_NAME: 'firstName',
    LAST_NAME: 'lastName',
  },
  GroupOrderField: { NAME: 'name', DISPLAY_NAME: 'displayName', EXTENSION: 'extension' },
  QueueOrderField: { NAME: 'name', DISPLAY_NAME: 'displayName', EXTENSION: 'extension' },
  DeviceOrderField: { NAME: 'name', MAC_ADDRESS: 'macAddress', CREATED_AT: 'createdAt', UPDATED_AT: 'updatedAt' },
  TrustedNetworkOrderField: { NETWORK: 'network', DESCRIPTION: 'description' },
  DeviceAssignmentOrderField: { DEVICE_NAME: 'deviceName', UPDATED_AT: 'updatedAt' },
  PageInfo: pageInfoResolvers,
};

/** Deep-merges the per-type resolver maps (Query and Mutation are shared by all of them). */
function merge(...maps: Resolvers[]): Resolvers {
  const out: Record<string, Record<string, unknown>> = {};
  for (const map of maps) {
    for (const [type, fields] of Object.entries(map)) {
      if (fields instanceof Object && !(fields.constructor?.name === 'GraphQLScalarType')) {
        out[type] = { ...(out[type] ?? {}), ...(fields as Record<string, unknown>) };
      } else {
        out[type] = fields as Record<string, unknown>;
      }
    }
  }
  return out as Resolvers;
}

export const resolvers: Resolvers = merge(
  base,
  nodeResolvers,
  domainResolvers,
  userResolvers,
  groupResolvers,
  queueResolvers,
  deviceResolvers,
  providerResolvers,
  accountResolvers,
  settingsResolvers,
);
