/** Stringee SIP phones → neutral models: a project is a Domain, a phone a User and its Account. */
import type { AccountModel, DomainModel, UserModel } from '../../model.js';
import type { SipPhone } from './wire.js';

export interface ProjectInfo {
  connection: string;
  projectId: string;
  registrar: string;
}

export function toDomain(project: ProjectInfo): DomainModel {
  return {
    vendor: 'stringee',
    connection: project.connection,
    domainId: project.projectId,
    name: `Stringee project ${project.projectId}`,
    displayName: null,
    callRecording: null,
    registrar: project.registrar,
    createdAt: null,
    updatedAt: null,
  };
}

/** `10042_alice` → `alice`: the list names phones by SIP username, paths by plain username. */
export function plainUsername(project: ProjectInfo, sipUsername: string): string {
  const prefix = `${project.projectId}_`;
  return sipUsername.startsWith(prefix) ? sipUsername.slice(prefix.length) : sipUsername;
}

export function toUser(project: ProjectInfo, phone: SipPhone): UserModel {
  const name = plainUsername(project, phone.username);
  return {
    vendor: 'stringee',
    connection: project.connection,
    domainId: project.projectId,
    userId: name,
    complete: true,
    userName: name,
    displayName: null,
    extension:
      phone.extension === null || phone.extension === undefined || phone.extension === ''
        ? null
        : String(phone.extension),
    email: phone.email_address || null,
  };
}

export function toAccount(project: ProjectInfo, userName: string): AccountModel {
  const sipUsername = `${project.projectId}_${userName}`;
  const host = project.registrar.replace(/:\d+$/, '');
  return {
    vendor: 'stringee',
    connection: project.connection,
    key: [userName],
    username: sipUsername,
    address: `${sipUsername}@${host}`,
    registrar: project.registrar,
    displayName: null,
    enabled: true,
    owner: { domainId: project.projectId, userId: userName },
  };
}
