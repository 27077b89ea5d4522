/**
 * A PortSIP PBX's SIP trunks for one request (ProviderSource). GraphQL pages (offset/limit) map
 * onto the PBX's 1-based pages; identical reads are made once per request.
 */
import { ErrorCode, GatewayError, notFound } from '../../errors.js';
import type { Page, PageRequest, ProviderModel } from '../../model.js';
import type { ProviderInput, ProviderSource } from '../ports.js';
import { nullsAs, refuseUnclearable, type Patch } from '../patch.js';
import { readBack } from '../shared/read-back.js';
import type { Keyed, RequestCache } from '../shared/request-cache.js';
import type { PbxClient } from './client.js';
import * as map from './map.js';

const MAX_PAGE_SIZE = 100;

export class PbxProviders implements ProviderSource {
  readonly vendor = 'pbx' as const;
  /** Each trunk read on its own: one failing read fails only its own key. */
  private readonly byId: Keyed<ProviderModel | null>;

  constructor(
    private readonly client: PbxClient,
    readonly connection: string,
    private readonly cache: RequestCache,
  ) {
    this.byId = cache.keyed(async (id) => {
      const found = await client.show(id);
      return found ? map.toProvider(connection, found) : null;
    });
  }

  async list({ page, sortBy }: { page: PageRequest; sortBy: 'DEFAULT' | 'NAME' }): Promise<Page<ProviderModel>> {
    const sort = sortBy === 'NAME' ? 'OPTIONAL' : 'DEFAULT';
    if (page.limit === 0) return { items: [], offset: page.offset, hasNextPage: false, totalCount: null };
    // The largest page size ≤ 100 that puts `offset` on a page boundary keeps the calls few.
    const size = pageSizeFor(page);
    const firstPage = Math.floor(page.offset / size) + 1;
    const lastPage = Math.floor((page.offset + page.limit - 1) / size) + 1;
    const results = await Promise.all(
      Array.from({ length: lastPage - firstPage + 1 }, (_, i) => this.page(firstPage + i, size, sort)),
    );
    const rows = results.flatMap((r) => r.providers);
    const skip = page.offset - (firstPage - 1) * size;
    const items = rows.slice(skip, skip + page.limit).map((p) => map.toProvider(this.connection, p));
    for (const item of items) this.byId.prime(item.providerId, item);
    const count = results[0]?.count ?? null;
    return {
      items,
      offset: page.offset,
      hasNextPage: count !== null && page.offset + items.length < count,
      totalCount: count,
    };
  }

  get(providerId: string): Promise<ProviderModel | null> {
    return this.byId.load(providerId);
  }

  async create(input: ProviderInput): Promise<ProviderModel> {
    const id = await this.cache.write(() => this.client.create(map.toBody(input)));
    return readBack(this, this.get(id), 'provider', id);
  }

  /**
   * A partial patch over an API that only takes whole objects and has no version or ETag: read,
   * merge, read again right before writing and refuse (CONFLICT) if anything changed, write, then
   * read back and refuse if what we wrote is no longer there. See docs/vendors.md for the window
   * this leaves.
   */
  /** `null` clears the free-text fields (to "") and the lists (to []); every other field is required by PortSIP. */
  async update(providerId: string, nullable: Patch<ProviderInput>): Promise<ProviderModel> {
    refuseUnclearable(nullable, ['outboundServer', 'authId', 'ips', 'inParameters', 'outParameters'], 'PortSIP');
    const patch = nullsAs(nullable, (field) => (field === 'outboundServer' || field === 'authId' ? '' : []));
    const base = await this.client.show(providerId, true);
    if (!base) throw notFound('provider', providerId);
    const body = map.mergeForUpdate(base, patch);
    const beforeWrite = await this.client.show(providerId, true);
    if (!beforeWrite) throw notFound('provider', providerId);
    const changedMeanwhile = map.changedFields(base, beforeWrite);
    if (changedMeanwhile.length > 0) throw this.conflict(providerId, 'before the update was written', changedMeanwhile);
    await this.cache.write(() => this.client.update(body));
    const after = await this.client.show(providerId, true);
    if (!after) throw notFound('provider', providerId);
    const overwritten = map
      .patchedWireFields(patch)
      .filter((field) => JSON.stringify(after[field]) !== JSON.stringify(body[field]));
    if (overwritten.length > 0)
      throw this.conflict(providerId, 'right after the update was written, overwriting it', overwritten);
    return map.toProvider(this.connection, after);
  }

  async delete(providerId: string): Promise<void> {
    await this.cache.write(() => this.client.destroy(providerId));
  }

  private page(pagination: number, size: number, sort: 'DEFAULT' | 'OPTIONAL'): ReturnType<PbxClient['list']> {
    return this.cache.once(`page:${pagination}:${size}:${sort}`, () => this.client.list(pagination, size, sort));
  }

  private conflict(providerId: string, when: string, fields: string[]): GatewayError {
    return new GatewayError(
      ErrorCode.Conflict,
      `provider ${providerId} was changed by someone else ${when} (${fields.join(', ')}); nothing of yours is lost silently: read it again and retry`,
      {
        vendor: 'pbx',
        connection: this.connection,
        fields,
      },
    );
  }
}

function pageSizeFor(page: PageRequest): number {
  for (let size = Math.min(MAX_PAGE_SIZE, page.limit); size > 1; size -= 1) {
    if (page.offset % size === 0) return size;
  }
  return 1;
}
