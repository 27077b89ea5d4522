import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { DomainModel, UserModel, GroupModel, QueueModel, QueueMemberModel, TrustedNetworkModel, DeviceModel, DeviceAssignmentModel, ProviderModel, AccountModel, DeviceSipConfigModel, DeviceAccountModel, SipIdentityModel, CallForwardingModel, AcceptRulesModel, VoicemailModel, CallHistoryModel, CallRecordModel, RegisteredDeviceModel, PrepaidModel, BalanceEntryModel, MonthlyUsageModel, ConnectionInfo, DeletionModel, UserPage, GroupPage, QueuePage, DevicePage, TrustedNetworkPage, DeviceAssignmentPage, ProviderPage, AnyPage } from '../model.js';
import type { ChangeRecord, StepRecord } from '../durability/journal.js';
import type { ProvisioningResult } from '../provisioning/provision.js';
import type { GatewayContext } from '../context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An IPv4 or IPv6 network in CIDR notation: `10.0.20.0/24`, `2001:db8::/32`. */
  Cidr: { input: string; output: string; }
  /** An instant in time, ISO-8601 in UTC (`2026-11-23T10:15:00.000Z`). */
  DateTime: { input: Date; output: Date | string; }
  /** An internal dialling extension: 2 to 8 digits. */
  Extension: { input: string; output: string; }
  /**
   * A MAC address, six hex octets. Accepted with `:` or `-` in any case; returned upper-case with `:`
   * (`7C:1E:B3:0A:00:01`).
   */
  MacAddress: { input: string; output: string; }
  /** A TCP/UDP port, 1 to 65535. */
  Port: { input: number; output: number; }
};

export type AcceptRules = {
  __typename?: 'AcceptRules';
  /** The caller groups rules can name. */
  groups: Array<Scalars['String']['output']>;
  /** Who may call in the daily window. */
  persistent?: Maybe<AcceptWindow>;
  /** A temporary rule: who may call, for how many more minutes. */
  temporary?: Maybe<TemporaryAcceptRule>;
};

export type AcceptWindow = {
  __typename?: 'AcceptWindow';
  groups: Array<Scalars['String']['output']>;
  start?: Maybe<Scalars['String']['output']>;
  stop?: Maybe<Scalars['String']['output']>;
};

/**
 * A SIP account: a Stringee SIP phone's SIP identity, one of a 2N device's two SIP accounts, or a
 * SIP Thor account. Fields a vendor does not have are null. No field ever returns a password.
 */
export type Account = Node & {
  __typename?: 'Account';
  /** `user@domain`, when the domain is known. */
  address?: Maybe<Scalars['String']['output']>;
  /** False for a device slot that was never given a SIP number or auth id (it cannot register). */
  configured: Scalars['Boolean']['output'];
  connection: Scalars['String']['output'];
  /** 2N device accounts only: the configuration slot. Null for other vendors. */
  deviceAccount?: Maybe<DeviceSipAccount>;
  displayName?: Maybe<Scalars['String']['output']>;
  enabled?: Maybe<Scalars['Boolean']['output']>;
  id: Scalars['ID']['output'];
  /** Live registration state, where the vendor reports it. */
  registered?: Maybe<Scalars['Boolean']['output']>;
  registeredAt?: Maybe<Scalars['DateTime']['output']>;
  /** Where it registers (`host:port`). */
  registrar?: Maybe<Scalars['String']['output']>;
  /** SIP Thor accounts only: settings, each read lazily. Null for other vendors. */
  settings?: Maybe<SipAccountSettings>;
  /**
   * The SIP user name it registers with. Null when the slot was never configured (a 2N account with
   * neither a SIP number nor an auth id): see `configured`.
   */
  username?: Maybe<Scalars['String']['output']>;
  vendor: Vendor;
};

export type AddQueueMemberInput = {
  groupId: Scalars['ID']['input'];
  queueId: Scalars['ID']['input'];
  ringAttempts: Scalars['Int']['input'];
  /** Defaults to after the last member. */
  ringOrder?: InputMaybe<Scalars['Int']['input']>;
  ringSeconds: Scalars['Int']['input'];
  ringStrategy: RingStrategy;
};

export type BalanceEntry = {
  __typename?: 'BalanceEntry';
  action?: Maybe<Scalars['String']['output']>;
  balance?: Maybe<Scalars['String']['output']>;
  date?: Maybe<Scalars['String']['output']>;
  description?: Maybe<Scalars['String']['output']>;
  session?: Maybe<Scalars['String']['output']>;
  value?: Maybe<Scalars['String']['output']>;
};

/** Diversion targets: a SIP address, `<voice-mailbox>`, `<mobile-number>`, or null when off. */
export type CallForwarding = {
  __typename?: 'CallForwarding';
  busy?: Maybe<Scalars['String']['output']>;
  noAnswer?: Maybe<Scalars['String']['output']>;
  /** When not available by the accept rules. */
  notAvailable?: Maybe<Scalars['String']['output']>;
  notOnline?: Maybe<Scalars['String']['output']>;
  /** Forward all calls. */
  unconditional?: Maybe<Scalars['String']['output']>;
};

export type CallForwardingInput = {
  busy?: InputMaybe<Scalars['String']['input']>;
  noAnswer?: InputMaybe<Scalars['String']['input']>;
  notAvailable?: InputMaybe<Scalars['String']['input']>;
  notOnline?: InputMaybe<Scalars['String']['input']>;
  /** A target, `<voice-mailbox>`, `<mobile-number>`, or "" to switch the rule off. Left out: unchanged. */
  unconditional?: InputMaybe<Scalars['String']['input']>;
};

export type CallHistory = {
  __typename?: 'CallHistory';
  placed: Array<CallRecord>;
  received: Array<CallRecord>;
};

export type CallRecord = {
  __typename?: 'CallRecord';
  displayName?: Maybe<Scalars['String']['output']>;
  durationSeconds?: Maybe<Scalars['Int']['output']>;
  price?: Maybe<Scalars['String']['output']>;
  remoteParty: Scalars['String']['output'];
  sessionId?: Maybe<Scalars['String']['output']>;
  startTime?: Maybe<Scalars['String']['output']>;
  status?: Maybe<Scalars['String']['output']>;
  stopTime?: Maybe<Scalars['String']['output']>;
  timezone?: Maybe<Scalars['String']['output']>;
};

/** A journaled multi-step change (a saga): what it did, step by step, and how it ended. */
export type Change = {
  __typename?: 'Change';
  /** Why it did not complete, when it did not. */
  error?: Maybe<Scalars['String']['output']>;
  finishedAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  /** What kind of change: provisionUser, deprovisionUser, createUser, createDevice. */
  kind: Scalars['String']['output'];
  /** Set when a later gateway process finished it after the one that started it stopped. */
  recoveredBy?: Maybe<Scalars['String']['output']>;
  startedAt: Scalars['DateTime']['output'];
  status: ChangeStatus;
  steps: Array<ChangeStep>;
  /** One line for people: `provision user anna.schmidt`. */
  summary: Scalars['String']['output'];
};

export type ChangeFailure = {
  __typename?: 'ChangeFailure';
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
};

export enum ChangeStatus {
  /** A step failed and every step before it was undone: nothing is left. */
  Compensated = 'COMPENSATED',
  /** Every step done. */
  Completed = 'COMPLETED',
  /** A step failed and something could not be undone (or completed): see the steps marked LEFT. */
  PartialFailure = 'PARTIAL_FAILURE',
  Running = 'RUNNING'
}

export type ChangeStep = {
  __typename?: 'ChangeStep';
  /** The step's action over the ports, e.g. `directory.createUser`. */
  action: Scalars['String']['output'];
  name: Scalars['String']['output'];
  /** Why a step was skipped, failed, or left. */
  reason?: Maybe<Scalars['String']['output']>;
  /** After an unknown outcome, what checking the vendor found. */
  reconciled?: Maybe<Reconciled>;
  status: StepStatus;
};

export type CreateDeviceInput = {
  domainId: Scalars['ID']['input'];
  macAddress: Scalars['MacAddress']['input'];
  name: Scalars['String']['input'];
  /**
   * Assign the new device to this user. If the assignment fails the device is deleted again, so the
   * mutation either does everything or nothing.
   */
  userId?: InputMaybe<Scalars['ID']['input']>;
};

export type CreateGroupInput = {
  callerNameFormat?: InputMaybe<Scalars['String']['input']>;
  displayName: Scalars['String']['input'];
  domainId: Scalars['ID']['input'];
  extension: Scalars['Extension']['input'];
  name: Scalars['String']['input'];
  ringExclusive?: InputMaybe<Scalars['Boolean']['input']>;
  ringRetry?: InputMaybe<Scalars['Boolean']['input']>;
};

export type CreateProviderInput = {
  authId: Scalars['String']['input'];
  authMode: ProviderAuthMode;
  /** The PBX connection to create the trunk on; may be left out when only one is configured. */
  connection?: InputMaybe<Scalars['String']['input']>;
  hostname: Scalars['String']['input'];
  inParameters?: InputMaybe<Array<SipParameterInput>>;
  ips?: InputMaybe<Array<Scalars['String']['input']>>;
  name: Scalars['String']['input'];
  outParameters?: InputMaybe<Array<SipParameterInput>>;
  outboundServer?: InputMaybe<Scalars['String']['input']>;
  outboundServerPort?: InputMaybe<Scalars['Port']['input']>;
  /** Write-only. */
  password: Scalars['String']['input'];
  port: Scalars['Port']['input'];
  protocol: TransportProtocol;
  providerInLan?: InputMaybe<Scalars['Boolean']['input']>;
  requireRegister: Scalars['Boolean']['input'];
  reregisterInterval: Scalars['Int']['input'];
  singleViaHeader?: InputMaybe<Scalars['Boolean']['input']>;
  status?: InputMaybe<ProviderStatus>;
};

export type CreateQueueInput = {
  callerNameFormat?: InputMaybe<Scalars['String']['input']>;
  displayName: Scalars['String']['input'];
  domainId: Scalars['ID']['input'];
  extension: Scalars['Extension']['input'];
  name: Scalars['String']['input'];
};

export type CreateTrustedNetworkInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  domainId: Scalars['ID']['input'];
  network: Scalars['Cidr']['input'];
};

export type CreateUserInput = {
  company?: InputMaybe<Scalars['String']['input']>;
  department?: InputMaybe<Scalars['String']['input']>;
  displayName: Scalars['String']['input'];
  domainId: Scalars['ID']['input'];
  email?: InputMaybe<Scalars['String']['input']>;
  extension: Scalars['Extension']['input'];
  firstName?: InputMaybe<Scalars['String']['input']>;
  followToMobile?: InputMaybe<Scalars['Boolean']['input']>;
  /**
   * Groups to put the new user in. If that fails the user is deleted again, so the mutation either
   * does everything or nothing.
   */
  groupIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  hotdeskAllowed?: InputMaybe<Scalars['Boolean']['input']>;
  jobTitle?: InputMaybe<Scalars['String']['input']>;
  lastName?: InputMaybe<Scalars['String']['input']>;
  mobileNumber?: InputMaybe<Scalars['String']['input']>;
  office?: InputMaybe<Scalars['String']['input']>;
  onDashboard?: InputMaybe<Scalars['Boolean']['input']>;
  /** Write-only: never returned by any field. */
  password: Scalars['String']['input'];
  /** Write-only hot-desking PIN. */
  pin?: InputMaybe<Scalars['String']['input']>;
  ukCallerId?: InputMaybe<Scalars['String']['input']>;
  ukPhoneId?: InputMaybe<Scalars['Int']['input']>;
  usCallerId?: InputMaybe<Scalars['String']['input']>;
  usPhoneId?: InputMaybe<Scalars['Int']['input']>;
  userName: Scalars['String']['input'];
};

/** The result of a delete. */
export type Deletion = {
  __typename?: 'Deletion';
  /** The global id of what was deleted. */
  deletedId: Scalars['ID']['output'];
};

export type DeprovisionUserInput = {
  /** Delete the user's PBX devices too (default: unassign them, keeping them in the domain). */
  deleteDevices?: InputMaybe<Scalars['Boolean']['input']>;
  sipPhoneDomainId?: InputMaybe<Scalars['ID']['input']>;
  userId: Scalars['ID']['input'];
};

/** A SIP-registered PBX device (desk phone, intercom, softphone). */
export type Device = Node & {
  __typename?: 'Device';
  connection: Scalars['String']['output'];
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  domain: Domain;
  id: Scalars['ID']['output'];
  macAddress?: Maybe<Scalars['MacAddress']['output']>;
  name: Scalars['String']['output'];
  /**
   * The device's own SIP accounts, read from a device connection (2N) whose MAC address matches.
   * Null when no configured device connection has this MAC.
   */
  sipConfig?: Maybe<DeviceSipConfig>;
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The user the device is assigned to, if any. */
  user?: Maybe<User>;
  vendor: Vendor;
};

/** A device assigned to a user, as the vendor lists the association. */
export type DeviceAssignment = {
  __typename?: 'DeviceAssignment';
  device: Device;
  deviceName?: Maybe<Scalars['String']['output']>;
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
  user: User;
};

export type DeviceAssignmentConnection = {
  __typename?: 'DeviceAssignmentConnection';
  nodes: Array<DeviceAssignment>;
  pageInfo: PageInfo;
  totalCount?: Maybe<Scalars['Int']['output']>;
};

export type DeviceAssignmentOrder = {
  direction?: InputMaybe<OrderDirection>;
  field: DeviceAssignmentOrderField;
};

export enum DeviceAssignmentOrderField {
  DeviceName = 'deviceName',
  UpdatedAt = 'updatedAt'
}

export type DeviceAssignmentPayload = {
  __typename?: 'DeviceAssignmentPayload';
  assignment: DeviceAssignment;
  /** The token the device provisions itself with; only returned here, when the assignment is made. */
  provisioningToken?: Maybe<Scalars['String']['output']>;
};

export type DeviceConnection = {
  __typename?: 'DeviceConnection';
  nodes: Array<Device>;
  pageInfo: PageInfo;
  totalCount?: Maybe<Scalars['Int']['output']>;
};

export type DeviceFilter = {
  macAddress?: InputMaybe<Scalars['MacAddress']['input']>;
  /**
   * Case-insensitive substring of the name. Infinity documents no substring filter, so the gateway
   * filters there itself: it reads every device matching the other filters (in pages of 1000).
   */
  nameContains?: InputMaybe<Scalars['String']['input']>;
  userId?: InputMaybe<Scalars['ID']['input']>;
};

export type DeviceOrder = {
  direction?: InputMaybe<OrderDirection>;
  field: DeviceOrderField;
};

export enum DeviceOrderField {
  CreatedAt = 'createdAt',
  MacAddress = 'macAddress',
  Name = 'name',
  UpdatedAt = 'updatedAt'
}

/** One of a 2N device's two SIP accounts, as the device reports it (it never returns the password). */
export type DeviceSipAccount = {
  __typename?: 'DeviceSipAccount';
  /** The device's answer mode code (0-3). */
  answerMode?: Maybe<Scalars['String']['output']>;
  /** Authentication id; when empty the device authenticates with sipNumber. */
  authId?: Maybe<Scalars['String']['output']>;
  displayName?: Maybe<Scalars['String']['output']>;
  domain?: Maybe<Scalars['String']['output']>;
  domainPort?: Maybe<Scalars['Port']['output']>;
  enabled: Scalars['Boolean']['output'];
  /** 1 or 2. */
  index: Scalars['Int']['output'];
  proxyAddress?: Maybe<Scalars['String']['output']>;
  proxyPort?: Maybe<Scalars['Port']['output']>;
  registrarAddress?: Maybe<Scalars['String']['output']>;
  registrarPort?: Maybe<Scalars['Port']['output']>;
  registrationEnabled: Scalars['Boolean']['output'];
  /** The SIP user id (number) the account registers as. */
  sipNumber?: Maybe<Scalars['String']['output']>;
};

/** The SIP configuration of a device, read from the device itself. */
export type DeviceSipConfig = {
  __typename?: 'DeviceSipConfig';
  accounts: Array<Account>;
  /** The connection the configuration was read from. */
  connection: Scalars['String']['output'];
  macAddress?: Maybe<Scalars['MacAddress']['output']>;
};

export type DoNotDisturb = {
  __typename?: 'DoNotDisturb';
  enabled: Scalars['Boolean']['output'];
  /** Minutes left when DND was set for a while; null when set until switched off. */
  minutesLeft?: Maybe<Scalars['Int']['output']>;
};

/**
 * A SIP domain: an Infinity SIP domain, or a Stringee project (whose SIP phones register at its
 * `registrar`).
 */
export type Domain = Node & {
  __typename?: 'Domain';
  /** Whether calls in the domain are recorded; null when the vendor does not say. */
  callRecording?: Maybe<Scalars['Boolean']['output']>;
  connection: Scalars['String']['output'];
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  devices?: Maybe<DeviceConnection>;
  displayName?: Maybe<Scalars['String']['output']>;
  groups?: Maybe<GroupConnection>;
  id: Scalars['ID']['output'];
  /** The SIP domain name (Infinity) or the project name (Stringee). */
  name: Scalars['String']['output'];
  queues?: Maybe<QueueConnection>;
  /** Where the domain's SIP clients register. */
  registrar?: Maybe<Scalars['String']['output']>;
  trustedNetworks?: Maybe<TrustedNetworkConnection>;
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
  users?: Maybe<UserConnection>;
  vendor: Vendor;
};


/**
 * A SIP domain: an Infinity SIP domain, or a Stringee project (whose SIP phones register at its
 * `registrar`).
 */
export type DomainDevicesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<DeviceFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<DeviceOrder>>;
};


/**
 * A SIP domain: an Infinity SIP domain, or a Stringee project (whose SIP phones register at its
 * `registrar`).
 */
export type DomainGroupsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<GroupFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<GroupOrder>>;
};


/**
 * A SIP domain: an Infinity SIP domain, or a Stringee project (whose SIP phones register at its
 * `registrar`).
 */
export type DomainQueuesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<QueueFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<QueueOrder>>;
};


/**
 * A SIP domain: an Infinity SIP domain, or a Stringee project (whose SIP phones register at its
 * `registrar`).
 */
export type DomainTrustedNetworksArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<TrustedNetworkOrder>>;
};


/**
 * A SIP domain: an Infinity SIP domain, or a Stringee project (whose SIP phones register at its
 * `registrar`).
 */
export type DomainUsersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<UserFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<UserOrder>>;
};

/** A hunt group of users with its own extension. */
export type Group = Node & {
  __typename?: 'Group';
  /** Caller name shown on devices, e.g. `{displayName} - {srcPhoneNumber}`. */
  callerNameFormat?: Maybe<Scalars['String']['output']>;
  connection: Scalars['String']['output'];
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  displayName?: Maybe<Scalars['String']['output']>;
  domain: Domain;
  extension?: Maybe<Scalars['Extension']['output']>;
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  /** Calls to the group queue while every member is busy. */
  ringExclusive?: Maybe<Scalars['Boolean']['output']>;
  ringRetry?: Maybe<Scalars['Boolean']['output']>;
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
  users?: Maybe<Array<User>>;
  vendor: Vendor;
};

export type GroupConnection = {
  __typename?: 'GroupConnection';
  nodes: Array<Group>;
  pageInfo: PageInfo;
  totalCount?: Maybe<Scalars['Int']['output']>;
};

export type GroupFilter = {
  extension?: InputMaybe<Scalars['Extension']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
};

export type GroupOrder = {
  direction?: InputMaybe<OrderDirection>;
  field: GroupOrderField;
};

export enum GroupOrderField {
  DisplayName = 'displayName',
  Extension = 'extension',
  Name = 'name'
}

export type MonthlyUsage = {
  __typename?: 'MonthlyUsage';
  calls?: Maybe<Scalars['Int']['output']>;
  price?: Maybe<Scalars['String']['output']>;
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Nothing: the root mutation type that the type areas extend. */
  _noop?: Maybe<Scalars['Boolean']['output']>;
  /** Adds `username@<account domain>` as an alias of the account. */
  addAccountAlias: Account;
  addGroupUsers: Group;
  addQueueMember: QueueMember;
  /** Adds the user to the groups (members already in a group stay). */
  addUserToGroups: User;
  assignDevice: DeviceAssignmentPayload;
  createDevice: Device;
  createGroup: Group;
  createProvider: Provider;
  createQueue: Queue;
  createTrustedNetwork: TrustedNetwork;
  createUser: User;
  deleteDevice: Deletion;
  deleteGroup: Deletion;
  deleteProvider: Deletion;
  deleteQueue: Deletion;
  deleteTrustedNetwork: Deletion;
  deleteUser: Deletion;
  /** Undoes provisionUser, forward only (each step idempotent): a retry or recovery finishes it. */
  deprovisionUser: ProvisioningPayload;
  provisionUser: ProvisioningPayload;
  removeGroupUsers: Group;
  removeQueueMember: Deletion;
  /** Changes only the rules given. */
  setCallForwarding: Account;
  /** Do not disturb on (for `durationMinutes`, or until switched off) or off; returns the account as read back. */
  setDoNotDisturb: Account;
  setPrivacy: Account;
  /** Sets the ring order: every member of the queue, each once, first rings first. */
  setQueueMemberOrder: Queue;
  unassignDevice: Device;
  updateDevice: Device;
  /** Changes one SIP account of a 2N device (all or nothing on the device); returns it as the device reports it afterwards. */
  updateDeviceSipAccount: Account;
  updateDomain: Domain;
  updateGroup: Group;
  updateProvider: Provider;
  updateQueue: Queue;
  updateQueueMember: QueueMember;
  updateTrustedNetwork: TrustedNetwork;
  updateUser: User;
};


export type MutationAddAccountAliasArgs = {
  accountId: Scalars['ID']['input'];
  username: Scalars['String']['input'];
};


export type MutationAddGroupUsersArgs = {
  groupId: Scalars['ID']['input'];
  userIds: Array<Scalars['ID']['input']>;
};


export type MutationAddQueueMemberArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: AddQueueMemberInput;
};


export type MutationAddUserToGroupsArgs = {
  groupIds: Array<Scalars['ID']['input']>;
  userId: Scalars['ID']['input'];
};


export type MutationAssignDeviceArgs = {
  deviceId: Scalars['ID']['input'];
  userId: Scalars['ID']['input'];
};


export type MutationCreateDeviceArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: CreateDeviceInput;
};


export type MutationCreateGroupArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: CreateGroupInput;
};


export type MutationCreateProviderArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: CreateProviderInput;
};


export type MutationCreateQueueArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: CreateQueueInput;
};


export type MutationCreateTrustedNetworkArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: CreateTrustedNetworkInput;
};


export type MutationCreateUserArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: CreateUserInput;
};


export type MutationDeleteDeviceArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteGroupArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteProviderArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteQueueArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteTrustedNetworkArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteUserArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeprovisionUserArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: DeprovisionUserInput;
};


export type MutationProvisionUserArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: ProvisionUserInput;
};


export type MutationRemoveGroupUsersArgs = {
  groupId: Scalars['ID']['input'];
  userIds: Array<Scalars['ID']['input']>;
};


export type MutationRemoveQueueMemberArgs = {
  id: Scalars['ID']['input'];
};


export type MutationSetCallForwardingArgs = {
  accountId: Scalars['ID']['input'];
  input: CallForwardingInput;
};


export type MutationSetDoNotDisturbArgs = {
  accountId: Scalars['ID']['input'];
  durationMinutes?: InputMaybe<Scalars['Int']['input']>;
  enabled: Scalars['Boolean']['input'];
};


export type MutationSetPrivacyArgs = {
  accountId: Scalars['ID']['input'];
  enabled: Scalars['Boolean']['input'];
};


export type MutationSetQueueMemberOrderArgs = {
  memberIds: Array<Scalars['ID']['input']>;
  queueId: Scalars['ID']['input'];
};


export type MutationUnassignDeviceArgs = {
  deviceId: Scalars['ID']['input'];
  userId: Scalars['ID']['input'];
};


export type MutationUpdateDeviceArgs = {
  id: Scalars['ID']['input'];
  input: UpdateDeviceInput;
};


export type MutationUpdateDeviceSipAccountArgs = {
  id: Scalars['ID']['input'];
  input: UpdateDeviceSipAccountInput;
};


export type MutationUpdateDomainArgs = {
  id: Scalars['ID']['input'];
  input: UpdateDomainInput;
};


export type MutationUpdateGroupArgs = {
  id: Scalars['ID']['input'];
  input: UpdateGroupInput;
};


export type MutationUpdateProviderArgs = {
  id: Scalars['ID']['input'];
  input: UpdateProviderInput;
};


export type MutationUpdateQueueArgs = {
  id: Scalars['ID']['input'];
  input: UpdateQueueInput;
};


export type MutationUpdateQueueMemberArgs = {
  id: Scalars['ID']['input'];
  input: UpdateQueueMemberInput;
};


export type MutationUpdateTrustedNetworkArgs = {
  id: Scalars['ID']['input'];
  input: UpdateTrustedNetworkInput;
};


export type MutationUpdateUserArgs = {
  id: Scalars['ID']['input'];
  input: UpdateUserInput;
};

/**
 * An object with a global id. Ids are opaque: they encode the type, the vendor connection and the
 * vendor's own key, so `node(id:)` can fetch any object again.
 */
export type Node = {
  id: Scalars['ID']['output'];
};

export enum OrderDirection {
  Asc = 'asc',
  Desc = 'desc'
}

export type PageInfo = {
  __typename?: 'PageInfo';
  /** Pass as `after` to get the next page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor?: Maybe<Scalars['String']['output']>;
};

export enum PolicyAccess {
  /** Admin principals only. */
  Admin = 'ADMIN',
  /** Any authenticated principal; the field touches no vendor. */
  Public = 'PUBLIC',
  Read = 'READ',
  /** Changes; implies READ. */
  Write = 'WRITE'
}

/** What a grant gives read or write on. */
export enum PolicyArea {
  /** SIP account settings (SIP Thor). */
  AccountSettings = 'ACCOUNT_SETTINGS',
  /** PBX devices and their assignments to users (Infinity). */
  Devices = 'DEVICES',
  /** A device's own SIP accounts (2N). */
  DeviceSipConfig = 'DEVICE_SIP_CONFIG',
  /** Domains, users, groups, queues, trusted networks (Infinity), SIP phones (Stringee). */
  Directory = 'DIRECTORY',
  /** SIP trunks (PortSIP PBX). */
  Trunks = 'TRUNKS'
}

export type Prepaid = {
  __typename?: 'Prepaid';
  activeCalls?: Maybe<Scalars['Int']['output']>;
  balance?: Maybe<Scalars['String']['output']>;
  currency?: Maybe<Scalars['String']['output']>;
  prepaid: Scalars['Boolean']['output'];
};

/** A SIP trunk (VoIP provider) of a PortSIP PBX. Its password is write-only. */
export type Provider = Node & {
  __typename?: 'Provider';
  /** SIP user name used to authenticate. */
  authId?: Maybe<Scalars['String']['output']>;
  authMode: ProviderAuthMode;
  connection: Scalars['String']['output'];
  /** The provider's SIP server (registrar), host name or IP address. */
  hostname: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  inParameters: Array<SipParameter>;
  /** Addresses (or CIDR networks) calls from this provider come from. */
  ips: Array<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  outParameters: Array<SipParameter>;
  outboundServer?: Maybe<Scalars['String']['output']>;
  outboundServerPort?: Maybe<Scalars['Port']['output']>;
  port: Scalars['Port']['output'];
  protocol: TransportProtocol;
  providerInLan: Scalars['Boolean']['output'];
  /** Whether the trunk must register with the provider. */
  requireRegister: Scalars['Boolean']['output'];
  /** Seconds between re-registrations. */
  reregisterInterval: Scalars['Int']['output'];
  singleViaHeader: Scalars['Boolean']['output'];
  status: ProviderStatus;
  vendor: Vendor;
};

export enum ProviderAuthMode {
  IpAuth = 'IP_AUTH',
  RegisterAuth = 'REGISTER_AUTH'
}

export type ProviderConnection = {
  __typename?: 'ProviderConnection';
  nodes: Array<Provider>;
  pageInfo: PageInfo;
  totalCount?: Maybe<Scalars['Int']['output']>;
};

export enum ProviderSort {
  /** By id (the vendor's DEFAULT order). */
  Default = 'DEFAULT',
  /** By name (the vendor's OPTIONAL order). */
  Name = 'NAME'
}

export enum ProviderStatus {
  Offline = 'OFFLINE',
  Online = 'ONLINE'
}

/** An existing PBX device by `deviceId`, or a new one by `name` and `macAddress`. */
export type ProvisionDeviceInput = {
  deviceId?: InputMaybe<Scalars['ID']['input']>;
  macAddress?: InputMaybe<Scalars['MacAddress']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
};

/**
 * Everything a new person needs, across vendors, as one journaled change: the Infinity directory
 * user in its groups, its PBX device (created or assigned), the matching 2N intercom SIP account
 * when the device's MAC is an intercom's, and its Stringee SIP phone where a Stringee project is
 * configured. On failure every step done is undone, newest first. Admin only: it writes to
 * every vendor at once.
 */
export type ProvisionUserInput = {
  device?: InputMaybe<ProvisionDeviceInput>;
  displayName: Scalars['String']['input'];
  /** The Infinity domain of the directory user. */
  domainId: Scalars['ID']['input'];
  email?: InputMaybe<Scalars['String']['input']>;
  extension: Scalars['Extension']['input'];
  groupIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  password: Scalars['String']['input'];
  /** The Stringee project (a Domain) for the SIP phone; default: the only one configured, if exactly one is. */
  sipPhoneDomainId?: InputMaybe<Scalars['ID']['input']>;
  userName: Scalars['String']['input'];
};

export type ProvisioningPayload = {
  __typename?: 'ProvisioningPayload';
  /** The journaled change: every step with its status (done, undone, skipped, left) and why. */
  change: Change;
  device?: Maybe<Device>;
  /** What failed, when something did. */
  error?: Maybe<ChangeFailure>;
  /** True when the change completed. */
  ok: Scalars['Boolean']['output'];
  /** The directory user, as read after the change (null when it was undone or deleted). */
  user?: Maybe<User>;
};

export type Query = {
  __typename?: 'Query';
  account?: Maybe<Account>;
  /**
   * The SIP accounts of the account-settings connections (SIP Thor), or of one of them (2N device
   * slots: `deviceSipConfigs`). A connection that fails leaves a null in its place with an error
   * naming it.
   */
  accounts: Array<Maybe<Account>>;
  /** A change started by the caller (any change, for an admin); null when there is none. */
  change?: Maybe<Change>;
  /** The vendor connections this gateway is configured with. */
  connections: Array<VendorConnection>;
  device?: Maybe<Device>;
  /** One user's assignment of one device. */
  deviceAssignment?: Maybe<DeviceAssignment>;
  /**
   * The SIP configuration (both account slots) of every device connection (2N), or of one: reachable
   * by connection, whether or not a directory device has its MAC address.
   */
  deviceSipConfigs: Array<DeviceSipConfig>;
  domain?: Maybe<Domain>;
  /**
   * Every domain of every configured connection, or of one vendor or connection. A connection that
   * fails leaves a null in its place with an error naming it; the other connections' domains remain.
   */
  domains: Array<Maybe<Domain>>;
  group?: Maybe<Group>;
  /** Any object by its global id; null (with a NOT_FOUND error) when it does not exist. */
  node?: Maybe<Node>;
  /** Several objects by global id, in the order asked. */
  nodes: Array<Maybe<Node>>;
  provider?: Maybe<Provider>;
  /**
   * The SIP trunks of one PBX connection (or the only one), paged the way the PBX pages them; null,
   * with an error naming the connection, when it fails.
   */
  providers?: Maybe<ProviderConnection>;
  queue?: Maybe<Queue>;
  queueMember?: Maybe<QueueMember>;
  trustedNetwork?: Maybe<TrustedNetwork>;
  user?: Maybe<User>;
};


export type QueryAccountArgs = {
  id: Scalars['ID']['input'];
};


export type QueryAccountsArgs = {
  connection?: InputMaybe<Scalars['String']['input']>;
};


export type QueryChangeArgs = {
  id: Scalars['ID']['input'];
};


export type QueryDeviceArgs = {
  id: Scalars['ID']['input'];
};


export type QueryDeviceAssignmentArgs = {
  deviceId: Scalars['ID']['input'];
  userId: Scalars['ID']['input'];
};


export type QueryDeviceSipConfigsArgs = {
  connection?: InputMaybe<Scalars['String']['input']>;
};


export type QueryDomainArgs = {
  id: Scalars['ID']['input'];
};


export type QueryDomainsArgs = {
  connection?: InputMaybe<Scalars['String']['input']>;
  vendor?: InputMaybe<Vendor>;
};


export type QueryGroupArgs = {
  id: Scalars['ID']['input'];
};


export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


export type QueryNodesArgs = {
  ids: Array<Scalars['ID']['input']>;
};


export type QueryProviderArgs = {
  id: Scalars['ID']['input'];
};


export type QueryProvidersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  connection?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  sortBy?: InputMaybe<ProviderSort>;
};


export type QueryQueueArgs = {
  id: Scalars['ID']['input'];
};


export type QueryQueueMemberArgs = {
  id: Scalars['ID']['input'];
};


export type QueryTrustedNetworkArgs = {
  id: Scalars['ID']['input'];
};


export type QueryUserArgs = {
  id: Scalars['ID']['input'];
};

/** A call queue; its members are groups, rung in `ringOrder`. */
export type Queue = Node & {
  __typename?: 'Queue';
  callerNameFormat?: Maybe<Scalars['String']['output']>;
  connection: Scalars['String']['output'];
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  displayName?: Maybe<Scalars['String']['output']>;
  domain: Domain;
  extension?: Maybe<Scalars['Extension']['output']>;
  id: Scalars['ID']['output'];
  /** Members in ring order. */
  members?: Maybe<Array<QueueMember>>;
  name: Scalars['String']['output'];
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
  vendor: Vendor;
};

export type QueueConnection = {
  __typename?: 'QueueConnection';
  nodes: Array<Queue>;
  pageInfo: PageInfo;
  totalCount?: Maybe<Scalars['Int']['output']>;
};

export type QueueFilter = {
  extension?: InputMaybe<Scalars['Extension']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
};

export type QueueMember = Node & {
  __typename?: 'QueueMember';
  connection: Scalars['String']['output'];
  group: Group;
  id: Scalars['ID']['output'];
  queue: Queue;
  /** Attempts to ring the group's users while all are busy. */
  ringAttempts?: Maybe<Scalars['Int']['output']>;
  /** Lowest rings first. */
  ringOrder?: Maybe<Scalars['Int']['output']>;
  /** Seconds to ring before moving on to the next member. */
  ringSeconds?: Maybe<Scalars['Int']['output']>;
  ringStrategy?: Maybe<RingStrategy>;
  vendor: Vendor;
};

export type QueueOrder = {
  direction?: InputMaybe<OrderDirection>;
  field: QueueOrderField;
};

export enum QueueOrderField {
  DisplayName = 'displayName',
  Extension = 'extension',
  Name = 'name'
}

export enum Reconciled {
  Applied = 'APPLIED',
  NotApplied = 'NOT_APPLIED',
  Unchecked = 'UNCHECKED'
}

export type RegisteredDevice = {
  __typename?: 'RegisteredDevice';
  contact: Scalars['String']['output'];
  expires?: Maybe<Scalars['Int']['output']>;
  publicContact?: Maybe<Scalars['String']['output']>;
  transport?: Maybe<Scalars['String']['output']>;
  userAgent?: Maybe<Scalars['String']['output']>;
};

export enum RingStrategy {
  /** Ring every user of the group at once. */
  All = 'all',
  /** Ring users one by one, longest idle first. */
  HuntLongestIdle = 'huntLongestIdle'
}

/**
 * A SIP Thor account's settings. Each field is one vendor call, made only when the field is asked
 * for and at most once per request, however often it appears.
 */
export type SipAccountSettings = {
  __typename?: 'SipAccountSettings';
  acceptRules?: Maybe<AcceptRules>;
  aliases?: Maybe<Array<Scalars['String']['output']>>;
  balanceHistory?: Maybe<Array<BalanceEntry>>;
  callForwarding?: Maybe<CallForwarding>;
  /** The last 14 days, at most 50 calls each way. */
  callHistory?: Maybe<CallHistory>;
  /** Read from the accept rules (a rule letting nobody through); after setDoNotDisturb, what it set. */
  doNotDisturb?: Maybe<DoNotDisturb>;
  /** ENUM (E.164) numbers that reach the account. */
  enumNumbers?: Maybe<Array<Scalars['String']['output']>>;
  identity?: Maybe<SipIdentity>;
  monthlyUsage?: Maybe<MonthlyUsage>;
  prepaid?: Maybe<Prepaid>;
  /**
   * Caller id hidden on outgoing calls. SIP Thor documents no read of it: null (unknown), except
   * right after setPrivacy in the same request, where it is the value just set.
   */
  privacy?: Maybe<Scalars['Boolean']['output']>;
  /** Devices registered now. */
  registeredDevices?: Maybe<Array<RegisteredDevice>>;
  /** Callers always rejected. */
  rejectRules?: Maybe<Array<Scalars['String']['output']>>;
  voicemail?: Maybe<Voicemail>;
};

export type SipIdentity = {
  __typename?: 'SipIdentity';
  email?: Maybe<Scalars['String']['output']>;
  firstName?: Maybe<Scalars['String']['output']>;
  lastName?: Maybe<Scalars['String']['output']>;
  mobileNumber?: Maybe<Scalars['String']['output']>;
  noAnswerTimeout?: Maybe<Scalars['Int']['output']>;
  pstnCallerId?: Maybe<Scalars['String']['output']>;
  quickDial?: Maybe<Scalars['String']['output']>;
  sipAddress: Scalars['String']['output'];
  timezone?: Maybe<Scalars['String']['output']>;
};

export type SipParameter = {
  __typename?: 'SipParameter';
  name: Scalars['String']['output'];
  value: Scalars['String']['output'];
};

export type SipParameterInput = {
  name: Scalars['String']['input'];
  value: Scalars['String']['input'];
};

export enum StepStatus {
  Done = 'DONE',
  /** Failed; the vendor may have applied it (its outcome is unknown). */
  Failed = 'FAILED',
  /** Applied and could not be undone: still there, see reason. */
  Left = 'LEFT',
  /** Failed, and the vendor did not apply it. */
  NotApplied = 'NOT_APPLIED',
  Pending = 'PENDING',
  Running = 'RUNNING',
  /** Not needed, see reason. */
  Skipped = 'SKIPPED',
  Undone = 'UNDONE'
}

export type TemporaryAcceptRule = {
  __typename?: 'TemporaryAcceptRule';
  groups: Array<Scalars['String']['output']>;
  minutesLeft?: Maybe<Scalars['Int']['output']>;
};

export enum TransportProtocol {
  Tcp = 'TCP',
  Udp = 'UDP'
}

/** A network whose SIP traffic the domain trusts without registration. */
export type TrustedNetwork = Node & {
  __typename?: 'TrustedNetwork';
  connection: Scalars['String']['output'];
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  description?: Maybe<Scalars['String']['output']>;
  domain: Domain;
  id: Scalars['ID']['output'];
  network: Scalars['Cidr']['output'];
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
  vendor: Vendor;
};

export type TrustedNetworkConnection = {
  __typename?: 'TrustedNetworkConnection';
  nodes: Array<TrustedNetwork>;
  pageInfo: PageInfo;
  /** Null when the vendor does not report totals. */
  totalCount?: Maybe<Scalars['Int']['output']>;
};

export type TrustedNetworkOrder = {
  direction?: InputMaybe<OrderDirection>;
  field: TrustedNetworkOrderField;
};

export enum TrustedNetworkOrderField {
  Description = 'description',
  Network = 'network'
}

/** A partial change: a field left out keeps its value; `null` clears it where the vendor can, else BAD_USER_INPUT (docs/vendors.md). */
export type UpdateDeviceInput = {
  name?: InputMaybe<Scalars['String']['input']>;
};

/** A partial change of one 2N device SIP account: a field left out keeps its value; `null` clears it where the device can, else BAD_USER_INPUT (docs/vendors.md). */
export type UpdateDeviceSipAccountInput = {
  answerMode?: InputMaybe<Scalars['String']['input']>;
  authId?: InputMaybe<Scalars['String']['input']>;
  displayName?: InputMaybe<Scalars['String']['input']>;
  domain?: InputMaybe<Scalars['String']['input']>;
  domainPort?: InputMaybe<Scalars['Port']['input']>;
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
  /** Write-only: the device never returns it. */
  password?: InputMaybe<Scalars['String']['input']>;
  proxyAddress?: InputMaybe<Scalars['String']['input']>;
  proxyPort?: InputMaybe<Scalars['Port']['input']>;
  registrarAddress?: InputMaybe<Scalars['String']['input']>;
  registrarPort?: InputMaybe<Scalars['Port']['input']>;
  registrationEnabled?: InputMaybe<Scalars['Boolean']['input']>;
  sipNumber?: InputMaybe<Scalars['String']['input']>;
};

/** A partial change: a field left out keeps its value; `null` clears it where the vendor can, else BAD_USER_INPUT (docs/vendors.md). */
export type UpdateDomainInput = {
  callRecording?: InputMaybe<Scalars['Boolean']['input']>;
  displayName?: InputMaybe<Scalars['String']['input']>;
};

/** A partial change: a field left out keeps its value; `null` clears it where the vendor can, else BAD_USER_INPUT (docs/vendors.md). */
export type UpdateGroupInput = {
  callerNameFormat?: InputMaybe<Scalars['String']['input']>;
  displayName?: InputMaybe<Scalars['String']['input']>;
  extension?: InputMaybe<Scalars['Extension']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  ringExclusive?: InputMaybe<Scalars['Boolean']['input']>;
  ringRetry?: InputMaybe<Scalars['Boolean']['input']>;
};

/** A partial change: fields left out keep their value. */
export type UpdateProviderInput = {
  authId?: InputMaybe<Scalars['String']['input']>;
  authMode?: InputMaybe<ProviderAuthMode>;
  hostname?: InputMaybe<Scalars['String']['input']>;
  inParameters?: InputMaybe<Array<SipParameterInput>>;
  ips?: InputMaybe<Array<Scalars['String']['input']>>;
  name?: InputMaybe<Scalars['String']['input']>;
  outParameters?: InputMaybe<Array<SipParameterInput>>;
  outboundServer?: InputMaybe<Scalars['String']['input']>;
  outboundServerPort?: InputMaybe<Scalars['Port']['input']>;
  /** Write-only. */
  password?: InputMaybe<Scalars['String']['input']>;
  port?: InputMaybe<Scalars['Port']['input']>;
  protocol?: InputMaybe<TransportProtocol>;
  providerInLan?: InputMaybe<Scalars['Boolean']['input']>;
  requireRegister?: InputMaybe<Scalars['Boolean']['input']>;
  reregisterInterval?: InputMaybe<Scalars['Int']['input']>;
  singleViaHeader?: InputMaybe<Scalars['Boolean']['input']>;
  status?: InputMaybe<ProviderStatus>;
};

/** A partial change: a field left out keeps its value; `null` clears it where the vendor can, else BAD_USER_INPUT (docs/vendors.md). */
export type UpdateQueueInput = {
  callerNameFormat?: InputMaybe<Scalars['String']['input']>;
  displayName?: InputMaybe<Scalars['String']['input']>;
  extension?: InputMaybe<Scalars['Extension']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
};

/** A partial change: a field left out keeps its value; `null` clears it where the vendor can, else BAD_USER_INPUT (docs/vendors.md). */
export type UpdateQueueMemberInput = {
  groupId?: InputMaybe<Scalars['ID']['input']>;
  ringAttempts?: InputMaybe<Scalars['Int']['input']>;
  ringOrder?: InputMaybe<Scalars['Int']['input']>;
  ringSeconds?: InputMaybe<Scalars['Int']['input']>;
  ringStrategy?: InputMaybe<RingStrategy>;
};

/** A partial change: a field left out keeps its value; `null` clears it where the vendor can, else BAD_USER_INPUT (docs/vendors.md). */
export type UpdateTrustedNetworkInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  network?: InputMaybe<Scalars['Cidr']['input']>;
};

/** A partial change: a field left out keeps its value; `null` clears it where the vendor can, else BAD_USER_INPUT (docs/vendors.md). */
export type UpdateUserInput = {
  company?: InputMaybe<Scalars['String']['input']>;
  department?: InputMaybe<Scalars['String']['input']>;
  displayName?: InputMaybe<Scalars['String']['input']>;
  email?: InputMaybe<Scalars['String']['input']>;
  extension?: InputMaybe<Scalars['Extension']['input']>;
  firstName?: InputMaybe<Scalars['String']['input']>;
  followToMobile?: InputMaybe<Scalars['Boolean']['input']>;
  hotdeskAllowed?: InputMaybe<Scalars['Boolean']['input']>;
  jobTitle?: InputMaybe<Scalars['String']['input']>;
  lastName?: InputMaybe<Scalars['String']['input']>;
  mobileNumber?: InputMaybe<Scalars['String']['input']>;
  office?: InputMaybe<Scalars['String']['input']>;
  onDashboard?: InputMaybe<Scalars['Boolean']['input']>;
  password?: InputMaybe<Scalars['String']['input']>;
  pin?: InputMaybe<Scalars['String']['input']>;
  ukCallerId?: InputMaybe<Scalars['String']['input']>;
  usCallerId?: InputMaybe<Scalars['String']['input']>;
};

/** A SIP user: an Infinity SIP user, or a Stringee SIP phone. */
export type User = Node & {
  __typename?: 'User';
  /** The user's SIP accounts across vendors. */
  accounts?: Maybe<Array<Account>>;
  company?: Maybe<Scalars['String']['output']>;
  connection: Scalars['String']['output'];
  /** When the vendor reports it. Infinity documents no create time for a user: null unless the server sends one. */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  department?: Maybe<Scalars['String']['output']>;
  /** The user's device assignments as the vendor lists them, paged. */
  deviceAssignments?: Maybe<DeviceAssignmentConnection>;
  /** The PBX devices assigned to the user. */
  devices?: Maybe<Array<Device>>;
  displayName?: Maybe<Scalars['String']['output']>;
  domain: Domain;
  email?: Maybe<Scalars['String']['output']>;
  extension?: Maybe<Scalars['Extension']['output']>;
  firstName?: Maybe<Scalars['String']['output']>;
  /** Missed calls follow to the mobile number. */
  followToMobile?: Maybe<Scalars['Boolean']['output']>;
  /** The groups the user is a member of. */
  groups?: Maybe<Array<Group>>;
  hotdeskAllowed?: Maybe<Scalars['Boolean']['output']>;
  id: Scalars['ID']['output'];
  jobTitle?: Maybe<Scalars['String']['output']>;
  lastName?: Maybe<Scalars['String']['output']>;
  mobileNumber?: Maybe<Scalars['String']['output']>;
  office?: Maybe<Scalars['String']['output']>;
  /** Shown on the real-time dashboard. */
  onDashboard?: Maybe<Scalars['Boolean']['output']>;
  ukCallerId?: Maybe<Scalars['String']['output']>;
  ukPhoneId?: Maybe<Scalars['Int']['output']>;
  /** When the vendor reports it. Infinity documents no update time for a user: null unless the server sends one. */
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
  usCallerId?: Maybe<Scalars['String']['output']>;
  usPhoneId?: Maybe<Scalars['Int']['output']>;
  /** The user name (`joe.bloggs`); for Stringee the phone's username. */
  userName: Scalars['String']['output'];
  vendor: Vendor;
};


/** A SIP user: an Infinity SIP user, or a Stringee SIP phone. */
export type UserDeviceAssignmentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<DeviceAssignmentOrder>>;
};

export type UserConnection = {
  __typename?: 'UserConnection';
  nodes: Array<User>;
  pageInfo: PageInfo;
  /** Null when the vendor does not report totals. */
  totalCount?: Maybe<Scalars['Int']['output']>;
};

export type UserFilter = {
  /**
   * Case-insensitive substring of the display name. Infinity documents no substring filter, so the
   * gateway filters there itself: it reads every user matching the other filters (in pages of 1000).
   */
  displayNameContains?: InputMaybe<Scalars['String']['input']>;
  email?: InputMaybe<Scalars['String']['input']>;
  extension?: InputMaybe<Scalars['Extension']['input']>;
  userName?: InputMaybe<Scalars['String']['input']>;
};

export type UserOrder = {
  direction?: InputMaybe<OrderDirection>;
  field: UserOrderField;
};

/** Only fields every vendor documents on a user row (so no creation or update time). */
export enum UserOrderField {
  DisplayName = 'displayName',
  Email = 'email',
  Extension = 'extension',
  FirstName = 'firstName',
  LastName = 'lastName',
  UserName = 'userName'
}

/** The vendor APIs sipgraph speaks to. */
export enum Vendor {
  /** Infinity Config API v2: domains, users, groups, queues, trusted networks, PBX devices. */
  Infinity = 'infinity',
  /** PortSIP PBX REST: SIP trunks (providers). */
  Pbx = 'pbx',
  /** SIP Thor settings API: one SIP account's settings. */
  SipThor = 'sipthor',
  /** Stringee REST: SIP phones of a project. */
  Stringee = 'stringee',
  /** 2N IP intercom HTTP API: a device's SIP accounts. */
  TwoN = '2n'
}

/** A configured vendor connection. */
export type VendorConnection = {
  __typename?: 'VendorConnection';
  /** The base URL calls go to (credentials are never shown). */
  baseUrl?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  vendor: Vendor;
};

/** Voicemail settings. The mailbox PIN/password is never exposed. */
export type Voicemail = {
  __typename?: 'Voicemail';
  account?: Maybe<Scalars['String']['output']>;
  email?: Maybe<Scalars['String']['output']>;
  info?: Maybe<Scalars['String']['output']>;
  mailbox?: Maybe<Scalars['String']['output']>;
  name?: Maybe<Scalars['String']['output']>;
  options?: Maybe<Scalars['String']['output']>;
};



export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;




/** Mapping of interface types */
export type ResolversInterfaceTypes<_RefType extends Record<string, unknown>> = {
  Node:
    | ( AccountModel )
    | ( DeviceModel )
    | ( DomainModel )
    | ( GroupModel )
    | ( ProviderModel )
    | ( QueueModel )
    | ( QueueMemberModel )
    | ( TrustedNetworkModel )
    | ( UserModel )
  ;
};

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AcceptRules: ResolverTypeWrapper<AcceptRulesModel>;
  AcceptWindow: ResolverTypeWrapper<AcceptWindow>;
  Account: ResolverTypeWrapper<AccountModel>;
  AddQueueMemberInput: AddQueueMemberInput;
  BalanceEntry: ResolverTypeWrapper<BalanceEntryModel>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  CallForwarding: ResolverTypeWrapper<CallForwardingModel>;
  CallForwardingInput: CallForwardingInput;
  CallHistory: ResolverTypeWrapper<CallHistoryModel>;
  CallRecord: ResolverTypeWrapper<CallRecordModel>;
  Change: ResolverTypeWrapper<ChangeRecord>;
  ChangeFailure: ResolverTypeWrapper<ChangeFailure>;
  ChangeStatus: ChangeStatus;
  ChangeStep: ResolverTypeWrapper<StepRecord>;
  Cidr: ResolverTypeWrapper<Scalars['Cidr']['output']>;
  CreateDeviceInput: CreateDeviceInput;
  CreateGroupInput: CreateGroupInput;
  CreateProviderInput: CreateProviderInput;
  CreateQueueInput: CreateQueueInput;
  CreateTrustedNetworkInput: CreateTrustedNetworkInput;
  CreateUserInput: CreateUserInput;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Deletion: ResolverTypeWrapper<DeletionModel>;
  DeprovisionUserInput: DeprovisionUserInput;
  Device: ResolverTypeWrapper<DeviceModel>;
  DeviceAssignment: ResolverTypeWrapper<DeviceAssignmentModel>;
  DeviceAssignmentConnection: ResolverTypeWrapper<DeviceAssignmentPage>;
  DeviceAssignmentOrder: DeviceAssignmentOrder;
  DeviceAssignmentOrderField: null;
  DeviceAssignmentPayload: ResolverTypeWrapper<DeviceAssignmentModel>;
  DeviceConnection: ResolverTypeWrapper<DevicePage>;
  DeviceFilter: DeviceFilter;
  DeviceOrder: DeviceOrder;
  DeviceOrderField: null;
  DeviceSipAccount: ResolverTypeWrapper<DeviceAccountModel>;
  DeviceSipConfig: ResolverTypeWrapper<DeviceSipConfigModel>;
  DoNotDisturb: ResolverTypeWrapper<DoNotDisturb>;
  Domain: ResolverTypeWrapper<DomainModel>;
  Extension: ResolverTypeWrapper<Scalars['Extension']['output']>;
  Group: ResolverTypeWrapper<GroupModel>;
  GroupConnection: ResolverTypeWrapper<GroupPage>;
  GroupFilter: GroupFilter;
  GroupOrder: GroupOrder;
  GroupOrderField: null;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  MacAddress: ResolverTypeWrapper<Scalars['MacAddress']['output']>;
  MonthlyUsage: ResolverTypeWrapper<MonthlyUsageModel>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Node: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['Node']>;
  OrderDirection: null;
  PageInfo: ResolverTypeWrapper<AnyPage>;
  PolicyAccess: PolicyAccess;
  PolicyArea: PolicyArea;
  Port: ResolverTypeWrapper<Scalars['Port']['output']>;
  Prepaid: ResolverTypeWrapper<PrepaidModel>;
  Provider: ResolverTypeWrapper<ProviderModel>;
  ProviderAuthMode: ProviderAuthMode;
  ProviderConnection: ResolverTypeWrapper<ProviderPage>;
  ProviderSort: ProviderSort;
  ProviderStatus: ProviderStatus;
  ProvisionDeviceInput: ProvisionDeviceInput;
  ProvisionUserInput: ProvisionUserInput;
  ProvisioningPayload: ResolverTypeWrapper<ProvisioningResult>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Queue: ResolverTypeWrapper<QueueModel>;
  QueueConnection: ResolverTypeWrapper<QueuePage>;
  QueueFilter: QueueFilter;
  QueueMember: ResolverTypeWrapper<QueueMemberModel>;
  QueueOrder: QueueOrder;
  QueueOrderField: null;
  Reconciled: Reconciled;
  RegisteredDevice: ResolverTypeWrapper<RegisteredDeviceModel>;
  RingStrategy: null;
  SipAccountSettings: ResolverTypeWrapper<AccountModel>;
  SipIdentity: ResolverTypeWrapper<SipIdentityModel>;
  SipParameter: ResolverTypeWrapper<SipParameter>;
  SipParameterInput: SipParameterInput;
  StepStatus: StepStatus;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  TemporaryAcceptRule: ResolverTypeWrapper<TemporaryAcceptRule>;
  TransportProtocol: TransportProtocol;
  TrustedNetwork: ResolverTypeWrapper<TrustedNetworkModel>;
  TrustedNetworkConnection: ResolverTypeWrapper<TrustedNetworkPage>;
  TrustedNetworkOrder: TrustedNetworkOrder;
  TrustedNetworkOrderField: null;
  UpdateDeviceInput: UpdateDeviceInput;
  UpdateDeviceSipAccountInput: UpdateDeviceSipAccountInput;
  UpdateDomainInput: UpdateDomainInput;
  UpdateGroupInput: UpdateGroupInput;
  UpdateProviderInput: UpdateProviderInput;
  UpdateQueueInput: UpdateQueueInput;
  UpdateQueueMemberInput: UpdateQueueMemberInput;
  UpdateTrustedNetworkInput: UpdateTrustedNetworkInput;
  UpdateUserInput: UpdateUserInput;
  User: ResolverTypeWrapper<UserModel>;
  UserConnection: ResolverTypeWrapper<UserPage>;
  UserFilter: UserFilter;
  UserOrder: UserOrder;
  UserOrderField: null;
  Vendor: null;
  VendorConnection: ResolverTypeWrapper<ConnectionInfo>;
  Voicemail: ResolverTypeWrapper<VoicemailModel>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AcceptRules: AcceptRulesModel;
  AcceptWindow: AcceptWindow;
  Account: AccountModel;
  AddQueueMemberInput: AddQueueMemberInput;
  BalanceEntry: BalanceEntryModel;
  Boolean: Scalars['Boolean']['output'];
  CallForwarding: CallForwardingModel;
  CallForwardingInput: CallForwardingInput;
  CallHistory: CallHistoryModel;
  CallRecord: CallRecordModel;
  Change: ChangeRecord;
  ChangeFailure: ChangeFailure;
  ChangeStep: StepRecord;
  Cidr: Scalars['Cidr']['output'];
  CreateDeviceInput: CreateDeviceInput;
  CreateGroupInput: CreateGroupInput;
  CreateProviderInput: CreateProviderInput;
  CreateQueueInput: CreateQueueInput;
  CreateTrustedNetworkInput: CreateTrustedNetworkInput;
  CreateUserInput: CreateUserInput;
  DateTime: Scalars['DateTime']['output'];
  Deletion: DeletionModel;
  DeprovisionUserInput: DeprovisionUserInput;
  Device: DeviceModel;
  DeviceAssignment: DeviceAssignmentModel;
  DeviceAssignmentConnection: DeviceAssignmentPage;
  DeviceAssignmentOrder: DeviceAssignmentOrder;
  DeviceAssignmentPayload: DeviceAssignmentModel;
  DeviceConnection: DevicePage;
  DeviceFilter: DeviceFilter;
  DeviceOrder: DeviceOrder;
  DeviceSipAccount: DeviceAccountModel;
  DeviceSipConfig: DeviceSipConfigModel;
  DoNotDisturb: DoNotDisturb;
  Domain: DomainModel;
  Extension: Scalars['Extension']['output'];
  Group: GroupModel;
  GroupConnection: GroupPage;
  GroupFilter: GroupFilter;
  GroupOrder: GroupOrder;
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  MacAddress: Scalars['MacAddress']['output'];
  MonthlyUsage: MonthlyUsageModel;
  Mutation: Record<PropertyKey, never>;
  Node: ResolversInterfaceTypes<ResolversParentTypes>['Node'];
  PageInfo: AnyPage;
  Port: Scalars['Port']['output'];
  Prepaid: PrepaidModel;
  Provider: ProviderModel;
  ProviderConnection: ProviderPage;
  ProvisionDeviceInput: ProvisionDeviceInput;
  ProvisionUserInput: ProvisionUserInput;
  ProvisioningPayload: ProvisioningResult;
  Query: Record<PropertyKey, never>;
  Queue: QueueModel;
  QueueConnection: QueuePage;
  QueueFilter: QueueFilter;
  QueueMember: QueueMemberModel;
  QueueOrder: QueueOrder;
  RegisteredDevice: RegisteredDeviceModel;
  SipAccountSettings: AccountModel;
  SipIdentity: SipIdentityModel;
  SipParameter: SipParameter;
  SipParameterInput: SipParameterInput;
  String: Scalars['String']['output'];
  TemporaryAcceptRule: TemporaryAcceptRule;
  TrustedNetwork: TrustedNetworkModel;
  TrustedNetworkConnection: TrustedNetworkPage;
  TrustedNetworkOrder: TrustedNetworkOrder;
  UpdateDeviceInput: UpdateDeviceInput;
  UpdateDeviceSipAccountInput: UpdateDeviceSipAccountInput;
  UpdateDomainInput: UpdateDomainInput;
  UpdateGroupInput: UpdateGroupInput;
  UpdateProviderInput: UpdateProviderInput;
  UpdateQueueInput: UpdateQueueInput;
  UpdateQueueMemberInput: UpdateQueueMemberInput;
  UpdateTrustedNetworkInput: UpdateTrustedNetworkInput;
  UpdateUserInput: UpdateUserInput;
  User: UserModel;
  UserConnection: UserPage;
  UserFilter: UserFilter;
  UserOrder: UserOrder;
  VendorConnection: ConnectionInfo;
  Voicemail: VoicemailModel;
};

export type BoundedDirectiveArgs = {
  max?: Maybe<Scalars['Int']['input']>;
  maxLength?: Maybe<Scalars['Int']['input']>;
  min?: Maybe<Scalars['Int']['input']>;
  pattern?: Maybe<Scalars['String']['input']>;
};

export type BoundedDirectiveResolver<Result, Parent, ContextType = GatewayContext, Args = BoundedDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type PolicyDirectiveArgs = {
  access: PolicyAccess;
  area?: Maybe<PolicyArea>;
};

export type PolicyDirectiveResolver<Result, Parent, ContextType = GatewayContext, Args = PolicyDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type AcceptRulesResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['AcceptRules'] = ResolversParentTypes['AcceptRules']> = {
  groups?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  persistent?: Resolver<Maybe<ResolversTypes['AcceptWindow']>, ParentType, ContextType>;
  temporary?: Resolver<Maybe<ResolversTypes['TemporaryAcceptRule']>, ParentType, ContextType>;
};

export type AcceptWindowResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['AcceptWindow'] = ResolversParentTypes['AcceptWindow']> = {
  groups?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  start?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  stop?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type AccountResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Account'] = ResolversParentTypes['Account']> = {
  address?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  configured?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  connection?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  deviceAccount?: Resolver<Maybe<ResolversTypes['DeviceSipAccount']>, ParentType, ContextType>;
  displayName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  enabled?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  registered?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  registeredAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  registrar?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  settings?: Resolver<Maybe<ResolversTypes['SipAccountSettings']>, ParentType, ContextType>;
  username?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  vendor?: Resolver<ResolversTypes['Vendor'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type BalanceEntryResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['BalanceEntry'] = ResolversParentTypes['BalanceEntry']> = {
  action?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  balance?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  date?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  session?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type CallForwardingResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['CallForwarding'] = ResolversParentTypes['CallForwarding']> = {
  busy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  noAnswer?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  notAvailable?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  notOnline?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  unconditional?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type CallHistoryResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['CallHistory'] = ResolversParentTypes['CallHistory']> = {
  placed?: Resolver<Array<ResolversTypes['CallRecord']>, ParentType, ContextType>;
  received?: Resolver<Array<ResolversTypes['CallRecord']>, ParentType, ContextType>;
};

export type CallRecordResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['CallRecord'] = ResolversParentTypes['CallRecord']> = {
  displayName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  durationSeconds?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  price?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  remoteParty?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sessionId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  startTime?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  stopTime?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  timezone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ChangeResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Change'] = ResolversParentTypes['Change']> = {
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  finishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  recoveredBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  startedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ChangeStatus'], ParentType, ContextType>;
  steps?: Resolver<Array<ResolversTypes['ChangeStep']>, ParentType, ContextType>;
  summary?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ChangeFailureResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ChangeFailure'] = ResolversParentTypes['ChangeFailure']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ChangeStepResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ChangeStep'] = ResolversParentTypes['ChangeStep']> = {
  action?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reconciled?: Resolver<Maybe<ResolversTypes['Reconciled']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['StepStatus'], ParentType, ContextType>;
};

export interface CidrScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Cidr'], any> {
  name: 'Cidr';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DeletionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Deletion'] = ResolversParentTypes['Deletion']> = {
  deletedId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type DeviceResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Device'] = ResolversParentTypes['Device']> = {
  connection?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  domain?: Resolver<ResolversTypes['Domain'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  macAddress?: Resolver<Maybe<ResolversTypes['MacAddress']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sipConfig?: Resolver<Maybe<ResolversTypes['DeviceSipConfig']>, ParentType, ContextType>;
  updatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  vendor?: Resolver<ResolversTypes['Vendor'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type DeviceAssignmentResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['DeviceAssignment'] = ResolversParentTypes['DeviceAssignment']> = {
  device?: Resolver<ResolversTypes['Device'], ParentType, ContextType>;
  deviceName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  updatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
};

export type DeviceAssignmentConnectionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['DeviceAssignmentConnection'] = ResolversParentTypes['DeviceAssignmentConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['DeviceAssignment']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type DeviceAssignmentOrderFieldResolvers = { DEVICE_NAME: 'deviceName', UPDATED_AT: 'updatedAt' };

export type DeviceAssignmentPayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['DeviceAssignmentPayload'] = ResolversParentTypes['DeviceAssignmentPayload']> = {
  assignment?: Resolver<ResolversTypes['DeviceAssignment'], ParentType, ContextType>;
  provisioningToken?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type DeviceConnectionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['DeviceConnection'] = ResolversParentTypes['DeviceConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['Device']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type DeviceOrderFieldResolvers = { CREATED_AT: 'createdAt', MAC_ADDRESS: 'macAddress', NAME: 'name', UPDATED_AT: 'updatedAt' };

export type DeviceSipAccountResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['DeviceSipAccount'] = ResolversParentTypes['DeviceSipAccount']> = {
  answerMode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  authId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  displayName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  domain?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  domainPort?: Resolver<Maybe<ResolversTypes['Port']>, ParentType, ContextType>;
  enabled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  index?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  proxyAddress?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  proxyPort?: Resolver<Maybe<ResolversTypes['Port']>, ParentType, ContextType>;
  registrarAddress?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  registrarPort?: Resolver<Maybe<ResolversTypes['Port']>, ParentType, ContextType>;
  registrationEnabled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  sipNumber?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type DeviceSipConfigResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['DeviceSipConfig'] = ResolversParentTypes['DeviceSipConfig']> = {
  accounts?: Resolver<Array<ResolversTypes['Account']>, ParentType, ContextType>;
  connection?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  macAddress?: Resolver<Maybe<ResolversTypes['MacAddress']>, ParentType, ContextType>;
};

export type DoNotDisturbResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['DoNotDisturb'] = ResolversParentTypes['DoNotDisturb']> = {
  enabled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  minutesLeft?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type DomainResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Domain'] = ResolversParentTypes['Domain']> = {
  callRecording?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  connection?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  devices?: Resolver<Maybe<ResolversTypes['DeviceConnection']>, ParentType, ContextType, RequireFields<DomainDevicesArgs, 'first'>>;
  displayName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  groups?: Resolver<Maybe<ResolversTypes['GroupConnection']>, ParentType, ContextType, RequireFields<DomainGroupsArgs, 'first'>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  queues?: Resolver<Maybe<ResolversTypes['QueueConnection']>, ParentType, ContextType, RequireFields<DomainQueuesArgs, 'first'>>;
  registrar?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  trustedNetworks?: Resolver<Maybe<ResolversTypes['TrustedNetworkConnection']>, ParentType, ContextType, RequireFields<DomainTrustedNetworksArgs, 'first'>>;
  updatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  users?: Resolver<Maybe<ResolversTypes['UserConnection']>, ParentType, ContextType, RequireFields<DomainUsersArgs, 'first'>>;
  vendor?: Resolver<ResolversTypes['Vendor'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export interface ExtensionScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Extension'], any> {
  name: 'Extension';
}

export type GroupResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Group'] = ResolversParentTypes['Group']> = {
  callerNameFormat?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  connection?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  displayName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  domain?: Resolver<ResolversTypes['Domain'], ParentType, ContextType>;
  extension?: Resolver<Maybe<ResolversTypes['Extension']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  ringExclusive?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  ringRetry?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  updatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  users?: Resolver<Maybe<Array<ResolversTypes['User']>>, ParentType, ContextType>;
  vendor?: Resolver<ResolversTypes['Vendor'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type GroupConnectionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['GroupConnection'] = ResolversParentTypes['GroupConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['Group']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type GroupOrderFieldResolvers = { DISPLAY_NAME: 'displayName', EXTENSION: 'extension', NAME: 'name' };

export interface MacAddressScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['MacAddress'], any> {
  name: 'MacAddress';
}

export type MonthlyUsageResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['MonthlyUsage'] = ResolversParentTypes['MonthlyUsage']> = {
  calls?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  price?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type MutationResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  _noop?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  addAccountAlias?: Resolver<ResolversTypes['Account'], ParentType, ContextType, RequireFields<MutationAddAccountAliasArgs, 'accountId' | 'username'>>;
  addGroupUsers?: Resolver<ResolversTypes['Group'], ParentType, ContextType, RequireFields<MutationAddGroupUsersArgs, 'groupId' | 'userIds'>>;
  addQueueMember?: Resolver<ResolversTypes['QueueMember'], ParentType, ContextType, RequireFields<MutationAddQueueMemberArgs, 'input'>>;
  addUserToGroups?: Resolver<ResolversTypes['User'], ParentType, ContextType, RequireFields<MutationAddUserToGroupsArgs, 'groupIds' | 'userId'>>;
  assignDevice?: Resolver<ResolversTypes['DeviceAssignmentPayload'], ParentType, ContextType, RequireFields<MutationAssignDeviceArgs, 'deviceId' | 'userId'>>;
  createDevice?: Resolver<ResolversTypes['Device'], ParentType, ContextType, RequireFields<MutationCreateDeviceArgs, 'input'>>;
  createGroup?: Resolver<ResolversTypes['Group'], ParentType, ContextType, RequireFields<MutationCreateGroupArgs, 'input'>>;
  createProvider?: Resolver<ResolversTypes['Provider'], ParentType, ContextType, RequireFields<MutationCreateProviderArgs, 'input'>>;
  createQueue?: Resolver<ResolversTypes['Queue'], ParentType, ContextType, RequireFields<MutationCreateQueueArgs, 'input'>>;
  createTrustedNetwork?: Resolver<ResolversTypes['TrustedNetwork'], ParentType, ContextType, RequireFields<MutationCreateTrustedNetworkArgs, 'input'>>;
  createUser?: Resolver<ResolversTypes['User'], ParentType, ContextType, RequireFields<MutationCreateUserArgs, 'input'>>;
  deleteDevice?: Resolver<ResolversTypes['Deletion'], ParentType, ContextType, RequireFields<MutationDeleteDeviceArgs, 'id'>>;
  deleteGroup?: Resolver<ResolversTypes['Deletion'], ParentType, ContextType, RequireFields<MutationDeleteGroupArgs, 'id'>>;
  deleteProvider?: Resolver<ResolversTypes['Deletion'], ParentType, ContextType, RequireFields<MutationDeleteProviderArgs, 'id'>>;
  deleteQueue?: Resolver<ResolversTypes['Deletion'], ParentType, ContextType, RequireFields<MutationDeleteQueueArgs, 'id'>>;
  deleteTrustedNetwork?: Resolver<ResolversTypes['Deletion'], ParentType, ContextType, RequireFields<MutationDeleteTrustedNetworkArgs, 'id'>>;
  deleteUser?: Resolver<ResolversTypes['Deletion'], ParentType, ContextType, RequireFields<MutationDeleteUserArgs, 'id'>>;
  deprovisionUser?: Resolver<ResolversTypes['ProvisioningPayload'], ParentType, ContextType, RequireFields<MutationDeprovisionUserArgs, 'input'>>;
  provisionUser?: Resolver<ResolversTypes['ProvisioningPayload'], ParentType, ContextType, RequireFields<MutationProvisionUserArgs, 'input'>>;
  removeGroupUsers?: Resolver<ResolversTypes['Group'], ParentType, ContextType, RequireFields<MutationRemoveGroupUsersArgs, 'groupId' | 'userIds'>>;
  removeQueueMember?: Resolver<ResolversTypes['Deletion'], ParentType, ContextType, RequireFields<MutationRemoveQueueMemberArgs, 'id'>>;
  setCallForwarding?: Resolver<ResolversTypes['Account'], ParentType, ContextType, RequireFields<MutationSetCallForwardingArgs, 'accountId' | 'input'>>;
  setDoNotDisturb?: Resolver<ResolversTypes['Account'], ParentType, ContextType, RequireFields<MutationSetDoNotDisturbArgs, 'accountId' | 'enabled'>>;
  setPrivacy?: Resolver<ResolversTypes['Account'], ParentType, ContextType, RequireFields<MutationSetPrivacyArgs, 'accountId' | 'enabled'>>;
  setQueueMemberOrder?: Resolver<ResolversTypes['Queue'], ParentType, ContextType, RequireFields<MutationSetQueueMemberOrderArgs, 'memberIds' | 'queueId'>>;
  unassignDevice?: Resolver<ResolversTypes['Device'], ParentType, ContextType, RequireFields<MutationUnassignDeviceArgs, 'deviceId' | 'userId'>>;
  updateDevice?: Resolver<ResolversTypes['Device'], ParentType, ContextType, RequireFields<MutationUpdateDeviceArgs, 'id' | 'input'>>;
  updateDeviceSipAccount?: Resolver<ResolversTypes['Account'], ParentType, ContextType, RequireFields<MutationUpdateDeviceSipAccountArgs, 'id' | 'input'>>;
  updateDomain?: Resolver<ResolversTypes['Domain'], ParentType, ContextType, RequireFields<MutationUpdateDomainArgs, 'id' | 'input'>>;
  updateGroup?: Resolver<ResolversTypes['Group'], ParentType, ContextType, RequireFields<MutationUpdateGroupArgs, 'id' | 'input'>>;
  updateProvider?: Resolver<ResolversTypes['Provider'], ParentType, ContextType, RequireFields<MutationUpdateProviderArgs, 'id' | 'input'>>;
  updateQueue?: Resolver<ResolversTypes['Queue'], ParentType, ContextType, RequireFields<MutationUpdateQueueArgs, 'id' | 'input'>>;
  updateQueueMember?: Resolver<ResolversTypes['QueueMember'], ParentType, ContextType, RequireFields<MutationUpdateQueueMemberArgs, 'id' | 'input'>>;
  updateTrustedNetwork?: Resolver<ResolversTypes['TrustedNetwork'], ParentType, ContextType, RequireFields<MutationUpdateTrustedNetworkArgs, 'id' | 'input'>>;
  updateUser?: Resolver<ResolversTypes['User'], ParentType, ContextType, RequireFields<MutationUpdateUserArgs, 'id' | 'input'>>;
};

export type NodeResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Node'] = ResolversParentTypes['Node']> = {
  __resolveType: TypeResolveFn<'Account' | 'Device' | 'Domain' | 'Group' | 'Provider' | 'Queue' | 'QueueMember' | 'TrustedNetwork' | 'User', ParentType, ContextType>;
};

export type OrderDirectionResolvers = { ASC: 'asc', DESC: 'desc' };

export type PageInfoResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export interface PortScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Port'], any> {
  name: 'Port';
}

export type PrepaidResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Prepaid'] = ResolversParentTypes['Prepaid']> = {
  activeCalls?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  balance?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  currency?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  prepaid?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type ProviderResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Provider'] = ResolversParentTypes['Provider']> = {
  authId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  authMode?: Resolver<ResolversTypes['ProviderAuthMode'], ParentType, ContextType>;
  connection?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  hostname?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  inParameters?: Resolver<Array<ResolversTypes['SipParameter']>, ParentType, ContextType>;
  ips?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  outParameters?: Resolver<Array<ResolversTypes['SipParameter']>, ParentType, ContextType>;
  outboundServer?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  outboundServerPort?: Resolver<Maybe<ResolversTypes['Port']>, ParentType, ContextType>;
  port?: Resolver<ResolversTypes['Port'], ParentType, ContextType>;
  protocol?: Resolver<ResolversTypes['TransportProtocol'], ParentType, ContextType>;
  providerInLan?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  requireRegister?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  reregisterInterval?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  singleViaHeader?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ProviderStatus'], ParentType, ContextType>;
  vendor?: Resolver<ResolversTypes['Vendor'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ProviderConnectionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ProviderConnection'] = ResolversParentTypes['ProviderConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['Provider']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type ProvisioningPayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ProvisioningPayload'] = ResolversParentTypes['ProvisioningPayload']> = {
  change?: Resolver<ResolversTypes['Change'], ParentType, ContextType>;
  device?: Resolver<Maybe<ResolversTypes['Device']>, ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['ChangeFailure']>, ParentType, ContextType>;
  ok?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
};

export type QueryResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  account?: Resolver<Maybe<ResolversTypes['Account']>, ParentType, ContextType, RequireFields<QueryAccountArgs, 'id'>>;
  accounts?: Resolver<Array<Maybe<ResolversTypes['Account']>>, ParentType, ContextType, Partial<QueryAccountsArgs>>;
  change?: Resolver<Maybe<ResolversTypes['Change']>, ParentType, ContextType, RequireFields<QueryChangeArgs, 'id'>>;
  connections?: Resolver<Array<ResolversTypes['VendorConnection']>, ParentType, ContextType>;
  device?: Resolver<Maybe<ResolversTypes['Device']>, ParentType, ContextType, RequireFields<QueryDeviceArgs, 'id'>>;
  deviceAssignment?: Resolver<Maybe<ResolversTypes['DeviceAssignment']>, ParentType, ContextType, RequireFields<QueryDeviceAssignmentArgs, 'deviceId' | 'userId'>>;
  deviceSipConfigs?: Resolver<Array<ResolversTypes['DeviceSipConfig']>, ParentType, ContextType, Partial<QueryDeviceSipConfigsArgs>>;
  domain?: Resolver<Maybe<ResolversTypes['Domain']>, ParentType, ContextType, RequireFields<QueryDomainArgs, 'id'>>;
  domains?: Resolver<Array<Maybe<ResolversTypes['Domain']>>, ParentType, ContextType, Partial<QueryDomainsArgs>>;
  group?: Resolver<Maybe<ResolversTypes['Group']>, ParentType, ContextType, RequireFields<QueryGroupArgs, 'id'>>;
  node?: Resolver<Maybe<ResolversTypes['Node']>, ParentType, ContextType, RequireFields<QueryNodeArgs, 'id'>>;
  nodes?: Resolver<Array<Maybe<ResolversTypes['Node']>>, ParentType, ContextType, RequireFields<QueryNodesArgs, 'ids'>>;
  provider?: Resolver<Maybe<ResolversTypes['Provider']>, ParentType, ContextType, RequireFields<QueryProviderArgs, 'id'>>;
  providers?: Resolver<Maybe<ResolversTypes['ProviderConnection']>, ParentType, ContextType, RequireFields<QueryProvidersArgs, 'first' | 'sortBy'>>;
  queue?: Resolver<Maybe<ResolversTypes['Queue']>, ParentType, ContextType, RequireFields<QueryQueueArgs, 'id'>>;
  queueMember?: Resolver<Maybe<ResolversTypes['QueueMember']>, ParentType, ContextType, RequireFields<QueryQueueMemberArgs, 'id'>>;
  trustedNetwork?: Resolver<Maybe<ResolversTypes['TrustedNetwork']>, ParentType, ContextType, RequireFields<QueryTrustedNetworkArgs, 'id'>>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType, RequireFields<QueryUserArgs, 'id'>>;
};

export type QueueResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Queue'] = ResolversParentTypes['Queue']> = {
  callerNameFormat?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  connection?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  displayName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  domain?: Resolver<ResolversTypes['Domain'], ParentType, ContextType>;
  extension?: Resolver<Maybe<ResolversTypes['Extension']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  members?: Resolver<Maybe<Array<ResolversTypes['QueueMember']>>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  vendor?: Resolver<ResolversTypes['Vendor'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type QueueConnectionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['QueueConnection'] = ResolversParentTypes['QueueConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['Queue']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type QueueMemberResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['QueueMember'] = ResolversParentTypes['QueueMember']> = {
  connection?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  group?: Resolver<ResolversTypes['Group'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  queue?: Resolver<ResolversTypes['Queue'], ParentType, ContextType>;
  ringAttempts?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  ringOrder?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  ringSeconds?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  ringStrategy?: Resolver<Maybe<ResolversTypes['RingStrategy']>, ParentType, ContextType>;
  vendor?: Resolver<ResolversTypes['Vendor'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type QueueOrderFieldResolvers = { DISPLAY_NAME: 'displayName', EXTENSION: 'extension', NAME: 'name' };

export type RegisteredDeviceResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['RegisteredDevice'] = ResolversParentTypes['RegisteredDevice']> = {
  contact?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  expires?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  publicContact?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  transport?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  userAgent?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type RingStrategyResolvers = { ALL: 'all', HUNT_LONGEST_IDLE: 'huntLongestIdle' };

export type SipAccountSettingsResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['SipAccountSettings'] = ResolversParentTypes['SipAccountSettings']> = {
  acceptRules?: Resolver<Maybe<ResolversTypes['AcceptRules']>, ParentType, ContextType>;
  aliases?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  balanceHistory?: Resolver<Maybe<Array<ResolversTypes['BalanceEntry']>>, ParentType, ContextType>;
  callForwarding?: Resolver<Maybe<ResolversTypes['CallForwarding']>, ParentType, ContextType>;
  callHistory?: Resolver<Maybe<ResolversTypes['CallHistory']>, ParentType, ContextType>;
  doNotDisturb?: Resolver<Maybe<ResolversTypes['DoNotDisturb']>, ParentType, ContextType>;
  enumNumbers?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  identity?: Resolver<Maybe<ResolversTypes['SipIdentity']>, ParentType, ContextType>;
  monthlyUsage?: Resolver<Maybe<ResolversTypes['MonthlyUsage']>, ParentType, ContextType>;
  prepaid?: Resolver<Maybe<ResolversTypes['Prepaid']>, ParentType, ContextType>;
  privacy?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  registeredDevices?: Resolver<Maybe<Array<ResolversTypes['RegisteredDevice']>>, ParentType, ContextType>;
  rejectRules?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  voicemail?: Resolver<Maybe<ResolversTypes['Voicemail']>, ParentType, ContextType>;
};

export type SipIdentityResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['SipIdentity'] = ResolversParentTypes['SipIdentity']> = {
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  firstName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  lastName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  mobileNumber?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  noAnswerTimeout?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  pstnCallerId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  quickDial?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sipAddress?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  timezone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type SipParameterResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['SipParameter'] = ResolversParentTypes['SipParameter']> = {
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type TemporaryAcceptRuleResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['TemporaryAcceptRule'] = ResolversParentTypes['TemporaryAcceptRule']> = {
  groups?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  minutesLeft?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type TrustedNetworkResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['TrustedNetwork'] = ResolversParentTypes['TrustedNetwork']> = {
  connection?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  domain?: Resolver<ResolversTypes['Domain'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  network?: Resolver<ResolversTypes['Cidr'], ParentType, ContextType>;
  updatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  vendor?: Resolver<ResolversTypes['Vendor'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type TrustedNetworkConnectionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['TrustedNetworkConnection'] = ResolversParentTypes['TrustedNetworkConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['TrustedNetwork']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type TrustedNetworkOrderFieldResolvers = { DESCRIPTION: 'description', NETWORK: 'network' };

export type UserResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User']> = {
  accounts?: Resolver<Maybe<Array<ResolversTypes['Account']>>, ParentType, ContextType>;
  company?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  connection?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  department?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  deviceAssignments?: Resolver<Maybe<ResolversTypes['DeviceAssignmentConnection']>, ParentType, ContextType, RequireFields<UserDeviceAssignmentsArgs, 'first'>>;
  devices?: Resolver<Maybe<Array<ResolversTypes['Device']>>, ParentType, ContextType>;
  displayName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  domain?: Resolver<ResolversTypes['Domain'], ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  extension?: Resolver<Maybe<ResolversTypes['Extension']>, ParentType, ContextType>;
  firstName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  followToMobile?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  groups?: Resolver<Maybe<Array<ResolversTypes['Group']>>, ParentType, ContextType>;
  hotdeskAllowed?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  jobTitle?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  lastName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  mobileNumber?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  office?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  onDashboard?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  ukCallerId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  ukPhoneId?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  updatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  usCallerId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  usPhoneId?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  userName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  vendor?: Resolver<ResolversTypes['Vendor'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type UserConnectionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['UserConnection'] = ResolversParentTypes['UserConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['User']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type UserOrderFieldResolvers = { DISPLAY_NAME: 'displayName', EMAIL: 'email', EXTENSION: 'extension', FIRST_NAME: 'firstName', LAST_NAME: 'lastName', USER_NAME: 'userName' };

export type VendorResolvers = { INFINITY: 'infinity', PBX: 'pbx', SIP_THOR: 'sipthor', STRINGEE: 'stringee', TWO_N: '2n' };

export type VendorConnectionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['VendorConnection'] = ResolversParentTypes['VendorConnection']> = {
  baseUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  vendor?: Resolver<ResolversTypes['Vendor'], ParentType, ContextType>;
};

export type VoicemailResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Voicemail'] = ResolversParentTypes['Voicemail']> = {
  account?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  info?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  mailbox?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  options?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type Resolvers<ContextType = GatewayContext> = {
  AcceptRules?: AcceptRulesResolvers<ContextType>;
  AcceptWindow?: AcceptWindowResolvers<ContextType>;
  Account?: AccountResolvers<ContextType>;
  BalanceEntry?: BalanceEntryResolvers<ContextType>;
  CallForwarding?: CallForwardingResolvers<ContextType>;
  CallHistory?: CallHistoryResolvers<ContextType>;
  CallRecord?: CallRecordResolvers<ContextType>;
  Change?: ChangeResolvers<ContextType>;
  ChangeFailure?: ChangeFailureResolvers<ContextType>;
  ChangeStep?: ChangeStepResolvers<ContextType>;
  Cidr?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  Deletion?: DeletionResolvers<ContextType>;
  Device?: DeviceResolvers<ContextType>;
  DeviceAssignment?: DeviceAssignmentResolvers<ContextType>;
  DeviceAssignmentConnection?: DeviceAssignmentConnectionResolvers<ContextType>;
  DeviceAssignmentOrderField?: DeviceAssignmentOrderFieldResolvers;
  DeviceAssignmentPayload?: DeviceAssignmentPayloadResolvers<ContextType>;
  DeviceConnection?: DeviceConnectionResolvers<ContextType>;
  DeviceOrderField?: DeviceOrderFieldResolvers;
  DeviceSipAccount?: DeviceSipAccountResolvers<ContextType>;
  DeviceSipConfig?: DeviceSipConfigResolvers<ContextType>;
  DoNotDisturb?: DoNotDisturbResolvers<ContextType>;
  Domain?: DomainResolvers<ContextType>;
  Extension?: GraphQLScalarType;
  Group?: GroupResolvers<ContextType>;
  GroupConnection?: GroupConnectionResolvers<ContextType>;
  GroupOrderField?: GroupOrderFieldResolvers;
  MacAddress?: GraphQLScalarType;
  MonthlyUsage?: MonthlyUsageResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Node?: NodeResolvers<ContextType>;
  OrderDirection?: OrderDirectionResolvers;
  PageInfo?: PageInfoResolvers<ContextType>;
  Port?: GraphQLScalarType;
  Prepaid?: PrepaidResolvers<ContextType>;
  Provider?: ProviderResolvers<ContextType>;
  ProviderConnection?: ProviderConnectionResolvers<ContextType>;
  ProvisioningPayload?: ProvisioningPayloadResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Queue?: QueueResolvers<ContextType>;
  QueueConnection?: QueueConnectionResolvers<ContextType>;
  QueueMember?: QueueMemberResolvers<ContextType>;
  QueueOrderField?: QueueOrderFieldResolvers;
  RegisteredDevice?: RegisteredDeviceResolvers<ContextType>;
  RingStrategy?: RingStrategyResolvers;
  SipAccountSettings?: SipAccountSettingsResolvers<ContextType>;
  SipIdentity?: SipIdentityResolvers<ContextType>;
  SipParameter?: SipParameterResolvers<ContextType>;
  TemporaryAcceptRule?: TemporaryAcceptRuleResolvers<ContextType>;
  TrustedNetwork?: TrustedNetworkResolvers<ContextType>;
  TrustedNetworkConnection?: TrustedNetworkConnectionResolvers<ContextType>;
  TrustedNetworkOrderField?: TrustedNetworkOrderFieldResolvers;
  User?: UserResolvers<ContextType>;
  UserConnection?: UserConnectionResolvers<ContextType>;
  UserOrderField?: UserOrderFieldResolvers;
  Vendor?: VendorResolvers;
  VendorConnection?: VendorConnectionResolvers<ContextType>;
  Voicemail?: VoicemailResolvers<ContextType>;
};

export type DirectiveResolvers<ContextType = GatewayContext> = {
  bounded?: BoundedDirectiveResolver<any, any, ContextType>;
  policy?: PolicyDirectiveResolver<any, any, ContextType>;
};
