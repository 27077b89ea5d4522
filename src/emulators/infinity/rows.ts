/** Records → the rows Infinity sends: every value a string, datetimes `YYYY-MM-DD HH:MM:SS` UTC. */
import type { Device, Domain, Group, InfinityState, Queue, QueueMember, TrustedNetwork, User } from './state.js';

export type Row = Record<string, string>;

export function datetime(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

export const domainRow = (d: Domain): Row => ({
  domainId: String(d.domainId),
  domainName: d.domainName,
  displayName: d.displayName,
  rec: String(d.rec),
  createDatetime: datetime(d.created),
  updateDatetime: datetime(d.updated),
});

export const userRow = (u: User): Row => ({
  userId: String(u.userId),
  domainId: String(u.domainId),
  user: u.user,
  displayName: u.displayName,
  extensionNumber: u.extensionNumber,
  email: u.email,
  firstName: u.firstName,
  lastName: u.lastName,
  jobName: u.jobName,
  departmentName: u.departmentName,
  companyName: u.companyName,
  officeName: u.officeName,
  ukCallerId: u.ukCallerId,
  usCallerId: u.usCallerId,
  mobileNumber: u.mobileNumber,
  mobileFollow: String(u.mobileFollow),
  ukPhoneId: u.ukPhoneId,
  usPhoneId: u.usPhoneId,
  hotdeskAllowed: String(u.hotdeskAllowed),
  dashboard: String(u.dashboard),
  createDatetime: datetime(u.created),
  updateDatetime: datetime(u.updated),
});

export const groupRow = (g: Group): Row => ({
  groupId: String(g.groupId),
  domainId: String(g.domainId),
  groupName: g.groupName,
  displayName: g.displayName,
  extensionNumber: g.extensionNumber,
  ringRetry: String(g.ringRetry),
  ringExclusive: String(g.ringExclusive),
  callerNameFormat: g.callerNameFormat,
  createDatetime: datetime(g.created),
  updateDatetime: datetime(g.updated),
});

export const groupUserRow = (groupId: number, u: User): Row => ({
  groupId: String(groupId),
  userId: String(u.userId),
  user: u.user,
  displayName: u.displayName,
  extensionNumber: u.extensionNumber,
});

export const userGroupRow = (userId: number, g: Group): Row => ({
  userId: String(userId),
  groupId: String(g.groupId),
  groupName: g.groupName,
  displayName: g.displayName,
  extensionNumber: g.extensionNumber,
});

export const queueRow = (q: Queue): Row => ({
  queueId: String(q.queueId),
  domainId: String(q.domainId),
  queueName: q.queueName,
  displayName: q.displayName,
  extensionNumber: q.extensionNumber,
  callerNameFormat: q.callerNameFormat,
  createDatetime: datetime(q.created),
  updateDatetime: datetime(q.updated),
});

export const memberRow = (m: QueueMember): Row => ({
  queueMemberId: String(m.queueMemberId),
  queueId: String(m.queueId),
  groupId: String(m.groupId),
  ringStrategy: m.ringStrategy,
  ringAttempts: String(m.ringAttempts),
  ringSecs: String(m.ringSecs),
  ringOrder: String(m.ringOrder),
});

export const networkRow = (n: TrustedNetwork): Row => ({
  trustedNetworkId: String(n.trustedNetworkId),
  domainId: String(n.domainId),
  network: n.network,
  description: n.description,
  createDatetime: datetime(n.created),
  updateDatetime: datetime(n.updated),
});

export function deviceRow(state: InfinityState, d: Device): Row {
  const owner = d.userId === null ? undefined : state.users.get(d.userId);
  return {
    pbxDeviceId: String(d.pbxDeviceId),
    pbxDeviceName: d.pbxDeviceName,
    domainId: String(d.domainId),
    deviceMacAddress: d.deviceMacAddress,
    createDatetime: datetime(d.created),
    updateDatetime: datetime(d.updated),
    userId: owner ? String(owner.userId) : '',
    user: owner?.user ?? '',
  };
}

export function userDeviceRow(state: InfinityState, d: Device): Row {
  const owner = d.userId === null ? undefined : state.users.get(d.userId);
  return {
    userId: owner ? String(owner.userId) : '',
    pbxDeviceId: String(d.pbxDeviceId),
    user: owner?.user ?? '',
    updateDatetime: datetime(d.updated),
    pbxDeviceName: d.pbxDeviceName,
  };
}
