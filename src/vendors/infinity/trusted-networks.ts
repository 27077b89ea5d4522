/** Infinity trusted networks for one request (TrustedNetworkPort). */
import type { Page, TrustedNetworkModel } from '../../model.js';
import type { ListOptions, TrustedNetworkField, TrustedNetworkInput, TrustedNetworkPort } from '../ports.js';
import { nullsAs, refuseUnclearable, type Patch } from '../patch.js';
import { readBack } from '../shared/read-back.js';
import { joinKey, splitKey, type Keyed, type RequestCache } from '../shared/request-cache.js';
import type { InfinityClient } from './client.js';
import * as map from './map.js';
import { CLEARABLE, toListQuery, toPage } from './params.js';
import { LIST_FIELDS } from './wire.js';

export class InfinityTrustedNetworks implements TrustedNetworkPort {
  readonly vendor = 'infinity' as const;
  private readonly networkById: Keyed<TrustedNetworkModel | null>;

  constructor(
    private readonly client: InfinityClient,
    readonly connection: string,
    private readonly cache: RequestCache,
  ) {
    this.networkById = cache.keyed(async (key) => {
      const [domainId, networkId] = splitKey(key);
      const row = await client.readTrustedNetwork(domainId, networkId);
      return row ? map.toTrustedNetwork(connection, domainId, row) : null;
    });
  }

  trustedNetworks(domainId: string, options: ListOptions<TrustedNetworkField>): Promise<Page<TrustedNetworkModel>> {
    return this.cache.once(`trustedNetworks:${domainId}:${JSON.stringify(options)}`, async () => {
      const rows = await this.client.listTrustedNetworks(domainId, toListQuery(LIST_FIELDS.trustedNetwork, options));
      const networks = rows.map((row) => map.toTrustedNetwork(this.connection, domainId, row));
      for (const network of networks) this.networkById.prime(joinKey(domainId, network.networkId), network);
      return toPage(networks, options);
    });
  }

  trustedNetwork(domainId: string, networkId: string): Promise<TrustedNetworkModel | null> {
    return this.networkById.load(joinKey(domainId, networkId));
  }

  async createTrustedNetwork(domainId: string, input: TrustedNetworkInput): Promise<TrustedNetworkModel> {
    const fields = { network: input.network, description: input.description };
    const networkId = await this.cache.write(() => this.client.createTrustedNetwork(domainId, fields));
    return readBack(this, this.trustedNetwork(domainId, networkId), 'trusted network', networkId);
  }

  async updateTrustedNetwork(
    domainId: string,
    networkId: string,
    patch: Patch<TrustedNetworkInput>,
  ): Promise<TrustedNetworkModel> {
    refuseUnclearable(patch, CLEARABLE.trustedNetwork, 'Infinity');
    const input = nullsAs(patch, () => '');
    const fields = { network: input.network, description: input.description };
    await this.cache.write(() => this.client.updateTrustedNetwork(domainId, networkId, fields));
    return readBack(this, this.trustedNetwork(domainId, networkId), 'trusted network', networkId);
  }

  deleteTrustedNetwork(domainId: string, networkId: string): Promise<void> {
    return this.cache.write(() => this.client.deleteTrustedNetwork(domainId, networkId));
  }
}
