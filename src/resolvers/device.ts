import type { Resolvers } from '../generated/graphql.js';
import { badInput } from '../errors.js';
import { encodeId } from '../ids.js';
import type { DeviceModel } from '../model.js';
import { withCompensation } from '../workflows.js';
import { connectionResolvers, directoryRef, existing, type NodeLoader, patchOf } from './shared.js';

export const deviceId = (d: Pick<DeviceModel, 'vendor' | 'connection' | 'domainId' | 'deviceId'>): string =>
  encodeId('Device', d.vendor, d.connection, [d.domainId, d.deviceId]);

export const nodeLoaders: Record<string, NodeLoader> = {
  Device: (ctx, id) => ctx.source('directory', id.connection).device(id.key[0]!, id.key[1]!),
};

export const deviceResolvers: Resolvers = {
  Query: {
    device: (_, { id }, ctx) => {
      const { directory, key } = directoryRef(ctx, 'Device', id);
      return existing(directory.device(key[0]!, key[1]!), 'device', id);
    },
    deviceAssignment: (_, { userId, deviceId: device }, ctx) => {
      const user = directoryRef(ctx, 'User', userId, 'userId');
      const dev = directoryRef(ctx, 'Device', device, 'deviceId');
      return existing(user.directory.deviceAssignment(user.key[0]!, user.key[1]!, dev.key[1]!), 'device assignment', device);
    },
  },
  Mutation: {
    createDevice: async (_, { input }, ctx) => {
      const { directory, key } = directoryRef(ctx, 'Domain', input.domainId, 'input.domainId');
      const domainKey = key[0]!;
      const owner = input.userId ? directoryRef(ctx, 'User', input.userId, 'input.userId') : undefined;
      if (owner && (owner.key[0] !== domainKey || owner.id.connection !== directory.connection)) {
        throw badInput('input.userId: the user must be in the device\'s domain', 'input.userId');
      }
      const create = () => directory.createDevice(domainKey, { name: input.name, macAddress: input.macAddress });
      if (!owner) return create();
      return withCompensation(
        { name: `create device ${input.macAddress}`, run: create, undo: (device) => directory.deleteDevice(domainKey, device.deviceId) },
        async (device) => {
          await directory.assignDevice(domainKey, owner.key[1]!, device.deviceId);
          return existing(directory.device(domainKey, device.deviceId), 'device', device.deviceId);
        },
        ctx.log,
      );
    },
    updateDevice: (_, { id, input }, ctx) => {
      const { directory, key } = directoryRef(ctx, 'Device', id);
      return directory.updateDevice(key[0]!, key[1]!, patchOf(input));
    },
    deleteDevice: async (_, { id }, ctx) => {
      const { directory, key } = directoryRef(ctx, 'Device', id);
      await directory.deleteDevice(key[0]!, key[1]!);
      return { deletedId: id };
    },
    assignDevice: (_, { userId, deviceId: device }, ctx) => {
      const user = directoryRef(ctx, 'User', userId, 'userId');
      const dev = directoryRef(ctx, 'Device', device, 'deviceId');
      if (dev.key[0] !== user.key[0] || dev.id.connection !== user.id.connection) throw badInput('deviceId: the device must be in the user\'s domain', 'deviceId');
      return user.directory.assignDevice(user.key[0]!, user.key[1]!, dev.key[1]!);
    },
    unassignDevice: async (_, { userId, deviceId: device }, ctx) => {
      const user = directoryRef(ctx, 'User', userId, 'userId');
      const dev = directoryRef(ctx, 'Device', device, 'deviceId');
      await user.directory.unassignDevice(user.key[0]!, user.key[1]!, dev.key[1]!);
      return existing(user.directory.device(dev.key[0]!, dev.key[1]!), 'device', device);
    },
  },
  Device: {
    id: deviceId,
    domain: (device, _, ctx) => existing(ctx.source('directory', device.connection).domain(device.domainId), 'domain', device.domainId),
    user: (device, _, ctx) => (device.userId ? ctx.source('directory', device.connection).user(device.domainId, device.userId) : null),
  },
  DeviceAssignment: {
    user: (a, _, ctx) => existing(ctx.source('directory', a.connection).user(a.domainId, a.userId), 'user', a.userId),
    device: (a, _, ctx) => existing(ctx.source('directory', a.connection).device(a.domainId, a.deviceId), 'device', a.deviceId),
  },
  DeviceAssignmentPayload: {
    assignment: (a) => a,
    provisioningToken: (a) => a.provisioningToken ?? null,
  },
  DeviceConnection: connectionResolvers,
  DeviceAssignmentConnection: connectionResolvers,
};
