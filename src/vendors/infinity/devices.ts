/**
 * Infinity PBX devices and their assignment to users for one request (PbxDevicePort). The devices
 * of many users come from ONE domain-wide list split by user here, never one call per user.
 */
import { ErrorCode, GatewayError } from '../../errors.js';
import type { DeviceAssignmentModel, DeviceModel, Page } from '../../model.js';
import type { DeviceAssignmentField, DeviceField, DeviceInput, ListOptions, PbxDevicePort } from '../ports.js';
import { refuseUnclearable, withoutNulls, type Patch } from '../patch.js';
import { readBack } from '../shared/read-back.js';
import { appendTo, idsByDomain, joinKey, splitKey, type Keyed, type RequestCache } from '../shared/request-cache.js';
import type { ListCounts } from '../shared/call-profile.js';
import type { InfinityClient, ListQuery } from './client.js';
import * as map from './map.js';
import { containsFilters, pageContaining, toListQuery, toPage } from './params.js';
import { LIST_FIELDS, str } from './wire.js';

/** Rows fetched per call when the gateway needs a domain-wide device list. */
const FULL_LIST_PAGE = 1000;

export class InfinityDevices implements PbxDevicePort {
  readonly vendor = 'infinity' as const;
  private readonly deviceById: Keyed<DeviceModel | null>;
  private readonly devicesOfUser: Keyed<DeviceModel[]>;

  constructor(
    private readonly client: InfinityClient,
    readonly connection: string,
    private readonly cache: RequestCache,
    private readonly counts: ListCounts,
  ) {
    this.deviceById = cache.keyed(async (key) => {
      const [domainId, deviceId] = splitKey(key);
      const row = await client.readDevice(domainId, deviceId);
      return row ? map.toDevice(connection, domainId, row) : null;
    });
    // One user: the domain list filtered on that user. Several users of a domain: the whole list.
    this.devicesOfUser = cache.batched(async (keys) => {
      const found = new Map<string, DeviceModel[]>();
      await Promise.all(
        [...idsByDomain(keys)].map(async ([domainId, users]) => {
          const devices = await this.listAll(domainId, users.length === 1 ? [['userId', 'eq', users[0]!]] : []);
          for (const device of devices) {
            this.deviceById.prime(joinKey(domainId, device.deviceId), device);
            if (device.userId) appendTo(found, joinKey(domainId, device.userId), device);
          }
        }),
      );
      return keys.map((key) => found.get(key) ?? []);
    });
  }

  devices(domainId: string, options: ListOptions<DeviceField>): Promise<Page<DeviceModel>> {
    return this.cache.once(`devices:${domainId}:${JSON.stringify(options)}`, async () => {
      const list = async (query: ListQuery) => {
        const devices = (await this.client.listDevices(domainId, query)).map((row) =>
          map.toDevice(this.connection, domainId, row),
        );
        for (const device of devices) this.deviceById.prime(joinKey(domainId, device.deviceId), device);
        return devices;
      };
      if (containsFilters(options).length > 0) return pageContaining(LIST_FIELDS.device, options, list);
      return toPage(await list(toListQuery(LIST_FIELDS.device, options)), options);
    });
  }

  device(domainId: string, deviceId: string): Promise<DeviceModel | null> {
    return this.deviceById.load(joinKey(domainId, deviceId));
  }

  userDevices(domainId: string, userId: string): DeviceModel[] | Promise<DeviceModel[]> {
    return this.devicesOfUser.ask(joinKey(domainId, userId));
  }

  loadUserDevices(domainId: string, userIds: readonly string[]): Promise<void> {
    return this.devicesOfUser.loadAhead(userIds.map((userId) => joinKey(domainId, userId)));
  }

  async createDevice(domainId: string, input: DeviceInput): Promise<DeviceModel> {
    const fields = { pbxDeviceName: input.name, deviceMacAddress: input.macAddress };
    const deviceId = await this.cache.write(() => this.client.createDevice(domainId, fields));
    return readBack(this, this.device(domainId, deviceId), 'device', deviceId);
  }

  async updateDevice(domainId: string, deviceId: string, patch: Patch<DeviceInput>): Promise<DeviceModel> {
    if (patch.macAddress !== undefined) {
      throw new GatewayError(
        ErrorCode.NotSupported,
        'Infinity cannot change the MAC address of a PBX device: delete it and create it anew',
        {
          field: 'macAddress',
        },
      );
    }
    refuseUnclearable(patch, [], 'Infinity');
    await this.cache.write(() =>
      this.client.updateDevice(domainId, deviceId, { pbxDeviceName: withoutNulls(patch).name }),
    );
    return readBack(this, this.device(domainId, deviceId), 'device', deviceId);
  }

  deleteDevice(domainId: string, deviceId: string): Promise<void> {
    return this.cache.write(() => this.client.deleteDevice(domainId, deviceId));
  }

  deviceAssignments(
    domainId: string,
    userId: string,
    options: ListOptions<DeviceAssignmentField>,
  ): Promise<Page<DeviceAssignmentModel>> {
    return this.cache.once(`deviceAssignments:${domainId}:${userId}:${JSON.stringify(options)}`, async () => {
      const rows = await this.client.listUserDevices(domainId, userId, toListQuery(LIST_FIELDS.userDevice, options));
      return toPage(
        rows.map((row) => map.toDeviceAssignment(this.connection, domainId, row)),
        options,
      );
    });
  }

  deviceAssignment(domainId: string, userId: string, deviceId: string): Promise<DeviceAssignmentModel | null> {
    return this.cache.once(`deviceAssignment:${domainId}:${userId}:${deviceId}`, async () => {
      const row = await this.client.readUserDevice(domainId, userId, deviceId);
      return row ? map.toDeviceAssignment(this.connection, domainId, row) : null;
    });
  }

  async assignDevice(domainId: string, userId: string, deviceId: string): Promise<DeviceAssignmentModel> {
    const created = await this.cache.write(() => this.client.createUserDevice(domainId, userId, deviceId));
    const assignment = await readBack(
      this,
      this.deviceAssignment(domainId, userId, deviceId),
      'device assignment',
      deviceId,
    );
    return { ...assignment, provisioningToken: str(created.pbxDeviceToken) || null };
  }

  unassignDevice(domainId: string, userId: string, deviceId: string): Promise<void> {
    return this.cache.write(() => this.client.deleteUserDevice(domainId, userId, deviceId));
  }

  private async listAll(domainId: string, filters: Array<[string, string, string]>): Promise<DeviceModel[]> {
    const devices: DeviceModel[] = [];
    for (let offset = 0; ; offset += FULL_LIST_PAGE) {
      const rows = await this.client.listDevices(domainId, { filters, limit: FULL_LIST_PAGE, offset });
      devices.push(...rows.map((row) => map.toDevice(this.connection, domainId, row)));
      if (rows.length < FULL_LIST_PAGE) {
        if (filters.length === 0) this.counts.record('devices', domainId, devices.length);
        return devices;
      }
    }
  }
}
