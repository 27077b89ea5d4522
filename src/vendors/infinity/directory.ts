/** Infinity domains and users for one request (DirectoryPort). */
import type { DomainModel, Page, UserModel } from '../../model.js';
import { GatewayError, ErrorCode } from '../../errors.js';
import { nullsAs, refuseUnclearable, withoutNulls, type Patch } from '../patch.js';
import type { DirectoryPort, DomainInput, ListOptions, UserField, UserInput } from '../ports.js';
import { readBack } from '../shared/read-back.js';
import { joinKey, splitKey, type Keyed, type RequestCache } from '../shared/request-cache.js';
import type { ListCounts } from '../shared/call-profile.js';
import type { InfinityClient, ListQuery } from './client.js';
import * as map from './map.js';
import {
  CLEARABLE,
  containsFilters,
  mergedDomainParams,
  pageContaining,
  toListQuery,
  toPage,
  userParams,
} from './params.js';
import { LIST_FIELDS } from './wire.js';

/** Rows asked for in one call when several users of a domain are wanted by id. */
const FULL_LIST_PAGE = 1000;

const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));

export class InfinityDirectory implements DirectoryPort {
  readonly vendor = 'infinity' as const;

  private readonly domainById: Keyed<DomainModel | null>;
  private readonly userById: Keyed<UserModel | null>;

  constructor(
    private readonly client: InfinityClient,
    readonly connection: string,
    private readonly cache: RequestCache,
    private readonly counts: ListCounts,
  ) {
    // One domain: its own read. Several in one tick: the domain list answers them all.
    this.domainById = cache.batched(async (ids) => {
      if (ids.length === 1) {
        const row = await client.readDomain(ids[0]!);
        return [row ? map.toDomain(connection, row) : null];
      }
      const all = new Map((await this.domains()).map((d) => [d.domainId, d]));
      return ids.map((id) => all.get(id) ?? null);
    });
    this.userById = cache.batched((keys) => this.usersById(keys));
  }

  /**
   * Users by id. Several of one domain (a router resolving User references) come from ONE list
   * call, as `domain.users` would; only ids beyond a full first page are read one by one.
   */
  private async usersById(keys: readonly string[]): Promise<Array<UserModel | null | Error>> {
    const found = new Map<string, UserModel | null | Error>();
    const byDomain = new Map<string, string[]>();
    for (const key of keys) {
      const [domainId, userId] = splitKey(key);
      byDomain.set(domainId, [...(byDomain.get(domainId) ?? []), userId]);
    }
    const readOne = async (domainId: string, userId: string): Promise<void> => {
      const row = await this.client.readUser(domainId, userId).catch(asError);
      found.set(
        joinKey(domainId, userId),
        row instanceof Error ? row : row ? map.toUser(this.connection, domainId, row) : null,
      );
    };
    await Promise.all(
      [...byDomain].map(async ([domainId, userIds]) => {
        if (userIds.length === 1) return readOne(domainId, userIds[0]!);
        const rows = await this.client.listUsers(domainId, { limit: FULL_LIST_PAGE, offset: 0 }).catch(asError);
        if (rows instanceof Error) return userIds.forEach((u) => found.set(joinKey(domainId, u), rows));
        const wanted = new Set(userIds);
        for (const user of rows.map((row) => map.toUser(this.connection, domainId, row))) {
          if (wanted.has(user.userId)) found.set(joinKey(domainId, user.userId), user);
        }
        // A short page is the whole domain: an id not in it does not exist.
        const unlisted = rows.length < FULL_LIST_PAGE ? [] : userIds.filter((u) => !found.has(joinKey(domainId, u)));
        await Promise.all(unlisted.map((u) => readOne(domainId, u)));
      }),
    );
    return keys.map((key) => found.get(key) ?? null);
  }

  domains(): Promise<DomainModel[]> {
    return this.cache.once('domains', async () => {
      const domains = (await this.client.listDomains()).map((row) => map.toDomain(this.connection, row));
      this.counts.recordDomains(domains.map((d) => d.domainId));
      for (const domain of domains) this.domainById.prime(domain.domainId, domain);
      return domains;
    });
  }

  domain(domainId: string): Promise<DomainModel | null> {
    return this.domainById.load(domainId);
  }

  /** "Update SIP Domain" marks neither `displayName` nor `rec` OPTIONAL: read (uncached), lay the input over it, send both. */
  async updateDomain(domainId: string, patch: Patch<DomainInput>): Promise<DomainModel> {
    refuseUnclearable(patch, [], 'Infinity');
    const row = await this.client.readDomain(domainId, true);
    if (!row) throw new GatewayError(ErrorCode.NotFound, `domain ${domainId} was not found`);
    const params = mergedDomainParams(map.toDomain(this.connection, row), withoutNulls(patch));
    await this.cache.write(() => this.client.updateDomain(domainId, params));
    return readBack(this, this.domain(domainId), 'domain', domainId);
  }

  users(domainId: string, options: ListOptions<UserField>): Promise<Page<UserModel>> {
    return this.cache.once(`users:${domainId}:${JSON.stringify(options)}`, async () => {
      const list = async (query: ListQuery) => {
        const users = (await this.client.listUsers(domainId, query)).map((row) =>
          map.toUser(this.connection, domainId, row),
        );
        for (const user of users) this.userById.prime(joinKey(domainId, user.userId), user);
        if (!query.filters?.length)
          this.counts.recordPage('users', domainId, query.offset ?? 0, query.limit!, users.length);
        return users;
      };
      if (containsFilters(options).length > 0) return pageContaining(LIST_FIELDS.user, options, list);
      return toPage(await list(toListQuery(LIST_FIELDS.user, options)), options);
    });
  }

  user(domainId: string, userId: string): Promise<UserModel | null> {
    return this.userById.load(joinKey(domainId, userId));
  }

  async createUser(domainId: string, input: UserInput): Promise<UserModel> {
    const userId = await this.cache.write(() => this.client.createUser(domainId, userParams(input)));
    return readBack(this, this.user(domainId, userId), 'user', userId);
  }

  async updateUser(domainId: string, userId: string, patch: Patch<UserInput>): Promise<UserModel> {
    refuseUnclearable(patch, CLEARABLE.user, 'Infinity');
    await this.cache.write(() => this.client.updateUser(domainId, userId, userParams(nullsAs(patch, () => ''))));
    return readBack(this, this.user(domainId, userId), 'user', userId);
  }

  deleteUser(domainId: string, userId: string): Promise<void> {
    return this.cache.write(() => this.client.deleteUser(domainId, userId));
  }
}
