/**
 * The 43 operations of infinity-config-v2-sip.txt, each at exactly the path the doc gives it,
 * including the doc's three spellings of trusted networks. Lists and reads answer NDJSON rows;
 * creates 201 with the new id; updates, deletes and adds 204 with no body.
 */
import { randomBytes } from 'node:crypto';
import { router, type EmulatorRequest, type EmulatorResponse, type Handler, type Route } from '../shared/harness.js';
import type { InfinityAuth } from './auth.js';
import { InfinityError, notFound } from './errors.js';
import { DOCUMENTED_OPERANDS, listResponse, ndjsonResponse, refuseUnofferedOperands } from './listing.js';
import { FormParams, flag, integer, nonEmptyText, oneOf, text } from './params.js';
import * as rows from './rows.js';
import {
  RING_STRATEGIES,
  type GroupFields,
  type InfinityState,
  type NewQueue,
  type NewQueueMember,
  type NewUser,
  type PbxDevice,
  type QueueFields,
  type QueueMemberFields,
  type UserFields,
} from './state.js';

const DOMAINS = '/config/v2/sip/domains';

interface PathResource {
  /** What a 404 calls it. */
  noun: string;
  /** Throws the 404 when `id` names nothing; `path` holds the ids before it (the domain's first). */
  find(state: InfinityState, id: number, path: ReadonlyMap<string, number>): unknown;
}

const domainOf = (path: ReadonlyMap<string, number>): number => path.get('domainId') ?? 0;

/** The resource behind each path param. */
const PATH_RESOURCES: Readonly<Record<string, PathResource>> = {
  domainId: { noun: 'domain', find: (state, id) => state.domain(id) },
  userId: { noun: 'user', find: (state, id, path) => state.user(domainOf(path), id) },
  groupId: { noun: 'group', find: (state, id, path) => state.group(domainOf(path), id) },
  queueId: { noun: 'queue', find: (state, id, path) => state.queue(domainOf(path), id) },
  queueMemberId: {
    noun: 'queue member',
    find: (state, id, path) => state.queueMember(domainOf(path), path.get('queueId') ?? 0, id),
  },
  trustedNetworkId: { noun: 'trusted network', find: (state, id, path) => state.trustedNetwork(domainOf(path), id) },
  pbxDeviceId: { noun: 'PBX device', find: (state, id, path) => state.device(domainOf(path), id) },
};

function pathResource(pathParam: string): PathResource {
  const resource = PATH_RESOURCES[pathParam];
  if (!resource) throw new Error(`no resource is known for the path param :${pathParam}`);
  return resource;
}

/** A request under one domain, its path checked: the domain exists and may be used, every other id names something. */
interface Call {
  domainId: number;
  id(pathParam: string): number;
  params(): FormParams;
  query: URLSearchParams;
}

type CallHandler = (call: Call) => EmulatorResponse;
/** Declares the route `method {domain}{path}`, where `path` follows `/config/v2/sip/domains/:domainId`. */
type On = (method: string, path: string, handle: CallHandler) => Route;

const NO_CONTENT: EmulatorResponse = { status: 204 };
const created = (body: Record<string, string>): EmulatorResponse => ({ status: 201, body });
const single = (row: rows.Row): EmulatorResponse => ndjsonResponse([row]);

/** An id in the path that is not a number names nothing: 404, like any unknown id. */
function pathId(pathParam: string, raw: string): number {
  if (!/^\d{1,15}$/.test(raw)) throw notFound(pathResource(pathParam).noun, raw);
  return Number(raw);
}

// ---- POST params → typed inputs. Requiredness follows the doc: a param not marked OPTIONAL is required.

const USER_TEXT_PARAMS = [
  'pin',
  'email',
  'firstName',
  'lastName',
  'jobName',
  'departmentName',
  'companyName',
  'officeName',
  'ukCallerId',
  'usCallerId',
  'mobileNumber',
] as const;
const USER_FLAG_PARAMS = ['mobileFollow', 'hotdeskAllowed', 'dashboard'] as const;

function userChanges(params: FormParams): Partial<UserFields> {
  return {
    ...params.present(USER_TEXT_PARAMS, text),
    ...params.present(['password', 'displayName'], nonEmptyText),
    ...params.present(['extensionNumber'], text),
    ...params.present(USER_FLAG_PARAMS, flag),
  };
}

function newUser(params: FormParams): NewUser {
  return {
    ...userChanges(params),
    user: params.required('user', text),
    password: params.required('password', text),
    displayName: params.required('displayName', nonEmptyText),
    extensionNumber: params.required('extensionNumber', text),
    ukPhoneId: params.optional('ukPhoneId', integer(1)),
    usPhoneId: params.optional('usPhoneId', integer(1)),
  };
}

/** Create and update alike: the doc marks none of a group's params optional. */
function groupFields(params: FormParams): GroupFields {
  return {
    groupName: params.required('groupName', nonEmptyText),
    displayName: params.required('displayName', nonEmptyText),
    extensionNumber: params.required('extensionNumber', text),
    ringRetry: params.required('ringRetry', flag),
    ringExclusive: params.required('ringExclusive', flag),
    callerNameFormat: params.required('callerNameFormat', text),
  };
}

function newQueue(params: FormParams): NewQueue {
  return {
    queueName: params.required('queueName', nonEmptyText),
    displayName: params.required('displayName', nonEmptyText),
    extensionNumber: params.required('extensionNumber', text),
    callerNameFormat: params.optional('callerNameFormat', text),
  };
}

function queueChanges(params: FormParams): Partial<QueueFields> {
  return {
    ...params.present(['queueName', 'displayName'], nonEmptyText),
    ...params.present(['extensionNumber', 'callerNameFormat'], text),
  };
}

const ringStrategy = oneOf(RING_STRATEGIES);
const atLeastOne = integer(1);

function newQueueMember(params: FormParams): NewQueueMember {
  return {
    groupId: params.required('groupId', atLeastOne),
    ringStrategy: params.required('ringStrategy', ringStrategy),
    ringAttempts: params.required('ringAttempts', atLeastOne),
    ringSecs: params.required('ringSecs', atLeastOne),
    // "Create SIP queue member" lists ringOrder without OPTIONAL.
    ringOrder: params.required('ringOrder', atLeastOne),
  };
}

function queueMemberChanges(params: FormParams): Partial<QueueMemberFields> {
  return {
    ...params.present(['groupId', 'ringAttempts', 'ringSecs', 'ringOrder'], atLeastOne),
    ...params.present(['ringStrategy'], ringStrategy),
  };
}

/** A one-time provisioning token: 25 hex digits, like the doc's sample. */
function provisioningToken(): string {
  return randomBytes(13).toString('hex').slice(0, 25);
}

// ---- the routes, one group per resource of the doc

function domainRoutes(state: InfinityState, on: On): Route[] {
  return [
    on('GET', '', ({ domainId }) => single(rows.domainRow(state.domain(domainId)))),
    on('POST', '', ({ domainId, params }) => {
      const p = params();
      state.updateDomain(domainId, {
        displayName: p.required('displayName', nonEmptyText),
        rec: p.required('rec', flag),
      });
      return NO_CONTENT;
    }),
  ];
}

function userRoutes(state: InfinityState, on: On): Route[] {
  return [
    on('GET', '/users', ({ domainId, query }) =>
      listResponse(state.users(domainId).map(rows.userRow), rows.FIELDS.user, query),
    ),
    on('POST', '/users', ({ domainId, params }) =>
      created({ userId: String(state.createUser(domainId, newUser(params())).userId) }),
    ),
    on('GET', '/users/:userId', ({ domainId, id }) => single(rows.userRow(state.user(domainId, id('userId'))))),
    on(
      'POST',
      '/users/:userId',
      ({ domainId, id, params }) => (state.updateUser(domainId, id('userId'), userChanges(params())), NO_CONTENT),
    ),
    on('DELETE', '/users/:userId', ({ domainId, id }) => (state.deleteUser(domainId, id('userId')), NO_CONTENT)),

    on('GET', '/users/:userId/groups', ({ domainId, id, query }) => {
      const userId = id('userId');
      return listResponse(
        state.userGroups(domainId, userId).map((group) => rows.userGroupRow(userId, group)),
        rows.FIELDS.userGroup,
        query,
      );
    }),
    on(
      'POST',
      '/users/:userId/groups',
      ({ domainId, id, params }) => (
        state.addUserGroups(domainId, id('userId'), params().ids('groupSpec')),
        NO_CONTENT
      ),
    ),

    on('GET', '/users/:userId/devices', ({ domainId, id, query }) => {
      const owner = state.user(domainId, id('userId'));
      return listResponse(
        state.userDevices(domainId, owner.userId).map((device) => rows.userDeviceRow(device, owner)),
        rows.FIELDS.userDevice,
        query,
      );
    }),
    on('GET', '/users/:userId/devices/:pbxDeviceId', ({ domainId, id }) => {
      const owner = state.user(domainId, id('userId'));
      return single(rows.userDeviceRow(state.userDevice(domainId, owner.userId, id('pbxDeviceId')), owner));
    }),
    on('POST', '/users/:userId/devices', ({ domainId, id, params }) => {
      const device = state.assignDevice(domainId, id('userId'), params().required('pbxDeviceId', atLeastOne));
      return created({
        pbxDeviceId: String(device.pbxDeviceId),
        userId: String(id('userId')),
        pbxDeviceToken: provisioningToken(),
      });
    }),
    on(
      'DELETE',
      '/users/:userId/devices/:pbxDeviceId',
      ({ domainId, id }) => (state.unassignDevice(domainId, id('userId'), id('pbxDeviceId')), NO_CONTENT),
    ),
  ];
}

function groupRoutes(state: InfinityState, on: On): Route[] {
  return [
    on('GET', '/groups', ({ domainId, query }) =>
      listResponse(state.groups(domainId).map(rows.groupRow), rows.FIELDS.group, query),
    ),
    on('POST', '/groups', ({ domainId, params }) =>
      created({ groupId: String(state.createGroup(domainId, groupFields(params())).groupId) }),
    ),
    on('GET', '/groups/:groupId', ({ domainId, id }) => single(rows.groupRow(state.group(domainId, id('groupId'))))),
    on(
      'POST',
      '/groups/:groupId',
      ({ domainId, id, params }) => (state.updateGroup(domainId, id('groupId'), groupFields(params())), NO_CONTENT),
    ),
    on('DELETE', '/groups/:groupId', ({ domainId, id }) => (state.deleteGroup(domainId, id('groupId')), NO_CONTENT)),

    on('GET', '/groups/:groupId/users', ({ domainId, id, query }) => {
      const groupId = id('groupId');
      return listResponse(
        state.groupUsers(domainId, groupId).map((user) => rows.groupUserRow(groupId, user)),
        rows.FIELDS.groupUser,
        query,
      );
    }),
    on(
      'POST',
      '/groups/:groupId/users',
      ({ domainId, id, params }) => (
        state.addGroupUsers(domainId, id('groupId'), params().ids('userSpec')),
        NO_CONTENT
      ),
    ),
    on(
      'DELETE',
      '/groups/:groupId/users',
      ({ domainId, id, params }) => (
        state.removeGroupUsers(domainId, id('groupId'), params().ids('userSpec')),
        NO_CONTENT
      ),
    ),
  ];
}

function queueRoutes(state: InfinityState, on: On): Route[] {
  return [
    on('GET', '/queues', ({ domainId, query }) =>
      listResponse(state.queues(domainId).map(rows.queueRow), rows.FIELDS.queue, query),
    ),
    on('POST', '/queues', ({ domainId, params }) =>
      created({ queueId: String(state.createQueue(domainId, newQueue(params())).queueId) }),
    ),
    on('GET', '/queues/:queueId', ({ domainId, id }) => single(rows.queueRow(state.queue(domainId, id('queueId'))))),
    on(
      'POST',
      '/queues/:queueId',
      ({ domainId, id, params }) => (state.updateQueue(domainId, id('queueId'), queueChanges(params())), NO_CONTENT),
    ),
    on('DELETE', '/queues/:queueId', ({ domainId, id }) => (state.deleteQueue(domainId, id('queueId')), NO_CONTENT)),

    // Before `/members/:queueMemberId`, so that "order" is never taken for a member id.
    on(
      'PUT',
      '/queues/:queueId/members/order',
      ({ domainId, id, params }) => (
        state.orderQueueMembers(domainId, id('queueId'), params().ids('queueMemberId')),
        NO_CONTENT
      ),
    ),
    on('GET', '/queues/:queueId/members', ({ domainId, id, query }) =>
      listResponse(
        state.queueMembers(domainId, id('queueId')).map(rows.queueMemberRow),
        rows.FIELDS.queueMember,
        query,
      ),
    ),
    on('POST', '/queues/:queueId/members', ({ domainId, id, params }) => {
      const member = state.createQueueMember(domainId, id('queueId'), newQueueMember(params()));
      return created({ queueMemberId: String(member.queueMemberId) });
    }),
    on('GET', '/queues/:queueId/members/:queueMemberId', ({ domainId, id }) =>
      single(rows.queueMemberRow(state.queueMember(domainId, id('queueId'), id('queueMemberId')))),
    ),
    on('POST', '/queues/:queueId/members/:queueMemberId', ({ domainId, id, params }) => {
      state.updateQueueMember(domainId, id('queueId'), id('queueMemberId'), queueMemberChanges(params()));
      return NO_CONTENT;
    }),
    on(
      'DELETE',
      '/queues/:queueId/members/:queueMemberId',
      ({ domainId, id }) => (state.deleteQueueMember(domainId, id('queueId'), id('queueMemberId')), NO_CONTENT),
    ),
  ];
}

/** The doc spells the path three ways; each operation answers only at its own spelling, as the real server does. */
function trustedNetworkRoutes(state: InfinityState, on: On): Route[] {
  return [
    on('GET', '/trustednetworks', ({ domainId, query }) =>
      listResponse(state.trustedNetworks(domainId).map(rows.trustedNetworkRow), rows.FIELDS.trustedNetwork, query),
    ),
    on('GET', '/trustedNetworks/:trustedNetworkId', ({ domainId, id }) =>
      single(rows.trustedNetworkRow(state.trustedNetwork(domainId, id('trustedNetworkId')))),
    ),
    on('POST', '/trustedNetworks', ({ domainId, params }) => {
      const p = params();
      const network = state.createTrustedNetwork(domainId, {
        network: p.required('network', text),
        description: p.optional('description', text),
      });
      return created({ trustedNetworkId: String(network.trustedNetworkId) });
    }),
    on('POST', '/trustedNetwork/:trustedNetworkId', ({ domainId, id, params }) => {
      const p = params();
      state.updateTrustedNetwork(domainId, id('trustedNetworkId'), {
        ...p.present(['network'], nonEmptyText),
        ...p.present(['description'], text),
      });
      return NO_CONTENT;
    }),
    on(
      'DELETE',
      '/trustedNetwork/:trustedNetworkId',
      ({ domainId, id }) => (state.deleteTrustedNetwork(domainId, id('trustedNetworkId')), NO_CONTENT),
    ),
  ];
}

function pbxDeviceRoutes(state: InfinityState, on: On): Route[] {
  const row = (device: PbxDevice) => rows.pbxDeviceRow(device, state.owner(device));
  return [
    on('GET', '/devices', ({ domainId, query }) =>
      listResponse(state.devices(domainId).map(row), rows.FIELDS.pbxDevice, query),
    ),
    on('POST', '/devices', ({ domainId, params }) => {
      const p = params();
      const device = state.createDevice(domainId, {
        pbxDeviceName: p.required('pbxDeviceName', nonEmptyText),
        deviceMacAddress: p.required('deviceMacAddress', text),
      });
      return created({ pbxDeviceId: String(device.pbxDeviceId) });
    }),
    on('GET', '/devices/:pbxDeviceId', ({ domainId, id }) => single(row(state.device(domainId, id('pbxDeviceId'))))),
    on(
      'POST',
      '/devices/:pbxDeviceId',
      ({ domainId, id, params }) => (
        state.renameDevice(domainId, id('pbxDeviceId'), params().required('pbxDeviceName', nonEmptyText)),
        NO_CONTENT
      ),
    ),
    on(
      'DELETE',
      '/devices/:pbxDeviceId',
      ({ domainId, id }) => (state.deleteDevice(domainId, id('pbxDeviceId')), NO_CONTENT),
    ),
  ];
}

export interface ListPolicy {
  /** The `filter[]` operands this server offers; the doc shows only `eq`. */
  filterOperands?: readonly string[];
}

/** Every operation; a domain the credentials may not use answers 403 (after 404 if it does not exist). */
export function infinityRoutes(state: InfinityState, auth: InfinityAuth, policy: ListPolicy = {}): Route[] {
  const operands = policy.filterOperands ?? DOCUMENTED_OPERANDS;
  /**
   * Checks the whole path, in order, before the handler reads any param: an unknown id is a 404
   * whatever the body says, and a domain the credentials may not use is a 403 once it is known to exist.
   */
  const openCall = (req: EmulatorRequest, pathParams: Record<string, string>): Call => {
    const path = new Map<string, number>();
    for (const [pathParam, raw] of Object.entries(pathParams)) {
      const id = pathId(pathParam, raw);
      pathResource(pathParam).find(state, id, path);
      if (pathParam === 'domainId' && !auth.mayAccess(id))
        throw new InfinityError(403, `no permission for domain ${id}`);
      path.set(pathParam, id);
    }
    return {
      domainId: domainOf(path),
      id: (pathParam) => {
        const id = path.get(pathParam);
        if (id === undefined) throw new Error(`the route has no :${pathParam}`);
        return id;
      },
      params: () => FormParams.of(req),
      query: req.query,
    };
  };
  const on: On = (method, path, handle) => ({
    method,
    pattern: `${DOMAINS}/:domainId${path}`,
    handle: (req, pathParams) => {
      const call = openCall(req, pathParams);
      if (method === 'GET') refuseUnofferedOperands(req.query, operands);
      return handle(call);
    },
  });
  const listDomains: Route = {
    method: 'GET',
    pattern: DOMAINS,
    handle: (req) => {
      refuseUnofferedOperands(req.query, operands);
      const domains = state.domains().filter((domain) => auth.mayAccess(domain.domainId));
      return listResponse(domains.map(rows.domainRow), rows.FIELDS.domain, req.query);
    },
  };
  return [
    listDomains,
    ...domainRoutes(state, on),
    ...userRoutes(state, on),
    ...groupRoutes(state, on),
    ...queueRoutes(state, on),
    ...trustedNetworkRoutes(state, on),
    ...pbxDeviceRoutes(state, on),
  ];
}

/** Routes plus what every answer shares: an InfinityError becomes its status with `{"message"}`. */
export function infinityHandler(routes: Route[]): Handler {
  const route = router(routes, (req) => {
    throw notFound(req.method, req.path);
  });
  return async (req) => {
    try {
      return await route(req);
    } catch (error) {
      if (error instanceof InfinityError) return { status: error.status, body: { message: error.message } };
      throw error;
    }
  };
}
