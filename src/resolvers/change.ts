/** change(id:), provisionUser and deprovisionUser: ids → plain values → src/provisioning. */
import type { Resolvers } from '../generated/graphql.js';
import { badInput } from '../errors.js';
import { deprovisionUser, provisionUser } from '../provisioning/provision.js';
import { portRef } from './shared.js';

/** A Stringee project given by its Domain id. */
function sipPhoneRef(ctx: Parameters<typeof portRef>[0], id: string | null | undefined) {
  if (!id) return undefined;
  const ref = portRef(ctx, 'directory', 'Domain', id, 'input.sipPhoneDomainId');
  if (ref.id.vendor !== 'stringee')
    throw badInput('input.sipPhoneDomainId: must be a Stringee project', 'input.sipPhoneDomainId');
  return { connection: ref.id.connection, domainId: ref.key[0]! };
}

export const changeResolvers: Resolvers = {
  Query: {
    change: async (_, { id }, ctx) => {
      const change = await ctx.changes.change(id);
      // Another principal's change does not exist for this caller.
      return change && (change.principal === ctx.principal.id || ctx.principal.admin) ? change : null;
    },
  },
  Mutation: {
    provisionUser: async (_, { input }, ctx) => {
      const { source: directory, key } = portRef(ctx, 'directory', 'Domain', input.domainId, 'input.domainId');
      const sameDomain = (ref: { id: { connection: string }; key: string[] }) =>
        ref.id.connection === directory.connection && ref.key[0] === key[0];
      const groups = (input.groupIds ?? []).map((id) => portRef(ctx, 'groups', 'Group', id, 'input.groupIds'));
      if (!groups.every(sameDomain))
        throw badInput("input.groupIds: every group must be in the user's domain", 'input.groupIds');
      let device: { deviceId: string } | { name: string; macAddress: string } | undefined;
      if (input.device?.deviceId) {
        const ref = portRef(ctx, 'pbxDevices', 'Device', input.device.deviceId, 'input.device.deviceId');
        if (!sameDomain(ref))
          throw badInput("input.device.deviceId: the device must be in the user's domain", 'input.device.deviceId');
        device = { deviceId: ref.key[1]! };
      } else if (input.device) {
        if (!input.device.name || !input.device.macAddress)
          throw badInput('input.device: give deviceId, or name and macAddress', 'input.device');
        device = { name: input.device.name, macAddress: input.device.macAddress };
      }
      const { domainId: _d, groupIds: _g, device: _dev, sipPhoneDomainId, ...user } = input;
      return provisionUser(ctx, {
        connection: directory.connection,
        domainId: key[0]!,
        user: { ...user, email: user.email ?? undefined },
        groupIds: groups.map((g) => g.key[1]!),
        device,
        sipPhone: sipPhoneRef(ctx, sipPhoneDomainId),
      });
    },
    deprovisionUser: (_, { input }, ctx) => {
      const { source: directory, key } = portRef(ctx, 'directory', 'User', input.userId, 'input.userId');
      return deprovisionUser(ctx, {
        connection: directory.connection,
        domainId: key[0]!,
        userId: key[1]!,
        deleteDevices: input.deleteDevices ?? false,
        sipPhone: sipPhoneRef(ctx, input.sipPhoneDomainId),
      });
    },
  },
  ProvisioningPayload: {
    ok: (result) => result.change.status === 'COMPLETED',
  },
};
