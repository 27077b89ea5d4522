/**
 * provisionUser / deprovisionUser: one person across vendors as one journaled change (a saga over
 * the ports). Provisioning compensates: any failure undoes every step done, newest first (a crash
 * is compensated at the next start). Deprovisioning goes forward only: its plan is journaled up
 * front and every step is idempotent, so a retry or recovery finishes it.
 */
import { scrubVendorText } from '../abuse/error-hygiene.js';
import type { GatewayContext } from '../context.js';
import type { Change } from '../durability/change.js';
import type { ChangeRecord, StepSpec } from '../durability/journal.js';
import { ErrorCode, GatewayError, notFound } from '../errors.js';
import type { DeviceModel, DomainModel, UserModel } from '../model.js';
import type { UserInput } from '../vendors/ports.js';
import type { InDomain } from './user-changes.js';

export interface ProvisioningResult {
  change: ChangeRecord;
  user: UserModel | null;
  device: DeviceModel | null;
  error: { code: string; message: string } | null;
}

export interface ProvisionRequest extends InDomain {
  user: UserInput & { userName: string; password: string; extension: string; displayName: string };
  groupIds: string[];
  device?: { deviceId: string } | { name: string; macAddress: string };
  /** The Stringee project for the SIP phone; absent: the only one configured, if exactly one is. */
  sipPhone?: InDomain;
}

export interface DeprovisionRequest extends InDomain {
  userId: string;
  deleteDevices: boolean;
  sipPhone?: InDomain;
}

/** What the payload says failed: the code, and the message as hygienic as a GraphQL error's. */
const failure = (error: unknown) => ({
  code: error instanceof GatewayError ? error.code : ErrorCode.InternalServerError,
  message: error instanceof GatewayError ? scrubVendorText(error.message) : 'internal error',
});

/** Where the SIP phone goes, or why there is none. */
async function phoneTarget(ctx: GatewayContext, asked: InDomain | undefined): Promise<InDomain | string> {
  if (asked) return asked;
  const projects = ctx.sources('directory', { vendor: 'stringee' });
  if (projects.length === 0) return 'no Stringee connection is configured';
  if (projects.length > 1) return 'several Stringee projects are configured: name one in sipPhoneDomainId';
  const [domain] = await projects[0]!.domains();
  return domain
    ? { connection: projects[0]!.connection, domainId: domain.domainId }
    : 'the Stringee connection has no project';
}

/** The 2N intercom whose MAC is the device's, and the account slot to write (a free one). */
async function intercomSlot(ctx: GatewayContext, mac: string, authId: string | null) {
  const intercoms = ctx.sources('deviceConfig');
  const macs = await Promise.all(intercoms.map((s) => s.macAddress().catch(() => null)));
  const source = intercoms[macs.indexOf(mac)];
  if (!source) return `no 2N intercom has MAC ${mac}`;
  const slots = (await source.config()).accounts.map((a) => a.deviceAccount).filter((a) => a !== undefined);
  const slot = authId === null ? slots.find((a) => !a.enabled && !a.authId) : slots.find((a) => a.authId === authId);
  if (!slot)
    return authId === null
      ? `both SIP accounts of ${source.connection} are in use`
      : `no SIP account of ${source.connection} is ${authId}'s`;
  return { connection: source.connection, slot };
}

async function provisionSteps(
  ctx: GatewayContext,
  change: Change,
  req: ProvisionRequest,
  domain: DomainModel,
): Promise<{ user: UserModel; device: DeviceModel | null }> {
  const at = { connection: req.connection, domainId: req.domainId };
  const name = req.user.userName;
  const user = await change.step<UserModel>(`create user ${name}`, 'directory.createUser', { ...at, input: req.user });
  if (req.groupIds.length > 0)
    await change.step(`add ${name} to ${req.groupIds.length} groups`, 'directory.addUserGroups', {
      ...at,
      userId: user.userId,
      groupIds: req.groupIds,
    });
  else await change.skip(`add ${name} to groups`, 'directory.addUserGroups', at, 'no groups asked for');

  let device: DeviceModel | null = null;
  if (!req.device) await change.skip(`give ${name} a PBX device`, 'directory.assignDevice', at, 'no device asked for');
  else {
    if ('deviceId' in req.device) {
      device = await ctx.source('pbxDevices', req.connection).device(req.domainId, req.device.deviceId);
      if (!device) throw notFound('device', req.device.deviceId);
    } else {
      device = await change.step<DeviceModel>(`create device ${req.device.macAddress}`, 'directory.createDevice', {
        ...at,
        input: req.device,
      });
    }
    await change.step(`assign device ${device.name} to ${name}`, 'directory.assignDevice', {
      ...at,
      userId: user.userId,
      deviceId: device.deviceId,
    });
    device = { ...device, userId: user.userId, userName: name };
  }

  const intercom = device?.macAddress
    ? await intercomSlot(ctx, device.macAddress, null)
    : device
      ? 'the device has no MAC address'
      : 'no device';
  if (typeof intercom === 'string')
    await change.skip(`write the 2N intercom SIP account of ${name}`, '2n.writeAccount', {}, intercom);
  else {
    const patch = {
      enabled: true,
      displayName: req.user.displayName,
      sipNumber: req.user.extension,
      authId: name,
      password: req.user.password,
      domain: domain.name,
    };
    const args = { connection: intercom.connection, index: intercom.slot.index, previous: intercom.slot, patch };
    await change.step(
      `write ${intercom.connection} SIP account ${intercom.slot.index} for ${name}`,
      '2n.writeAccount',
      args,
    );
  }

  const phone = await phoneTarget(ctx, req.sipPhone);
  if (typeof phone === 'string')
    await change.skip(`create the Stringee SIP phone ${name}`, 'stringee.createPhone', {}, phone);
  else {
    const input = { userName: name, password: req.user.password, extension: req.user.extension };
    await change.step(`create the Stringee SIP phone ${name}`, 'stringee.createPhone', { ...phone, input });
  }
  return { user, device };
}

export async function provisionUser(ctx: GatewayContext, req: ProvisionRequest): Promise<ProvisioningResult> {
  const directory = ctx.source('directory', req.connection);
  const domain = await directory.domain(req.domainId);
  if (!domain) throw notFound('domain', req.domainId);
  // Checked before anything is written, so that finding the name later means this change made it.
  const taken = await directory.users(req.domainId, {
    page: { limit: 5, offset: 0 },
    equals: { userName: req.user.userName },
  });
  if (taken.items.some((u) => u.userName === req.user.userName)) {
    throw new GatewayError(
      ErrorCode.Conflict,
      `a user named ${req.user.userName} already exists: nothing was changed`,
      { userName: req.user.userName },
    );
  }
  const summary = `provision user ${req.user.userName}`;
  const change = await ctx.changes.begin(ctx, {
    kind: 'provisionUser',
    policy: 'compensate',
    principal: ctx.principal.id,
    summary,
  });
  try {
    const { user, device } = await provisionSteps(ctx, change, req, domain);
    return { change: await change.complete(), user, device, error: null };
  } catch (error) {
    return { change: await change.compensate(error), user: null, device: null, error: failure(error) };
  }
}

export async function deprovisionUser(ctx: GatewayContext, req: DeprovisionRequest): Promise<ProvisioningResult> {
  const at = { connection: req.connection, domainId: req.domainId };
  const directory = ctx.source('directory', req.connection);
  const user = await directory.user(req.domainId, req.userId);
  if (!user) throw notFound('user', req.userId);
  const devices = await ctx.source('pbxDevices', req.connection).userDevices(req.domainId, req.userId);
  const plan: StepSpec[] = [];
  for (const device of devices.filter((d) => d.macAddress)) {
    const intercom = await intercomSlot(ctx, device.macAddress!, user.userName);
    if (typeof intercom === 'string') continue;
    const patch = { enabled: false, displayName: '', sipNumber: '', authId: '' };
    plan.push({
      name: `clear ${intercom.connection} SIP account ${intercom.slot.index}`,
      action: '2n.writeAccount',
      args: { connection: intercom.connection, index: intercom.slot.index, previous: null, patch },
    });
  }
  const phone = await phoneTarget(ctx, req.sipPhone);
  if (
    typeof phone !== 'string' &&
    (await ctx.source('directory', phone.connection).user(phone.domainId, user.userName))
  ) {
    plan.push({
      name: `delete the Stringee SIP phone ${user.userName}`,
      action: 'stringee.deletePhone',
      args: { ...phone, userName: user.userName },
    });
  }
  for (const device of devices) {
    const action = req.deleteDevices ? 'directory.deleteDevice' : 'directory.unassignDevice';
    plan.push({
      name: `${req.deleteDevices ? 'delete' : 'unassign'} device ${device.name}`,
      action,
      args: { ...at, userId: req.userId, deviceId: device.deviceId },
    });
  }
  plan.push({
    name: `delete user ${user.userName}`,
    action: 'directory.deleteUser',
    args: { ...at, userId: req.userId },
  });

  const summary = `deprovision user ${user.userName}`;
  const change = await ctx.changes.begin(ctx, {
    kind: 'deprovisionUser',
    policy: 'complete',
    principal: ctx.principal.id,
    summary,
    plan,
  });
  const record = await change.runPlan(plan);
  const error =
    record.status === 'COMPLETED' ? null : { code: ErrorCode.PartialFailure, message: record.error ?? 'a step failed' };
  return { change: record, user: record.status === 'COMPLETED' ? null : user, device: null, error };
}
