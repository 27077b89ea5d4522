/**
 * What the resolvers may ask of a vendor. Each adapter implements the ports its API supports and
 * returns per-request instances (with their own DataLoaders) from `forRequest`. Resolvers import
 * only this file and src/model.ts, never an adapter's client or wire types.
 */
import type { RequestScope } from '../request-scope.js';
import type { CallProfile, ListCounts } from './shared/call-profile.js';
import type {
  AcceptRulesModel,
  BalanceEntryModel,
  CallForwardingModel,
  CallHistoryModel,
  DoNotDisturbModel,
  MonthlyUsageModel,
  PrepaidModel,
  RegisteredDeviceModel,
  SipIdentityModel,
  VoicemailModel,
  AccountModel,
  RegistrationState,
  DeviceAccountModel,
  ConnectionInfo,
  DeviceSipConfigModel,
  ProviderModel,
  DeviceAssignmentModel,
  DeviceModel,
  DomainModel,
  GroupModel,
  Page,
  PageRequest,
  QueueMemberModel,
  QueueModel,
  TrustedNetworkModel,
  UserModel,
  VendorKind,
} from '../model.js';

import type {
  ListOptions,
  UserField,
  GroupField,
  QueueField,
  DeviceField,
  TrustedNetworkField,
  DeviceAssignmentField,
  UserInput,
  GroupInput,
  QueueInput,
  QueueMemberInput,
  TrustedNetworkInput,
  DeviceInput,
} from './port-inputs.js';
import type { DomainInput } from './port-inputs.js';
import type { Patch } from './patch.js';

export type { Patch } from './patch.js';

export type * from './port-inputs.js';

/** Domains and their users: the capability every directory vendor has. */
export interface DirectoryPort {
  readonly vendor: VendorKind;
  readonly connection: string;
  domains(): Promise<DomainModel[]>;
  domain(domainId: string): Promise<DomainModel | null>;
  updateDomain(domainId: string, input: Patch<DomainInput>): Promise<DomainModel>;
  users(domainId: string, options: ListOptions<UserField>): Promise<Page<UserModel>>;
  user(domainId: string, userId: string): Promise<UserModel | null>;
  createUser(domainId: string, input: UserInput): Promise<UserModel>;
  /** Updates take a Patch: `null` clears where the vendor can, and is refused (BAD_USER_INPUT) where it cannot. */
  updateUser(domainId: string, userId: string, input: Patch<UserInput>): Promise<UserModel>;
  deleteUser(domainId: string, userId: string): Promise<void>;
}

/** Groups of users (hunt groups) and memberships both ways. */
export interface GroupPort {
  readonly connection: string;
  groups(domainId: string, options: ListOptions<GroupField>): Promise<Page<GroupModel>>;
  group(domainId: string, groupId: string): Promise<GroupModel | null>;
  createGroup(domainId: string, input: GroupInput): Promise<GroupModel>;
  updateGroup(domainId: string, groupId: string, input: Patch<GroupInput>): Promise<GroupModel>;
  deleteGroup(domainId: string, groupId: string): Promise<void>;
  groupUsers(domainId: string, groupId: string): Promise<UserModel[]>;
  addGroupUsers(domainId: string, groupId: string, userIds: string[]): Promise<void>;
  removeGroupUsers(domainId: string, groupId: string, userIds: string[]): Promise<void>;
  /** A user's groups: a plain value when `loadUserGroups` has just loaded them. */
  userGroups(domainId: string, userId: string): GroupModel[] | Promise<GroupModel[]>;
  /** Loads the groups of these users now, for the `userGroups` asks about to follow (same calls, same round). */
  loadUserGroups(domainId: string, userIds: readonly string[]): Promise<void>;
  /** The groups of up to `userCount` users of the domain will be asked for soon: work may start now. */
  anticipateUserGroups(domainId: string, userCount: number): void;
  addUserGroups(domainId: string, userId: string, groupIds: string[]): Promise<void>;
}

/** Call queues and their members (groups with a ring strategy). */
export interface QueuePort {
  readonly connection: string;
  queues(domainId: string, options: ListOptions<QueueField>): Promise<Page<QueueModel>>;
  queue(domainId: string, queueId: string): Promise<QueueModel | null>;
  createQueue(domainId: string, input: QueueInput): Promise<QueueModel>;
  updateQueue(domainId: string, queueId: string, input: Patch<QueueInput>): Promise<QueueModel>;
  deleteQueue(domainId: string, queueId: string): Promise<void>;
  queueMembers(domainId: string, queueId: string): Promise<QueueMemberModel[]>;
  queueMember(domainId: string, queueId: string, memberId: string): Promise<QueueMemberModel | null>;
  createQueueMember(domainId: string, queueId: string, input: QueueMemberInput): Promise<QueueMemberModel>;
  updateQueueMember(
    domainId: string,
    queueId: string,
    memberId: string,
    input: Patch<QueueMemberInput>,
  ): Promise<QueueMemberModel>;
  deleteQueueMember(domainId: string, queueId: string, memberId: string): Promise<void>;
  setQueueMemberOrder(domainId: string, queueId: string, memberIds: string[]): Promise<void>;
}

/** Networks a domain accepts SIP traffic from. */
export interface TrustedNetworkPort {
  readonly connection: string;
  trustedNetworks(domainId: string, options: ListOptions<TrustedNetworkField>): Promise<Page<TrustedNetworkModel>>;
  trustedNetwork(domainId: string, networkId: string): Promise<TrustedNetworkModel | null>;
  createTrustedNetwork(domainId: string, input: TrustedNetworkInput): Promise<TrustedNetworkModel>;
  updateTrustedNetwork(
    domainId: string,
    networkId: string,
    input: Patch<TrustedNetworkInput>,
  ): Promise<TrustedNetworkModel>;
  deleteTrustedNetwork(domainId: string, networkId: string): Promise<void>;
}

/** PBX devices (desk phones) of a domain and their assignment to users. */
export interface PbxDevicePort {
  readonly connection: string;
  devices(domainId: string, options: ListOptions<DeviceField>): Promise<Page<DeviceModel>>;
  device(domainId: string, deviceId: string): Promise<DeviceModel | null>;
  /** The PBX devices of a user, batched across users into domain-wide calls; plain after `loadUserDevices`. */
  userDevices(domainId: string, userId: string): DeviceModel[] | Promise<DeviceModel[]>;
  /** Loads the devices of these users now, for the `userDevices` asks about to follow (same calls, same round). */
  loadUserDevices(domainId: string, userIds: readonly string[]): Promise<void>;
  createDevice(domainId: string, input: DeviceInput): Promise<DeviceModel>;
  updateDevice(domainId: string, deviceId: string, input: Patch<DeviceInput>): Promise<DeviceModel>;
  deleteDevice(domainId: string, deviceId: string): Promise<void>;
  deviceAssignments(
    domainId: string,
    userId: string,
    options: ListOptions<DeviceAssignmentField>,
  ): Promise<Page<DeviceAssignmentModel>>;
  deviceAssignment(domainId: string, userId: string, deviceId: string): Promise<DeviceAssignmentModel | null>;
  assignDevice(domainId: string, userId: string, deviceId: string): Promise<DeviceAssignmentModel>;
  unassignDevice(domainId: string, userId: string, deviceId: string): Promise<void>;
}

/** A vendor adapter bound to one configured connection; lives as long as the server. */
export interface ConnectionAdapter {
  readonly vendor: VendorKind;
  readonly connection: string;
  readonly info: ConnectionInfo;
  /**
   * Fresh per-request sources: their loaders must not leak data between requests. Their vendor
   * calls carry `scope` (deadline, signal, counts); none for work of no request (a test, a tool).
   */
  forRequest(scope?: RequestScope): RequestSources;
  /** Upstream HTTP requests sent so far, retries and auth round trips included. */
  requestsSent(): number;
  /** The calls its reads make, for the planner's predictions (src/explain/); absent: not predicted. */
  readonly callProfile?: CallProfile;
  /** List sizes seen so far, which the profile's and the ports' plans assume until a request reads them. */
  readonly counts?: ListCounts;
  close(): Promise<void>;
}

/**
 * The ports a connection offers to one request, one per capability. Each vendor fills in those its
 * API has; asking a connection for one it lacks is NOT_SUPPORTED (src/context.ts).
 */
export interface RequestSources {
  directory?: DirectoryPort;
  groups?: GroupPort;
  queues?: QueuePort;
  trustedNetworks?: TrustedNetworkPort;
  pbxDevices?: PbxDevicePort;
  providers?: ProviderSource;
  deviceConfig?: DeviceConfigSource;
  accountSettings?: AccountSettingsSource;
  accounts?: AccountSource;
}

/**
 * How a vendor's SIP accounts relate to directory users; the gateway makes the join (src/joins.ts).
 * `owner`: each account names its user on the same connection (`AccountModel.owner`).
 * `sipAddress`: an account belongs to the user whose `userName@<domain name>` is its address.
 * `none`: accounts belong to something else (a 2N device, joined through its MAC).
 */
export type AccountUserLink = 'owner' | 'sipAddress' | 'none';

/** SIP accounts by their native key (the part of an Account id after the connection). */
export interface AccountSource {
  readonly connection: string;
  readonly userLink: AccountUserLink;
  account(key: string[]): Promise<AccountModel | null>;
  /** Every account of the connection (cheap for the vendors whose accounts join users). */
  accounts(): Promise<AccountModel[]>;
  /** Live registration: a separate vendor call for some, made only when a field asks. */
  registration(account: AccountModel): Promise<RegistrationState>;
}

/** SIP trunks (PortSIP). Filled in by the PBX adapter. */
export interface ProviderSource {
  readonly connection: string;
  list(options: { page: PageRequest; sortBy: 'DEFAULT' | 'NAME' }): Promise<Page<ProviderModel>>;
  get(providerId: string): Promise<ProviderModel | null>;
  create(input: ProviderInput): Promise<ProviderModel>;
  /** A partial patch: read, merge, write; CONFLICT if the trunk changed in between. */
  update(providerId: string, patch: Patch<ProviderInput>): Promise<ProviderModel>;
  delete(providerId: string): Promise<void>;
}

export interface ProviderInput extends Omit<ProviderModel, 'vendor' | 'connection' | 'providerId'> {
  password: string;
}

/** A device's own SIP configuration (2N). Filled in by the 2N adapter. */
export interface DeviceConfigSource {
  readonly connection: string;
  /** The device's MAC address: from config, or asked from the device once. */
  macAddress(): Promise<string | null>;
  config(): Promise<DeviceSipConfigModel>;
  /** A partial patch of one account slot; all or nothing on the device. Returns the slot as read back. */
  updateAccount(index: number, patch: Patch<DeviceAccountPatch>): Promise<AccountModel>;
}

export interface DeviceAccountPatch extends Partial<Omit<DeviceAccountModel, 'index'>> {
  password?: string;
}

/**
 * Settings of SIP accounts (SIP Thor), each read lazily and once per request. `address` is the
 * account's `user@domain`, its native key.
 */
export interface AccountSettingsSource {
  readonly connection: string;
  accounts(): Promise<AccountModel[]>;
  identity(address: string): Promise<SipIdentityModel>;
  aliases(address: string): Promise<string[]>;
  enumNumbers(address: string): Promise<string[]>;
  callForwarding(address: string): Promise<CallForwardingModel>;
  acceptRules(address: string): Promise<AcceptRulesModel>;
  /** As the accept rules show it, never contradicting a change this request made. */
  doNotDisturb(address: string): Promise<DoNotDisturbModel>;
  /** No action reads privacy: what this request set, else null (unknown). */
  privacy(address: string): Promise<boolean | null>;
  rejectRules(address: string): Promise<string[]>;
  voicemail(address: string): Promise<VoicemailModel>;
  callHistory(address: string): Promise<CallHistoryModel>;
  registeredDevices(address: string): Promise<RegisteredDeviceModel[]>;
  prepaid(address: string): Promise<PrepaidModel>;
  balanceHistory(address: string): Promise<BalanceEntryModel[]>;
  monthlyUsage(address: string): Promise<MonthlyUsageModel>;
  setDoNotDisturb(address: string, enabled: boolean, durationMinutes?: number): Promise<void>;
  setPrivacy(address: string, enabled: boolean): Promise<void>;
  addAlias(address: string, username: string): Promise<void>;
  setCallForwarding(address: string, change: Partial<CallForwardingModel>): Promise<void>;
}
