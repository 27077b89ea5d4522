import type { Resolvers } from '../generated/graphql.js';
import { badInput } from '../errors.js';
import { encodeId } from '../ids.js';
import type { DeviceModel } from '../model.js';
import { createChecked, createDeviceForUser } from '../provisioning/user-changes.js';
import { connectionResolvers, portRef, existing, type NodeLoader, patchOf } from './shared.js';

export const deviceId = (d: Pick<DeviceModel, 'vendor' | 'connection' | 'domainId' | 'deviceId'>): string =>
  encodeId('Device', d.vendor, d.connection, [d.domainId, d.deviceId]);

export const nodeLoaders: Record<string, NodeLoader> = {
  Device: (ctx, id) => ctx.source('pbxDevices', id.connection).device(id.key[0]!, id.key[1]!),
};

export const deviceResolvers: Resolvers = {
  Query: {
    device: (_, { id }, ctx) => {
      const { source: devices, key } = portRef(ctx, 'pbxDevices', 'Device', id);
      return existing(devices.device(key[0]!, key[1]!), 'device', id);
    },
    deviceAssignment: (_, { userId, deviceId: device }, ctx) => {
      const user = portRef(ctx, 'pbxDevices', 'User', userId, 'userId');
      const dev = portRef(ctx, 'pbxDevices', 'Device', device, 'deviceId');
      return existing(
        user.source.deviceAssignment(user.key[0]!, user.key[1]!, dev.key[1]!),
        'device assignment',
        device,
      );
    },
  },
  Mutation: {
    createDevice: async (_, { input }, ctx) => {
      const { source: devices, key } = portRef(ctx, 'pbxDevices', 'Domain', input.domainId, 'input.domainId');
      const domainKey = key[0]!;
      const owner = input.userId ? portRef(ctx, 'directory', 'User', input.userId, 'input.userId') : undefined;
      if (owner && (owner.key[0] !== domainKey || owner.id.connection !== devices.connection)) {
        throw badInput("input.userId: the user must be in the device's domain", 'input.userId');
      }
      const fields = { name: input.name, macAddress: input.macAddress };
      if (!owner)
        return createChecked(
          ctx,
          { connection: devices.connection, domainId: domainKey },
          `device ${fields.macAddress}`,
          'directory.createDevice',
          fields,
        );
      const device = await createDeviceForUser(
        ctx,
        { connection: devices.connection, domainId: domainKey },
        fields,
        owner.key[1]!,
      );
      return existing(devices.device(domainKey, device.deviceId), 'device', device.deviceId);
    },
    updateDevice: (_, { id, input }, ctx) => {
      const { source: devices, key } = portRef(ctx, 'pbxDevices', 'Device', id);
      return devices.updateDevice(key[0]!, key[1]!, patchOf(input));
    },
    deleteDevice: async (_, { id }, ctx) => {
      const { source: devices, key } = portRef(ctx, 'pbxDevices', 'Device', id);
      await devices.deleteDevice(key[0]!, key[1]!);
      return { deletedId: id };
    },
    assignDevice: (_, { userId, deviceId: device }, ctx) => {
      const user = portRef(ctx, 'pbxDevices', 'User', userId, 'userId');
      const dev = portRef(ctx, 'pbxDevices', 'Device', device, 'deviceId');
      if (dev.key[0] !== user.key[0] || dev.id.connection !== user.id.connection)
        throw badInput("deviceId: the device must be in the user's domain", 'deviceId');
      return user.source.assignDevice(user.key[0]!, user.key[1]!, dev.key[1]!);
    },
    unassignDevice: async (_, { userId, deviceId: device }, ctx) => {
      const user = portRef(ctx, 'pbxDevices', 'User', userId, 'userId');
      const dev = portRef(ctx, 'pbxDevices', 'Device', device, 'deviceId');
      await user.source.unassignDevice(user.key[0]!, user.key[1]!, dev.key[1]!);
      return existing(user.source.device(dev.key[0]!, dev.key[1]!), 'device', device);
    },
  },
  Device: {
    id: deviceId,
    domain: (device, _, ctx) =>
      existing(ctx.source('directory', device.connection).domain(device.domainId), 'domain', device.domainId),
    user: (device, _, ctx) =>
      device.userId ? ctx.source('directory', device.connection).user(device.domainId, device.userId) : null,
  },
  DeviceAssignment: {
    user: (a, _, ctx) => existing(ctx.source('directory', a.connection).user(a.domainId, a.userId), 'user', a.userId),
    device: (a, _, ctx) =>
      existing(ctx.source('pbxDevices', a.connection).device(a.domainId, a.deviceId), 'device', a.deviceId),
  },
  DeviceAssignmentPayload: {
    assignment: (a) => a,
    provisioningToken: (a) => a.provisioningToken ?? null,
  },
  DeviceConnection: connectionResolvers,
  DeviceAssignmentConnection: connectionResolvers,
};
