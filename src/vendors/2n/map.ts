/** 2N device accounts ↔ neutral models. */
import { normalizePort } from '../../net.js';
import type { AccountModel, DeviceAccountModel, RegistrationState } from '../../model.js';
import type { DeviceAccountPatch } from '../ports.js';
import type { ConfigAccount, ConfigPatch, StatusAccount } from './wire.js';

const text = (value: string): string | null => (value === '' ? null : value);
const port = (value: string): number | null => normalizePort(value);

export function toDeviceAccount(wire: ConfigAccount): DeviceAccountModel {
  return {
    index: wire.account,
    enabled: wire.enabled,
    displayName: text(wire.displayName),
    sipNumber: text(wire.sipNumber),
    authId: text(wire.authId),
    domain: text(wire.domain),
    domainPort: port(wire.domainPort),
    proxyAddress: text(wire.proxyAddress),
    proxyPort: port(wire.proxyPort),
    registrationEnabled: wire.registrationEnabled,
    registrarAddress: text(wire.registrarAddress),
    registrarPort: port(wire.registrarPort),
    answerMode: text(wire.answerMode),
  };
}

export function toRegistration(status: StatusAccount | undefined): RegistrationState {
  if (!status) return { registered: null, registeredAt: null };
  return {
    registered: status.registered,
    registeredAt: status.registered && status.registerTime ? new Date(status.registerTime * 1000) : null,
  };
}

export function toAccount(connection: string, slot: DeviceAccountModel): AccountModel {
  const username = slot.authId ?? slot.sipNumber;
  const registrarHost = slot.registrarAddress ?? slot.domain;
  return {
    vendor: '2n',
    connection,
    key: [String(slot.index)],
    username,
    address: slot.sipNumber && slot.domain ? `${slot.sipNumber}@${slot.domain}` : null,
    registrar: registrarHost ? `${registrarHost}${slot.registrarPort ? `:${slot.registrarPort}` : ''}` : null,
    displayName: slot.displayName,
    enabled: slot.enabled,
    deviceAccount: slot,
  };
}

const portText = (value: number | null | undefined): string | undefined =>
  value === undefined ? undefined : value === null ? '' : String(value);
const nullableText = (value: string | null | undefined): string | undefined =>
  value === undefined ? undefined : (value ?? '');

/** Only the fields being changed travel: the device keeps the others (all or nothing). */
export function toConfigPatch(index: number, patch: DeviceAccountPatch): ConfigPatch {
  const out: ConfigPatch = {
    account: index,
    enabled: patch.enabled,
    displayName: nullableText(patch.displayName),
    sipNumber: nullableText(patch.sipNumber),
    authId: nullableText(patch.authId),
    password: patch.password,
    domain: nullableText(patch.domain),
    domainPort: portText(patch.domainPort),
    proxyAddress: nullableText(patch.proxyAddress),
    proxyPort: portText(patch.proxyPort),
    registrationEnabled: patch.registrationEnabled,
    registrarAddress: nullableText(patch.registrarAddress),
    registrarPort: portText(patch.registrarPort),
    answerMode: nullableText(patch.answerMode),
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined)) as ConfigPatch;
}
