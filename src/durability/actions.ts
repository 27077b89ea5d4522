/**
 * The steps multi-step changes are made of, by name, over the ports (never a vendor client).
 * Being data (a name and JSON arguments), a journaled step can be undone or re-run by another
 * process after a crash. Each undo is idempotent: what is already gone counts as undone.
 * `check` asks the vendor whether the step happened (after an unknown outcome or a crash mid-step):
 * its result when it did, null when it did not.
 */
import type { GatewayContext } from '../context.js';
import { ErrorCode, GatewayError } from '../errors.js';
import type { DeviceAccountModel, DeviceModel, GroupModel, QueueModel, UserModel } from '../model.js';
import type { DeviceAccountPatch, DeviceInput, GroupInput, QueueInput, UserInput } from '../vendors/ports.js';

/** What a step needs of the request it runs in: its ports, and (when there is one) its scope. */
export type ActionContext = Pick<GatewayContext, 'source' | 'sources'> & Partial<Pick<GatewayContext, 'scope'>>;

export interface StepAction {
  run(ctx: ActionContext, args: any): Promise<unknown>;
  undo?(ctx: ActionContext, args: any, result: any): Promise<void>;
  check?(ctx: ActionContext, args: any): Promise<unknown>;
}

export interface ActionRegistry {
  get(name: string): StepAction;
}

/** A delete or unassign of something already gone is done. */
export async function unlessGone(work: Promise<unknown>): Promise<void> {
  try {
    await work;
  } catch (error) {
    const status = (error as { details?: { httpStatus?: number } }).details?.httpStatus;
    if (error instanceof GatewayError && (error.code === ErrorCode.NotFound || status === 404)) return;
    throw error;
  }
}

interface InDomain {
  connection: string;
  domainId: string;
}

const directory = (ctx: ActionContext, a: InDomain) => ctx.source('directory', a.connection);
const groups = (ctx: ActionContext, a: InDomain) => ctx.source('groups', a.connection);
const pbxDevices = (ctx: ActionContext, a: InDomain) => ctx.source('pbxDevices', a.connection);

async function userNamed(ctx: ActionContext, a: InDomain & { userName: string }): Promise<UserModel | null> {
  const page = await directory(ctx, a).users(a.domainId, {
    page: { limit: 5, offset: 0 },
    equals: { userName: a.userName },
  });
  return page.items.find((u) => u.userName === a.userName) ?? null;
}

async function deviceWithMac(ctx: ActionContext, a: InDomain & { macAddress: string }): Promise<DeviceModel | null> {
  const page = await pbxDevices(ctx, a).devices(a.domainId, {
    page: { limit: 5, offset: 0 },
    equals: { macAddress: a.macAddress },
  });
  return page.items.find((d) => d.macAddress === a.macAddress) ?? null;
}

const deviceConfig = (ctx: ActionContext, connection: string) => ctx.source('deviceConfig', connection);

type AccountWrite = {
  connection: string;
  index: number;
  patch: DeviceAccountPatch;
  previous: DeviceAccountModel | null;
};

const queues = (ctx: ActionContext, a: InDomain) => ctx.source('queues', a.connection);

/** The created group or queue, found by its extension (unique in a domain); undefined: no extension, no way to tell. */
async function byExtension<T extends { extension: string | null }>(
  list: () => Promise<{ items: T[] }>,
  extension: string | undefined,
): Promise<T | null | undefined> {
  if (!extension) return undefined;
  return (await list()).items.find((item) => item.extension === extension) ?? null;
}

const ACTIONS: Record<string, StepAction> = {
  'directory.createUser': {
    run: (ctx, a: InDomain & { input: UserInput }) => directory(ctx, a).createUser(a.domainId, a.input),
    check: (ctx, a: InDomain & { input: UserInput }) => userNamed(ctx, { ...a, userName: a.input.userName ?? '' }),
    undo: (ctx, a: InDomain, user: UserModel) => unlessGone(directory(ctx, a).deleteUser(a.domainId, user.userId)),
  },
  'directory.addUserGroups': {
    run: async (ctx, a: InDomain & { userId: string; groupIds: string[] }) => {
      await groups(ctx, a).addUserGroups(a.domainId, a.userId, a.groupIds);
      return { groupIds: a.groupIds };
    },
    check: async (ctx, a: InDomain & { userId: string; groupIds: string[] }) => {
      const member = new Set((await groups(ctx, a).userGroups(a.domainId, a.userId)).map((g) => g.groupId));
      return a.groupIds.every((id) => member.has(id)) ? { groupIds: a.groupIds } : null;
    },
    undo: async (ctx, a: InDomain & { userId: string; groupIds: string[] }) => {
      for (const groupId of a.groupIds)
        await unlessGone(groups(ctx, a).removeGroupUsers(a.domainId, groupId, [a.userId]));
    },
  },
  'directory.deleteUser': {
    run: (ctx, a: InDomain & { userId: string }) => unlessGone(directory(ctx, a).deleteUser(a.domainId, a.userId)),
  },
  'directory.createDevice': {
    run: (ctx, a: InDomain & { input: DeviceInput }) => pbxDevices(ctx, a).createDevice(a.domainId, a.input),
    check: (ctx, a: InDomain & { input: DeviceInput }) =>
      deviceWithMac(ctx, { ...a, macAddress: a.input.macAddress ?? '' }),
    undo: (ctx, a: InDomain, device: DeviceModel) =>
      unlessGone(pbxDevices(ctx, a).deleteDevice(a.domainId, device.deviceId)),
  },
  'groups.createGroup': {
    run: (ctx, a: InDomain & { input: GroupInput }) => groups(ctx, a).createGroup(a.domainId, a.input),
    check: (ctx, a: InDomain & { input: GroupInput }) =>
      byExtension(
        () =>
          groups(ctx, a).groups(a.domainId, {
            page: { limit: 5, offset: 0 },
            equals: { extension: a.input.extension ?? '' },
          }),
        a.input.extension,
      ),
    undo: (ctx, a: InDomain, group: GroupModel) => unlessGone(groups(ctx, a).deleteGroup(a.domainId, group.groupId)),
  },
  'queues.createQueue': {
    run: (ctx, a: InDomain & { input: QueueInput }) => queues(ctx, a).createQueue(a.domainId, a.input),
    check: (ctx, a: InDomain & { input: QueueInput }) =>
      byExtension(
        () =>
          queues(ctx, a).queues(a.domainId, {
            page: { limit: 5, offset: 0 },
            equals: { extension: a.input.extension ?? '' },
          }),
        a.input.extension,
      ),
    undo: (ctx, a: InDomain, queue: QueueModel) => unlessGone(queues(ctx, a).deleteQueue(a.domainId, queue.queueId)),
  },
  'directory.deleteDevice': {
    run: (ctx, a: InDomain & { deviceId: string }) =>
      unlessGone(pbxDevices(ctx, a).deleteDevice(a.domainId, a.deviceId)),
  },
  'directory.assignDevice': {
    run: (ctx, a: InDomain & { userId: string; deviceId: string }) =>
      pbxDevices(ctx, a).assignDevice(a.domainId, a.userId, a.deviceId),
    check: (ctx, a: InDomain & { userId: string; deviceId: string }) =>
      pbxDevices(ctx, a).deviceAssignment(a.domainId, a.userId, a.deviceId),
    undo: (ctx, a: InDomain & { userId: string; deviceId: string }) =>
      unlessGone(pbxDevices(ctx, a).unassignDevice(a.domainId, a.userId, a.deviceId)),
  },
  'directory.unassignDevice': {
    run: (ctx, a: InDomain & { userId: string; deviceId: string }) =>
      unlessGone(pbxDevices(ctx, a).unassignDevice(a.domainId, a.userId, a.deviceId)),
  },
  /** A Stringee SIP phone: a user of the project's directory, keyed by its user name. */
  'stringee.createPhone': {
    run: (ctx, a: InDomain & { input: UserInput }) => directory(ctx, a).createUser(a.domainId, a.input),
    check: (ctx, a: InDomain & { input: UserInput }) => directory(ctx, a).user(a.domainId, a.input.userName ?? ''),
    undo: (ctx, a: InDomain & { input: UserInput }) =>
      unlessGone(directory(ctx, a).deleteUser(a.domainId, a.input.userName ?? '')),
  },
  'stringee.deletePhone': {
    run: (ctx, a: InDomain & { userName: string }) => unlessGone(directory(ctx, a).deleteUser(a.domainId, a.userName)),
  },
  /** One SIP account slot of a 2N intercom; `previous` (read before) is what undo writes back. */
  '2n.writeAccount': {
    run: (ctx, a: AccountWrite) => deviceConfig(ctx, a.connection).updateAccount(a.index, a.patch),
    check: async (ctx, a: AccountWrite) => {
      const slot = (await deviceConfig(ctx, a.connection).config()).accounts.find(
        (acc) => acc.deviceAccount?.index === a.index,
      );
      const now = slot?.deviceAccount;
      const matches =
        now &&
        (a.patch.authId === undefined || now.authId === a.patch.authId) &&
        (a.patch.sipNumber === undefined || now.sipNumber === a.patch.sipNumber);
      return matches ? slot : null;
    },
    undo: async (ctx, a: AccountWrite) => {
      if (!a.previous) return;
      const { index: _index, ...previous } = a.previous;
      // The old password is write-only; a slot that was free gets its blank one back.
      const wasFree = !previous.enabled && !previous.authId;
      await deviceConfig(ctx, a.connection).updateAccount(a.index, {
        ...previous,
        ...(wasFree ? { password: '' } : {}),
      });
    },
  },
};

export const actions: ActionRegistry = {
  get(name) {
    const action = ACTIONS[name];
    if (!action) throw new Error(`no step action named ${name}`);
    return action;
  },
};
