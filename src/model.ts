/**
 * The vendor-neutral models the resolvers work with. Adapters map their wire rows into these;
 * codegen maps each GraphQL type onto one of them (codegen.yml `mappers`). A model knows where it
 * came from (`vendor`, `connection`) and its native key, from which its global id is made.
 */
import type { VendorKind } from './vendors/catalog.js';

/** The vendors listed in src/vendors/catalog.ts. */
export type { VendorKind };

export interface Origin {
  vendor: VendorKind;
  connection: string;
}

export interface DomainModel extends Origin {
  domainId: string;
  name: string;
  displayName: string | null;
  callRecording: boolean | null;
  registrar: string | null;
  createdAt: Date | null;
  updatedAt: Date | null;
}

/**
 * A user as far as it is known. Some vendor rows carry only a few user fields (a group's member
 * rows); `complete: false` tells resolvers to load the rest when a missing field is asked for.
 */
export interface UserModel extends Origin {
  domainId: string;
  userId: string;
  complete: boolean;
  userName: string;
  displayName: string | null;
  extension: string | null;
  email?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  jobTitle?: string | null;
  department?: string | null;
  company?: string | null;
  office?: string | null;
  ukCallerId?: string | null;
  usCallerId?: string | null;
  mobileNumber?: string | null;
  followToMobile?: boolean | null;
  ukPhoneId?: number | null;
  usPhoneId?: number | null;
  hotdeskAllowed?: boolean | null;
  onDashboard?: boolean | null;
  createdAt?: Date | null;
  updatedAt?: Date | null;
}

export interface GroupModel extends Origin {
  domainId: string;
  groupId: string;
  complete: boolean;
  name: string;
  displayName: string | null;
  extension: string | null;
  ringRetry?: boolean | null;
  ringExclusive?: boolean | null;
  callerNameFormat?: string | null;
  createdAt?: Date | null;
  updatedAt?: Date | null;
}

export type RingStrategy = 'all' | 'huntLongestIdle';

export interface QueueModel extends Origin {
  domainId: string;
  queueId: string;
  name: string;
  displayName: string | null;
  extension: string | null;
  callerNameFormat: string | null;
  createdAt: Date | null;
  updatedAt: Date | null;
}

export interface QueueMemberModel extends Origin {
  domainId: string;
  queueId: string;
  memberId: string;
  groupId: string;
  ringStrategy: RingStrategy | null;
  ringAttempts: number | null;
  ringSeconds: number | null;
  ringOrder: number | null;
}

export interface TrustedNetworkModel extends Origin {
  domainId: string;
  networkId: string;
  network: string;
  description: string | null;
  createdAt: Date | null;
  updatedAt: Date | null;
}

export interface DeviceModel extends Origin {
  domainId: string;
  deviceId: string;
  name: string;
  macAddress: string | null;
  userId: string | null;
  userName: string | null;
  createdAt: Date | null;
  updatedAt: Date | null;
}

/** The association of a PBX device with a user (Infinity "PBX user device"). */
export interface DeviceAssignmentModel extends Origin {
  domainId: string;
  userId: string;
  deviceId: string;
  userName: string | null;
  deviceName: string | null;
  updatedAt: Date | null;
  /** Only known right after the assignment is created. */
  provisioningToken?: string | null;
}

export interface Page<T> {
  items: T[];
  offset: number;
  hasNextPage: boolean;
  /** Total matching items, when the vendor tells. */
  totalCount: number | null;
}

export interface PageRequest {
  offset: number;
  limit: number;
}

export type SortDirection = 'asc' | 'desc';

export interface SortKey<F extends string = string> {
  field: F;
  direction: SortDirection;
}

export interface ProviderParameter {
  name: string;
  value: string;
}

/** A PortSIP SIP trunk. The vendor returns its password; the model deliberately has no field for it. */
export interface ProviderModel extends Origin {
  providerId: string;
  name: string;
  authMode: 'IP_AUTH' | 'REGISTER_AUTH';
  protocol: 'UDP' | 'TCP';
  requireRegister: boolean;
  reregisterInterval: number;
  hostname: string;
  port: number;
  outboundServer: string | null;
  outboundServerPort: number | null;
  authId: string | null;
  status: 'ONLINE' | 'OFFLINE';
  providerInLan: boolean;
  singleViaHeader: boolean;
  ips: string[];
  inParameters: ProviderParameter[];
  outParameters: ProviderParameter[];
}

/** A 2N device account slot as the device reports it. */
export interface DeviceAccountModel {
  index: number;
  enabled: boolean;
  displayName: string | null;
  sipNumber: string | null;
  authId: string | null;
  domain: string | null;
  domainPort: number | null;
  proxyAddress: string | null;
  proxyPort: number | null;
  registrationEnabled: boolean;
  registrarAddress: string | null;
  registrarPort: number | null;
  answerMode: string | null;
}

export interface RegistrationState {
  registered: boolean | null;
  registeredAt: Date | null;
}

/** A SIP account of any vendor. `key` is the vendor's own key, encoded into the global id. */
export interface AccountModel extends Origin {
  key: string[];
  /** Null for a slot never configured (a 2N account with neither sipNumber nor authId). */
  username: string | null;
  address: string | null;
  registrar: string | null;
  displayName: string | null;
  enabled: boolean | null;
  /** The directory user this account belongs to, when the vendor links them (same connection). */
  owner?: { domainId: string; userId: string };
  deviceAccount?: DeviceAccountModel;
}

export interface DeviceSipConfigModel extends Origin {
  macAddress: string | null;
  accounts: AccountModel[];
}

export interface ConnectionInfo {
  name: string;
  vendor: VendorKind;
  baseUrl: string;
}

export interface DeletionModel {
  deletedId: string;
}

export type UserPage = Page<UserModel>;
export type GroupPage = Page<GroupModel>;
export type QueuePage = Page<QueueModel>;
export type DevicePage = Page<DeviceModel>;
export type TrustedNetworkPage = Page<TrustedNetworkModel>;
export type DeviceAssignmentPage = Page<DeviceAssignmentModel>;
export type ProviderPage = Page<ProviderModel>;
export type AnyPage = Page<unknown>;

/** SIP Thor settings, one model per action (shapes: WIRE-NOTES.md, docs/vendors.md). */
export interface SipIdentityModel {
  sipAddress: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  pstnCallerId: string | null;
  mobileNumber: string | null;
  timezone: string | null;
  noAnswerTimeout: number | null;
  quickDial: string | null;
}

export interface DoNotDisturbModel {
  enabled: boolean;
  /** Set for a while: the minutes left; null when set until switched off. */
  minutesLeft: number | null;
}

export interface CallForwardingModel {
  unconditional: string | null;
  busy: string | null;
  notOnline: string | null;
  noAnswer: string | null;
  notAvailable: string | null;
}

export interface AcceptRulesModel {
  persistent: { start: string | null; stop: string | null; groups: string[] } | null;
  temporary: { groups: string[]; minutesLeft: number | null } | null;
  groups: string[];
}

export interface VoicemailModel {
  mailbox: string | null;
  name: string | null;
  email: string | null;
  info: string | null;
  options: string | null;
  account: string | null;
}

export interface CallRecordModel {
  remoteParty: string;
  displayName: string | null;
  startTime: string | null;
  stopTime: string | null;
  timezone: string | null;
  durationSeconds: number | null;
  status: string | null;
  price: string | null;
  sessionId: string | null;
}

export interface CallHistoryModel {
  placed: CallRecordModel[];
  received: CallRecordModel[];
}

export interface RegisteredDeviceModel {
  contact: string;
  publicContact: string | null;
  expires: number | null;
  userAgent: string | null;
  transport: string | null;
}

export interface PrepaidModel {
  prepaid: boolean;
  balance: string | null;
  currency: string | null;
  activeCalls: number | null;
}

export interface BalanceEntryModel {
  date: string | null;
  action: string | null;
  description: string | null;
  value: string | null;
  balance: string | null;
  session: string | null;
}

export interface MonthlyUsageModel {
  calls: number | null;
  price: string | null;
}
