/**
 * The 43 operations of the Infinity Config API v2 SIP phone system, on the wire exactly as
 * infinity-config-v2-sip.txt draws them (including its inconsistent trusted-network paths).
 * Reads return validated wire rows; a 404 on a read returns null. Nothing here knows GraphQL.
 */
import { pathSegment } from '../../url-path.js';
import type { z } from 'zod';
import {
  jsonErrorBody,
  encodeForm,
  type QueryParams,
  type Upstream,
  type UpstreamResponse,
} from '../../http/client.js';
import * as wire from './wire.js';
import type { FormParams } from './wire.js';
import { readWire } from '../shared/read-back.js';

export interface ListQuery {
  /** `[wireField, op, value]`, sent as `filter[]=field-op-value-value`. */
  filters?: Array<[string, string, string]>;
  /** `[wireField, direction]`, sent as `sort[]=field-direction`. */
  sort?: Array<[string, 'asc' | 'desc']>;
  limit?: number;
  offset?: number;
}

const seg = pathSegment;

export function listQueryParams(query: ListQuery = {}): QueryParams {
  const params: QueryParams = [];
  for (const [field, op, value] of query.filters ?? []) params.push(['filter[]', `${field}-${op}-value-${value}`]);
  for (const [field, direction] of query.sort ?? []) params.push(['sort[]', `${field}-${direction}`]);
  if (query.limit !== undefined) params.push(['limit', query.limit]);
  if (query.offset !== undefined && query.offset > 0) params.push(['offset', query.offset]);
  return params;
}

/** Infinity's error body: `{"message": "…"}`. */
export const readInfinityError = jsonErrorBody((json) => {
  const message = (json as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? { vendorMessage: message } : undefined;
});

export class InfinityClient {
  constructor(private readonly http: Upstream) {}

  // Domains
  listDomains = () => this.list('/sip/domains', wire.domainRow);
  readDomain = (d: string, fresh = false) => this.read(`/sip/domains/${seg(d)}`, wire.domainRow, fresh);
  updateDomain = (d: string, params: FormParams) => this.post(`/sip/domains/${seg(d)}`, params);

  // Users
  listUsers = (d: string, query?: ListQuery) => this.list(`/sip/domains/${seg(d)}/users`, wire.userRow, query);
  readUser = (d: string, u: string) => this.read(`/sip/domains/${seg(d)}/users/${seg(u)}`, wire.userRow);
  createUser = (d: string, params: FormParams) => this.create(`/sip/domains/${seg(d)}/users`, params, 'userId');
  updateUser = (d: string, u: string, params: FormParams) =>
    this.post(`/sip/domains/${seg(d)}/users/${seg(u)}`, params);
  deleteUser = (d: string, u: string) => this.remove(`/sip/domains/${seg(d)}/users/${seg(u)}`);

  // Groups and their users
  listGroups = (d: string, query?: ListQuery) => this.list(`/sip/domains/${seg(d)}/groups`, wire.groupRow, query);
  readGroup = (d: string, g: string, fresh = false) =>
    this.read(`/sip/domains/${seg(d)}/groups/${seg(g)}`, wire.groupRow, fresh);
  createGroup = (d: string, params: FormParams) => this.create(`/sip/domains/${seg(d)}/groups`, params, 'groupId');
  updateGroup = (d: string, g: string, params: FormParams) =>
    this.post(`/sip/domains/${seg(d)}/groups/${seg(g)}`, params);
  deleteGroup = (d: string, g: string) => this.remove(`/sip/domains/${seg(d)}/groups/${seg(g)}`);
  listGroupUsers = (d: string, g: string, query?: ListQuery) =>
    this.list(`/sip/domains/${seg(d)}/groups/${seg(g)}/users`, wire.groupUserRow, query);
  addGroupUsers = (d: string, g: string, userIds: string[]) =>
    this.post(`/sip/domains/${seg(d)}/groups/${seg(g)}/users`, { userSpec: userIds });
  removeGroupUsers = (d: string, g: string, userIds: string[]) =>
    this.remove(`/sip/domains/${seg(d)}/groups/${seg(g)}/users`, { userSpec: userIds });

  // A user's groups and PBX devices
  listUserGroups = (d: string, u: string, query?: ListQuery) =>
    this.list(`/sip/domains/${seg(d)}/users/${seg(u)}/groups`, wire.userGroupRow, query);
  addUserGroups = (d: string, u: string, groupIds: string[]) =>
    this.post(`/sip/domains/${seg(d)}/users/${seg(u)}/groups`, { groupSpec: groupIds });
  listUserDevices = (d: string, u: string, query?: ListQuery) =>
    this.list(`/sip/domains/${seg(d)}/users/${seg(u)}/devices`, wire.userDeviceRow, query);
  readUserDevice = (d: string, u: string, dev: string) =>
    this.read(`/sip/domains/${seg(d)}/users/${seg(u)}/devices/${seg(dev)}`, wire.userDeviceRow);
  deleteUserDevice = (d: string, u: string, dev: string) =>
    this.remove(`/sip/domains/${seg(d)}/users/${seg(u)}/devices/${seg(dev)}`);
  async createUserDevice(d: string, u: string, deviceId: string): Promise<z.infer<typeof wire.userDeviceCreated>> {
    const response = await this.http.expect(
      { method: 'POST', path: `/sip/domains/${seg(d)}/users/${seg(u)}/devices`, ...form({ pbxDeviceId: deviceId }) },
      201,
    );
    return this.parseOne(response, wire.userDeviceCreated);
  }

  // Queues and members
  listQueues = (d: string, query?: ListQuery) => this.list(`/sip/domains/${seg(d)}/queues`, wire.queueRow, query);
  readQueue = (d: string, q: string) => this.read(`/sip/domains/${seg(d)}/queues/${seg(q)}`, wire.queueRow);
  createQueue = (d: string, params: FormParams) => this.create(`/sip/domains/${seg(d)}/queues`, params, 'queueId');
  updateQueue = (d: string, q: string, params: FormParams) =>
    this.post(`/sip/domains/${seg(d)}/queues/${seg(q)}`, params);
  deleteQueue = (d: string, q: string) => this.remove(`/sip/domains/${seg(d)}/queues/${seg(q)}`);
  listQueueMembers = (d: string, q: string, fresh = false) =>
    this.list(`/sip/domains/${seg(d)}/queues/${seg(q)}/members`, wire.queueMemberRow, undefined, fresh);
  readQueueMember = (d: string, q: string, m: string) =>
    this.read(`/sip/domains/${seg(d)}/queues/${seg(q)}/members/${seg(m)}`, wire.queueMemberRow);
  createQueueMember = (d: string, q: string, params: FormParams) =>
    this.create(`/sip/domains/${seg(d)}/queues/${seg(q)}/members`, params, 'queueMemberId');
  updateQueueMember = (d: string, q: string, m: string, params: FormParams) =>
    this.post(`/sip/domains/${seg(d)}/queues/${seg(q)}/members/${seg(m)}`, params);
  deleteQueueMember = (d: string, q: string, m: string) =>
    this.remove(`/sip/domains/${seg(d)}/queues/${seg(q)}/members/${seg(m)}`);
  async setQueueMemberOrder(d: string, q: string, memberIds: string[]): Promise<void> {
    await this.http.expect(
      {
        method: 'PUT',
        path: `/sip/domains/${seg(d)}/queues/${seg(q)}/members/order`,
        idempotent: true,
        ...form({ queueMemberId: memberIds }),
      },
      204,
      200,
    );
  }

  // Trusted networks: the doc's three spellings, each where the doc uses it
  listTrustedNetworks = (d: string, query?: ListQuery) =>
    this.list(`/sip/domains/${seg(d)}/trustednetworks`, wire.trustedNetworkRow, query);
  readTrustedNetwork = (d: string, t: string) =>
    this.read(`/sip/domains/${seg(d)}/trustedNetworks/${seg(t)}`, wire.trustedNetworkRow);
  createTrustedNetwork = (d: string, params: FormParams) =>
    this.create(`/sip/domains/${seg(d)}/trustedNetworks`, params, 'trustedNetworkId');
  updateTrustedNetwork = (d: string, t: string, params: FormParams) =>
    this.post(`/sip/domains/${seg(d)}/trustedNetwork/${seg(t)}`, params);
  deleteTrustedNetwork = (d: string, t: string) => this.remove(`/sip/domains/${seg(d)}/trustedNetwork/${seg(t)}`);

  // PBX devices
  listDevices = (d: string, query?: ListQuery) => this.list(`/sip/domains/${seg(d)}/devices`, wire.deviceRow, query);
  readDevice = (d: string, dev: string) => this.read(`/sip/domains/${seg(d)}/devices/${seg(dev)}`, wire.deviceRow);
  createDevice = (d: string, params: FormParams) =>
    this.create(`/sip/domains/${seg(d)}/devices`, params, 'pbxDeviceId');
  updateDevice = (d: string, dev: string, params: FormParams) =>
    this.post(`/sip/domains/${seg(d)}/devices/${seg(dev)}`, params);
  deleteDevice = (d: string, dev: string) => this.remove(`/sip/domains/${seg(d)}/devices/${seg(dev)}`);

  private async list<S extends z.ZodType>(
    path: string,
    schema: S,
    query?: ListQuery,
    fresh = false,
  ): Promise<Array<z.infer<S>>> {
    const response = await this.http.expect({ method: 'GET', path, query: listQueryParams(query), fresh }, 200);
    return this.parseRows(response, schema);
  }

  private async read<S extends z.ZodType>(path: string, schema: S, fresh = false): Promise<z.infer<S> | null> {
    const response = await this.http.send({ method: 'GET', path, fresh });
    if (response.status === 404) return null;
    if (response.status !== 200) throw this.http.statusError(response, { method: 'GET', path });
    const [row] = this.parseRows(response, schema);
    if (!row) throw this.http.badResponse(`empty body for GET ${path}`);
    return row;
  }

  private async create(path: string, params: FormParams, idKey: string): Promise<string> {
    const response = await this.http.expect({ method: 'POST', path, ...form(params) }, 201, 200);
    const body = this.parseOne(response, wire.createdIdOf(idKey));
    return wire.str(body[idKey] as string | number);
  }

  private async post(path: string, params: FormParams): Promise<void> {
    await this.http.expect({ method: 'POST', path, ...form(params) }, 204, 200);
  }

  private async remove(path: string, params?: FormParams): Promise<void> {
    await this.http.expect({ method: 'DELETE', path, ...(params ? form(params) : {}) }, 204, 200);
  }

  /**
   * NDJSON → validated rows. The lines are parsed as one JSON array: one parse, not one per row.
   * Most answers have no blank line: their newlines turn into the array's commas in one pass.
   */
  private parseRows<S extends z.ZodType>(response: UpstreamResponse, schema: S): Array<z.infer<S>> {
    const rows = parseNdjsonArray(response.text) ?? this.parseNdjsonLines(response);
    const check = wire.rowCheck(schema);
    for (let i = 0; i < rows.length; i += 1) {
      if (!check?.(rows[i])) rows[i] = readWire(this.http, schema, rows[i], `row ${i + 1}`, response.status);
    }
    return rows as Array<z.infer<S>>;
  }

  /** NDJSON with blank lines, or that is not JSON: line by line, saying which row is not. */
  private parseNdjsonLines(response: UpstreamResponse): unknown[] {
    const lines = response.text.split('\n').filter((line) => line.trim() !== '');
    try {
      return JSON.parse(`[${lines.join(',')}]`) as unknown[];
    } catch (error) {
      const bad = lines.findIndex((line) => !isJson(line));
      throw this.http.badResponse(`row ${bad + 1} is not JSON`, { response }, error);
    }
  }

  private parseOne<S extends z.ZodType>(response: UpstreamResponse, schema: S): z.infer<S> {
    const [row] = this.parseRows(response, schema);
    if (row === undefined) throw this.http.badResponse(`empty body (HTTP ${response.status})`, { response });
    return row;
  }
}

/**
 * NDJSON's rows as one JSON array when no line but the last ones is blank; undefined otherwise (a
 * blank line makes two commas in a row, which never parses) and for text that is not JSON.
 */
export function parseNdjsonArray(text: string): unknown[] | undefined {
  let end = text.length;
  while (end > 0 && JSON_WHITESPACE.has(text.charCodeAt(end - 1))) end -= 1;
  if (end === 0) return [];
  try {
    return JSON.parse(`[${text.slice(0, end).replaceAll('\n', ',')}]`) as unknown[];
  } catch {
    return undefined;
  }
}

/** Space, tab, CR and LF: the only whitespace JSON allows, so the only kind dropped without a look. */
const JSON_WHITESPACE = new Set([0x20, 0x09, 0x0d, 0x0a]);

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function form(params: FormParams): { body: string; headers: Record<string, string> } {
  const defined = Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined)) as FormParams;
  return {
    body: encodeForm(defined as Parameters<typeof encodeForm>[0]),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  };
}
