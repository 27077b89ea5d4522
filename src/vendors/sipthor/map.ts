/** SIP Thor answers → neutral models. The voicemail password is dropped here. */
import type {
  AcceptRulesModel,
  AccountModel,
  BalanceEntryModel,
  CallForwardingModel,
  CallHistoryModel,
  DoNotDisturbModel,
  MonthlyUsageModel,
  PrepaidModel,
  RegisteredDeviceModel,
  SipIdentityModel,
  VoicemailModel,
} from '../../model.js';
import type { z } from 'zod';
import * as wire from './wire.js';

const text = (value: string | null | undefined): string | null =>
  value === undefined || value === null || value === '' ? null : value;
const int = (value: number | null | undefined): number | null =>
  value === undefined || value === null || Number.isNaN(value) ? null : Math.trunc(value);

export function toAccount(connection: string, address: string): AccountModel {
  const [user = address, domain = null] = address.split('@');
  return {
    vendor: 'sipthor',
    connection,
    key: [address],
    username: user,
    address,
    registrar: domain,
    displayName: null,
    enabled: true,
  };
}

export function toIdentity(w: wire.Identity): SipIdentityModel {
  return {
    sipAddress: w.sip_address,
    email: text(w.email),
    firstName: text(w.first),
    lastName: text(w.lastname),
    pstnCallerId: text(w.pstn_caller_id),
    mobileNumber: text(w.mobile_number),
    timezone: text(w.timezone),
    noAnswerTimeout: int(w.no_answer_timeout),
    quickDial: text(w.quick_dial),
  };
}

export function toForwarding(w: wire.Forwarding): CallForwardingModel {
  return {
    unconditional: text(w.FUNC),
    busy: text(w.FBUS),
    notOnline: text(w.FNOL),
    noAnswer: text(w.FNOA),
    notAvailable: text(w.FUNV),
  };
}

export function toForwardingChange(change: Partial<CallForwardingModel>): Partial<Record<wire.ForwardingKey, string>> {
  const out: Partial<Record<wire.ForwardingKey, string>> = {};
  for (const [name, key] of Object.entries(wire.FORWARDING_KEYS) as Array<
    [keyof CallForwardingModel, wire.ForwardingKey]
  >) {
    const value = change[name];
    if (value !== undefined) out[key] = value ?? '';
  }
  return out;
}

export function toAcceptRules(w: wire.AcceptRules): AcceptRulesModel {
  const days = w.persistent?.days;
  return {
    persistent: days ? { start: text(days.start), stop: text(days.stop), groups: days.groups } : null,
    temporary: w.temporary ? { groups: w.temporary.groups, minutesLeft: int(w.temporary.duration) } : null,
    groups: w.groups,
  };
}

export function toVoicemail(w: z.infer<typeof wire.voicemail>): VoicemailModel {
  return {
    mailbox: text(w.Mailbox),
    name: text(w.Name),
    email: text(w.Email),
    info: text(w.Info),
    options: text(w.Options),
    account: text(w.Account),
  };
}

export function toHistory(w: z.infer<typeof wire.history>): CallHistoryModel {
  const record = (c: (typeof w.placed)[number]) => ({
    remoteParty: c.remoteParty,
    displayName: text(c.displayName),
    startTime: text(c.startTime),
    stopTime: text(c.stopTime),
    timezone: text(c.timezone),
    durationSeconds: int(c.duration),
    status: text(c.status),
    price: text(c.price),
    sessionId: text(c.sessionId),
  });
  return { placed: w.placed.map(record), received: w.received.map(record) };
}

export function toDevices(w: z.infer<typeof wire.devices>): RegisteredDeviceModel[] {
  return w.map((d) => ({
    contact: d.contact,
    publicContact: text(d.publicContact),
    expires: int(d.expires),
    userAgent: text(d.user_agent),
    transport: text(d.transport),
  }));
}

export function toPrepaid(w: z.infer<typeof wire.prepaid>): PrepaidModel {
  return {
    prepaid: w.prepaid,
    balance: text(w.balance),
    currency: text(w.currency),
    activeCalls: activeCallCount(w.active_calls),
  };
}

/** A count (number or digits), or a list of the calls (its length); anything else is unknown. */
function activeCallCount(value: unknown): number | null {
  if (Array.isArray(value)) return value.length;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return null;
}

/** SIP Thor keeps DND as an accept rule that lets "nobody" through, for a while or until undone (docs/vendors.md). */
export function toDoNotDisturb(rules: AcceptRulesModel): DoNotDisturbModel {
  const temporary = rules.temporary?.groups.includes('nobody') && (rules.temporary.minutesLeft ?? 0) > 0;
  if (temporary) return { enabled: true, minutesLeft: rules.temporary?.minutesLeft ?? null };
  return { enabled: rules.persistent?.groups.includes('nobody') ?? false, minutesLeft: null };
}

export function toBalanceHistory(w: z.infer<typeof wire.balanceHistory>): BalanceEntryModel[] {
  return w.map((e) => ({
    date: text(e.date),
    action: text(e.action),
    description: text(e.description),
    value: text(e.value),
    balance: text(e.balance),
    session: text(e.session),
  }));
}

export function toMonthlyUsage(w: z.infer<typeof wire.monthlyUsage>): MonthlyUsageModel {
  return { calls: int(w.calls), price: text(w.price) };
}
