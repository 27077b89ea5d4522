/** What the ports take: list options (paging, sorting, filters by neutral field) and write inputs. */
import type { PageRequest, RingStrategy, SortKey } from '../model.js';

export interface ListOptions<F extends string = string> {
  page: PageRequest;
  sort?: SortKey<F>[];
  /** Equality filters on vendor-neutral field names; `contains` filters on text. */
  equals?: Partial<Record<F, string>>;
  contains?: Partial<Record<F, string>>;
}

/** Only fields backed by a documented row field: Infinity documents no create or update time for a user. */
export type UserField = 'userName' | 'displayName' | 'extension' | 'email' | 'firstName' | 'lastName';
export type GroupField = 'name' | 'displayName' | 'extension';
export type QueueField = 'name' | 'displayName' | 'extension';
export type DeviceField = 'name' | 'macAddress' | 'userId' | 'createdAt' | 'updatedAt';
export type TrustedNetworkField = 'network' | 'description';
export type DeviceAssignmentField = 'deviceName' | 'updatedAt';

export interface UserInput {
  userName?: string;
  password?: string;
  displayName?: string;
  pin?: string;
  extension?: string;
  email?: string;
  firstName?: string;
  lastName?: string;
  jobTitle?: string;
  department?: string;
  company?: string;
  office?: string;
  ukCallerId?: string;
  usCallerId?: string;
  mobileNumber?: string;
  followToMobile?: boolean;
  ukPhoneId?: number;
  usPhoneId?: number;
  hotdeskAllowed?: boolean;
  onDashboard?: boolean;
}

export interface GroupInput {
  name?: string;
  displayName?: string;
  extension?: string;
  ringRetry?: boolean;
  ringExclusive?: boolean;
  callerNameFormat?: string;
}

export interface QueueInput {
  name?: string;
  displayName?: string;
  extension?: string;
  callerNameFormat?: string;
}

export interface QueueMemberInput {
  groupId?: string;
  ringStrategy?: RingStrategy;
  ringAttempts?: number;
  ringSeconds?: number;
  ringOrder?: number;
}

export interface TrustedNetworkInput {
  network?: string;
  description?: string;
}

export interface DomainInput {
  displayName?: string;
  callRecording?: boolean;
}

export interface DeviceInput {
  name?: string;
  macAddress?: string;
}
