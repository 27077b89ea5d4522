/**
 * For directory vendors that have domains and users but not Infinity's groups, queues, trusted
 * networks or PBX devices. Reads of those relations are empty (the vendor truly has none);
 * writes fail with NOT_SUPPORTED naming the vendor. Subclasses implement what their API has.
 */
import { ErrorCode, GatewayError } from '../errors.js';
import type {
  DeviceAssignmentModel,
  DeviceModel,
  DomainModel,
  GroupModel,
  Page,
  QueueMemberModel,
  QueueModel,
  TrustedNetworkModel,
  UserModel,
  VendorKind,
} from '../model.js';
import type { DirectorySource, ListOptions, Patch, UserField, UserInput } from './ports.js';

function emptyPage<T>(options: ListOptions): Page<T> {
  return { items: [], offset: options.page.offset, hasNextPage: false, totalCount: 0 };
}

export abstract class UsersOnlyDirectory implements DirectorySource {
  abstract readonly vendor: VendorKind;
  abstract readonly connection: string;

  abstract domains(): Promise<DomainModel[]>;
  abstract domain(domainId: string): Promise<DomainModel | null>;
  abstract users(domainId: string, options: ListOptions<UserField>): Promise<Page<UserModel>>;
  abstract user(domainId: string, userId: string): Promise<UserModel | null>;
  abstract createUser(domainId: string, input: UserInput): Promise<UserModel>;
  abstract updateUser(domainId: string, userId: string, input: Patch<UserInput>): Promise<UserModel>;
  abstract deleteUser(domainId: string, userId: string): Promise<void>;

  protected unsupported(what: string): Promise<never> {
    return Promise.reject(new GatewayError(ErrorCode.NotSupported, `${this.vendor} (connection "${this.connection}") has no ${what}`, { vendor: this.vendor, connection: this.connection }));
  }

  updateDomain(): Promise<DomainModel> {
    return this.unsupported('editable domain settings');
  }

  groups(_d: string, options: ListOptions): Promise<Page<GroupModel>> {
    return Promise.resolve(emptyPage(options));
  }
  group(): Promise<GroupModel | null> {
    return Promise.resolve(null);
  }
  createGroup(): Promise<GroupModel> {
    return this.unsupported('groups');
  }
  updateGroup(): Promise<GroupModel> {
    return this.unsupported('groups');
  }
  deleteGroup(): Promise<void> {
    return this.unsupported('groups');
  }
  groupUsers(): Promise<UserModel[]> {
    return Promise.resolve([]);
  }
  addGroupUsers(): Promise<void> {
    return this.unsupported('groups');
  }
  removeGroupUsers(): Promise<void> {
    return this.unsupported('groups');
  }
  userGroups(): Promise<GroupModel[]> {
    return Promise.resolve([]);
  }
  addUserGroups(): Promise<void> {
    return this.unsupported('groups');
  }

  queues(_d: string, options: ListOptions): Promise<Page<QueueModel>> {
    return Promise.resolve(emptyPage(options));
  }
  queue(): Promise<QueueModel | null> {
    return Promise.resolve(null);
  }
  createQueue(): Promise<QueueModel> {
    return this.unsupported('queues');
  }
  updateQueue(): Promise<QueueModel> {
    return this.unsupported('queues');
  }
  deleteQueue(): Promise<void> {
    return this.unsupported('queues');
  }
  queueMembers(): Promise<QueueMemberModel[]> {
    return Promise.resolve([]);
  }
  queueMember(): Promise<QueueMemberModel | null> {
    return Promise.resolve(null);
  }
  createQueueMember(): Promise<QueueMemberModel> {
    return this.unsupported('queues');
  }
  updateQueueMember(): Promise<QueueMemberModel> {
    return this.unsupported('queues');
  }
  deleteQueueMember(): Promise<void> {
    return this.unsupported('queues');
  }
  setQueueMemberOrder(): Promise<void> {
    return this.unsupported('queues');
  }

  trustedNetworks(_d: string, options: ListOptions): Promise<Page<TrustedNetworkModel>> {
    return Promise.resolve(emptyPage(options));
  }
  trustedNetwork(): Promise<TrustedNetworkModel | null> {
    return Promise.resolve(null);
  }
  createTrustedNetwork(): Promise<TrustedNetworkModel> {
    return this.unsupported('trusted networks');
  }
  updateTrustedNetwork(): Promise<TrustedNetworkModel> {
    return this.unsupported('trusted networks');
  }
  deleteTrustedNetwork(): Promise<void> {
    return this.unsupported('trusted networks');
  }

  devices(_d: string, options: ListOptions): Promise<Page<DeviceModel>> {
    return Promise.resolve(emptyPage(options));
  }
  device(): Promise<DeviceModel | null> {
    return Promise.resolve(null);
  }
  userDevices(): Promise<DeviceModel[]> {
    return Promise.resolve([]);
  }
  createDevice(): Promise<DeviceModel> {
    return this.unsupported('PBX devices');
  }
  updateDevice(): Promise<DeviceModel> {
    return this.unsupported('PBX devices');
  }
  deleteDevice(): Promise<void> {
    return this.unsupported('PBX devices');
  }
  deviceAssignments(_d: string, _u: string, options: ListOptions): Promise<Page<DeviceAssignmentModel>> {
    return Promise.resolve(emptyPage(options));
  }
  deviceAssignment(): Promise<DeviceAssignmentModel | null> {
    return Promise.resolve(null);
  }
  assignDevice(): Promise<DeviceAssignmentModel> {
    return this.unsupported('PBX devices');
  }
  unassignDevice(): Promise<void> {
    return this.unsupported('PBX devices');
  }
}

/** Pages, filters and sorts a list the vendor returns whole (it has no paging of its own). */
export function pageInMemory(users: UserModel[], options: ListOptions<UserField>): Page<UserModel> {
  let rows = users.filter((user) =>
    Object.entries(options.equals ?? {}).every(([field, value]) => String(user[field as UserField] ?? '') === value) &&
    Object.entries(options.contains ?? {}).every(([field, value]) => String(user[field as UserField] ?? '').toLowerCase().includes(String(value).toLowerCase())),
  );
  for (const { field, direction } of [...(options.sort ?? [])].reverse()) {
    const sign = direction === 'desc' ? -1 : 1;
    rows = [...rows].sort((a, b) => sign * String(a[field] ?? '').localeCompare(String(b[field] ?? ''), 'en', { numeric: true }));
  }
  const { offset, limit } = options.page;
  return { items: rows.slice(offset, offset + limit), offset, hasNextPage: offset + limit < rows.length, totalCount: rows.length };
}
