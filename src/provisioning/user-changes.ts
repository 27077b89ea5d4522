/**
 * The two-step changes the directory mutations make (a user created into groups, a device created
 * for a user), each a journaled change: the first step is undone if the second fails, and a crash
 * between them is compensated at the next start.
 */
import type { GatewayContext } from '../context.js';
import type { DeviceModel, UserModel } from '../model.js';
import type { DeviceInput, UserInput } from '../vendors/ports.js';

export interface InDomain {
  connection: string;
  domainId: string;
}

/**
 * A create as a one-step journaled change: if its answer is lost, the vendor is asked whether it
 * happened (`reconciled` in the response says what was found); if the gateway dies, the next
 * start undoes it, so it is never left half-known.
 */
export async function createChecked<T>(
  ctx: GatewayContext,
  at: InDomain,
  what: string,
  action: string,
  input: object,
): Promise<T> {
  const change = await ctx.changes.begin(ctx, {
    kind: action,
    policy: 'compensate',
    principal: ctx.principal.id,
    summary: `create ${what}`,
  });
  try {
    const created = await change.step<T>(`create ${what}`, action, { ...at, input });
    await change.complete();
    return created;
  } catch (error) {
    return change.fail(error);
  }
}

export async function createUserInGroups(
  ctx: GatewayContext,
  at: InDomain,
  input: UserInput,
  groupIds: string[],
): Promise<UserModel> {
  const summary = `create user ${input.userName ?? ''}${groupIds.length > 0 ? ` in ${groupIds.length} groups` : ''}`;
  const change = await ctx.changes.begin(ctx, {
    kind: 'createUser',
    policy: 'compensate',
    principal: ctx.principal.id,
    summary,
  });
  try {
    const user = await change.step<UserModel>(`create user ${input.userName ?? ''}`, 'directory.createUser', {
      ...at,
      input,
    });
    if (groupIds.length > 0) {
      await change.step(`add ${input.userName ?? ''} to groups`, 'directory.addUserGroups', {
        ...at,
        userId: user.userId,
        groupIds,
      });
    }
    await change.complete();
    return user;
  } catch (error) {
    return change.fail(error);
  }
}

export async function createDeviceForUser(
  ctx: GatewayContext,
  at: InDomain,
  input: DeviceInput,
  userId: string,
): Promise<DeviceModel> {
  const summary = `create device ${input.macAddress ?? ''} for user ${userId}`;
  const change = await ctx.changes.begin(ctx, {
    kind: 'createDevice',
    policy: 'compensate',
    principal: ctx.principal.id,
    summary,
  });
  try {
    const device = await change.step<DeviceModel>(`create device ${input.macAddress ?? ''}`, 'directory.createDevice', {
      ...at,
      input,
    });
    await change.step(`assign device ${input.macAddress ?? ''} to user ${userId}`, 'directory.assignDevice', {
      ...at,
      userId,
      deviceId: device.deviceId,
    });
    await change.complete();
    return { ...device, userId };
  } catch (error) {
    return change.fail(error);
  }
}
