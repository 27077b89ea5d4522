/** The 43 operations of infinity-config-v2-sip.txt, at exactly the paths the doc gives each one. */
import { randomBytes } from 'node:crypto';
import { router, type EmulatorRequest, type EmulatorResponse, type Route } from '../shared/harness.js';
import { listResponse, rowsResponse } from './listing.js';
import * as rows from './rows.js';
import { EmulatorError, type InfinityState, type Params } from './state.js';

const BASE = '/config/v2/sip/domains';

const FIELDS = {
  domain: ['domainId', 'domainName', 'displayName', 'rec', 'createDatetime', 'updateDatetime'],
  user: ['userId', 'domainId', 'user', 'displayName', 'extensionNumber', 'email', 'firstName', 'lastName', 'jobName', 'departmentName', 'companyName', 'officeName', 'ukCallerId', 'usCallerId', 'mobileNumber', 'mobileFollow', 'ukPhoneId', 'usPhoneId', 'hotdeskAllowed', 'dashboard', 'createDatetime', 'updateDatetime'],
  group: ['groupId', 'domainId', 'groupName', 'displayName', 'extensionNumber', 'ringRetry', 'ringExclusive', 'callerNameFormat', 'createDatetime', 'updateDatetime'],
  groupUser: ['groupId', 'userId', 'user', 'displayName', 'extensionNumber'],
  userGroup: ['userId', 'groupId', 'groupName', 'displayName', 'extensionNumber'],
  queue: ['queueId', 'domainId', 'queueName', 'displayName', 'extensionNumber', 'callerNameFormat', 'createDatetime', 'updateDatetime'],
  member: ['queueMemberId', 'queueId', 'groupId', 'ringStrategy', 'ringAttempts', 'ringSecs', 'ringOrder'],
  network: ['trustedNetworkId', 'domainId', 'network', 'description', 'createDatetime', 'updateDatetime'],
  device: ['pbxDeviceId', 'pbxDeviceName', 'domainId', 'deviceMacAddress', 'createDatetime', 'updateDatetime', 'userId', 'user'],
  userDevice: ['userId', 'pbxDeviceId', 'user', 'updateDatetime', 'pbxDeviceName'],
};

/** POST params: the urlencoded body, and the query string that some clients use instead. */
function params(req: EmulatorRequest): URLSearchParams {
  const merged = new URLSearchParams(req.query);
  const type = String(req.headers['content-type'] ?? '');
  if (req.rawBody.length > 0 && (type === '' || type.startsWith('application/x-www-form-urlencoded'))) {
    for (const [key, value] of req.form()) merged.append(key, value);
  }
  return merged;
}

function scalars(all: URLSearchParams): Params {
  const out: Params = {};
  for (const [key, value] of all) if (!key.endsWith('[]')) out[key] = value;
  return out;
}

/** `name[]=1&name[]=2`, or a lone `name=1`, as integer ids. */
function idArray(all: URLSearchParams, name: string): number[] {
  const values = all.getAll(`${name}[]`);
  if (values.length === 0 && all.has(name)) values.push(all.get(name)!);
  if (values.length === 0) throw new EmulatorError(400, `${name}: at least one id is required`);
  return values.map((v) => {
    if (!/^\d+$/.test(v)) throw new EmulatorError(400, `${name}: "${v}" is not an id`);
    return Number(v);
  });
}

const id = (value: string | undefined, what: string): number => {
  if (!value || !/^\d+$/.test(value)) throw new EmulatorError(404, `${what} ${value ?? ''} not found`);
  return Number(value);
};

const created = (body: Record<string, string>): EmulatorResponse => ({ status: 201, body });
const noContent: EmulatorResponse = { status: 204 };
const one = (row: rows.Row): EmulatorResponse => rowsResponse([row]);

function inDomain<T extends { domainId: number }>(domainId: number, all: Iterable<T>, respond: (items: T[]) => EmulatorResponse): EmulatorResponse {
  return respond([...all].filter((item) => item.domainId === domainId));
}

/** `visible` says whether the caller's credentials may see a domain; hidden ones answer 403. */
export function infinityRoutes(state: InfinityState, visible: (domainId: number) => boolean): Route[] {
  type P = Record<string, string>;
  const d = (p: P) => {
    const domainId = id(p.d, 'domain');
    state.domain(domainId);
    if (!visible(domainId)) throw new EmulatorError(403, `no permission for domain ${domainId}`);
    return domainId;
  };
  const route = (method: string, path: string, handle: (req: EmulatorRequest, p: P) => EmulatorResponse): Route => ({ method, pattern: `${BASE}${path}`, handle });

  return [
    { method: 'GET', pattern: BASE, handle: (req) => listResponse([...state.domains.values()].filter((dom) => visible(dom.domainId)).map(rows.domainRow), FIELDS.domain, req.query) },
    route('GET', '/:d', (_, p) => one(rows.domainRow(state.domain(d(p))))),
    route('POST', '/:d', (req, p) => (state.updateDomain(d(p), scalars(params(req))), noContent)),

    route('GET', '/:d/users', (req, p) => inDomain(d(p), state.users.values(), (u) => listResponse(u.map(rows.userRow), FIELDS.user, req.query))),
    route('POST', '/:d/users', (req, p) => created({ userId: String(state.createUser(d(p), scalars(params(req))).userId) })),
    route('GET', '/:d/users/:u', (_, p) => one(rows.userRow(state.user(d(p), id(p.u, 'user'))))),
    route('POST', '/:d/users/:u', (req, p) => (state.updateUser(d(p), id(p.u, 'user'), scalars(params(req))), noContent)),
    route('DELETE', '/:d/users/:u', (_, p) => (state.deleteUser(d(p), id(p.u, 'user')), noContent)),

    route('GET', '/:d/groups', (req, p) => inDomain(d(p), state.groups.values(), (g) => listResponse(g.map(rows.groupRow), FIELDS.group, req.query))),
    route('POST', '/:d/groups', (req, p) => created({ groupId: String(state.createGroup(d(p), scalars(params(req))).groupId) })),
    route('GET', '/:d/groups/:g', (_, p) => one(rows.groupRow(state.group(d(p), id(p.g, 'group'))))),
    route('POST', '/:d/groups/:g', (req, p) => (state.updateGroup(d(p), id(p.g, 'group'), scalars(params(req))), noContent)),
    route('DELETE', '/:d/groups/:g', (_, p) => (state.deleteGroup(d(p), id(p.g, 'group')), noContent)),
    route('GET', '/:d/groups/:g/users', (req, p) => {
      const g = id(p.g, 'group');
      return listResponse(state.groupUsers(d(p), g).map((u) => rows.groupUserRow(g, u)), FIELDS.groupUser, req.query);
    }),
    route('POST', '/:d/groups/:g/users', (req, p) => {
      const g = id(p.g, 'group');
      state.addMemberships(d(p), idArray(params(req), 'userSpec').map((u) => [g, u]));
      return noContent;
    }),
    route('DELETE', '/:d/groups/:g/users', (req, p) => (state.removeMemberships(d(p), id(p.g, 'group'), idArray(params(req), 'userSpec')), noContent)),

    route('GET', '/:d/users/:u/groups', (req, p) => {
      const u = id(p.u, 'user');
      return listResponse(state.userGroups(d(p), u).map((g) => rows.userGroupRow(u, g)), FIELDS.userGroup, req.query);
    }),
    route('POST', '/:d/users/:u/groups', (req, p) => {
      const u = id(p.u, 'user');
      state.addMemberships(d(p), idArray(params(req), 'groupSpec').map((g) => [g, u]));
      return noContent;
    }),

    route('GET', '/:d/users/:u/devices', (req, p) => listResponse(state.userDevices(d(p), id(p.u, 'user')).map((dev) => rows.userDeviceRow(state, dev)), FIELDS.userDevice, req.query)),
    route('GET', '/:d/users/:u/devices/:dev', (_, p) => one(rows.userDeviceRow(state, state.userDevice(d(p), id(p.u, 'user'), id(p.dev, 'PBX device'))))),
    route('POST', '/:d/users/:u/devices', (req, p) => {
      const all = scalars(params(req));
      if (!all.pbxDeviceId || !/^\d+$/.test(all.pbxDeviceId)) throw new EmulatorError(400, 'pbxDeviceId: is required');
      const device = state.assignDevice(d(p), id(p.u, 'user'), Number(all.pbxDeviceId), randomBytes(13).toString('hex').slice(0, 25));
      return created({ pbxDeviceId: String(device.pbxDeviceId), userId: String(device.userId), pbxDeviceToken: device.token });
    }),
    route('DELETE', '/:d/users/:u/devices/:dev', (_, p) => (state.unassignDevice(d(p), id(p.u, 'user'), id(p.dev, 'PBX device')), noContent)),

    route('GET', '/:d/queues', (req, p) => inDomain(d(p), state.queues.values(), (q) => listResponse(q.map(rows.queueRow), FIELDS.queue, req.query))),
    route('POST', '/:d/queues', (req, p) => created({ queueId: String(state.createQueue(d(p), scalars(params(req))).queueId) })),
    route('GET', '/:d/queues/:q', (_, p) => one(rows.queueRow(state.queue(d(p), id(p.q, 'queue'))))),
    route('POST', '/:d/queues/:q', (req, p) => (state.updateQueue(d(p), id(p.q, 'queue'), scalars(params(req))), noContent)),
    route('DELETE', '/:d/queues/:q', (_, p) => (state.deleteQueue(d(p), id(p.q, 'queue')), noContent)),
    // Listed before `/members/:m` so that "order" is never read as a member id.
    route('PUT', '/:d/queues/:q/members/order', (req, p) => (state.orderMembers(d(p), id(p.q, 'queue'), idArray(params(req), 'queueMemberId')), noContent)),
    route('GET', '/:d/queues/:q/members', (req, p) => listResponse(state.queueMembers(d(p), id(p.q, 'queue')).map(rows.memberRow), FIELDS.member, req.query)),
    route('POST', '/:d/queues/:q/members', (req, p) => created({ queueMemberId: String(state.createMember(d(p), id(p.q, 'queue'), scalars(params(req))).queueMemberId) })),
    route('GET', '/:d/queues/:q/members/:m', (_, p) => one(rows.memberRow(state.member(d(p), id(p.q, 'queue'), id(p.m, 'queue member'))))),
    route('POST', '/:d/queues/:q/members/:m', (req, p) => (state.updateMember(d(p), id(p.q, 'queue'), id(p.m, 'queue member'), scalars(params(req))), noContent)),
    route('DELETE', '/:d/queues/:q/members/:m', (_, p) => (state.deleteMember(d(p), id(p.q, 'queue'), id(p.m, 'queue member')), noContent)),

    // The doc spells these three ways; each operation answers only at its own spelling.
    route('GET', '/:d/trustednetworks', (req, p) => inDomain(d(p), state.networks.values(), (n) => listResponse(n.map(rows.networkRow), FIELDS.network, req.query))),
    route('GET', '/:d/trustedNetworks/:t', (_, p) => one(rows.networkRow(state.network(d(p), id(p.t, 'trusted network'))))),
    route('POST', '/:d/trustedNetworks', (req, p) => created({ trustedNetworkId: String(state.createNetwork(d(p), scalars(params(req))).trustedNetworkId) })),
    route('POST', '/:d/trustedNetwork/:t', (req, p) => (state.updateNetwork(d(p), id(p.t, 'trusted network'), scalars(params(req))), noContent)),
    route('DELETE', '/:d/trustedNetwork/:t', (_, p) => (state.deleteNetwork(d(p), id(p.t, 'trusted network')), noContent)),

    route('GET', '/:d/devices', (req, p) => inDomain(d(p), state.devices.values(), (devs) => listResponse(devs.map((dev) => rows.deviceRow(state, dev)), FIELDS.device, req.query))),
    route('POST', '/:d/devices', (req, p) => created({ pbxDeviceId: String(state.createDevice(d(p), scalars(params(req))).pbxDeviceId) })),
    route('GET', '/:d/devices/:dev', (_, p) => one(rows.deviceRow(state, state.device(d(p), id(p.dev, 'PBX device'))))),
    route('POST', '/:d/devices/:dev', (req, p) => (state.updateDevice(d(p), id(p.dev, 'PBX device'), scalars(params(req))), noContent)),
    route('DELETE', '/:d/devices/:dev', (_, p) => (state.deleteDevice(d(p), id(p.dev, 'PBX device')), noContent)),
  ];
}

export function errorResponse(error: unknown): EmulatorResponse {
  if (error instanceof EmulatorError) return { status: error.status, body: { message: error.message } };
  throw error;
}

export function handlerFor(routes: Route[]) {
  return router(routes, (req) => ({ status: 404, body: { message: `no such resource: ${req.method} ${req.path}` } }));
}
