/**
 * The PBX's providers and access tokens, in memory. The rules that need the whole collection
 * live here: names are unique, and unknown ids are refused.
 */
import { PbxError } from './errors.js';
import type { Provider, ProviderFields } from './provider.js';
import { TokenStore } from './tokens.js';

export type SortBy = 'DEFAULT' | 'OPTIONAL';

export class PbxState {
  readonly tokens: TokenStore;
  private readonly providers = new Map<number, Provider>();
  private lastId = 0;

  constructor(tokenTtlSeconds: number, now: () => number = Date.now) {
    this.tokens = new TokenStore(tokenTtlSeconds, now);
  }

  /** Makes every token issued so far unknown, as a PBX restart would. */
  expireAllTokens(): void {
    this.tokens.expireAll();
  }

  get(id: number): Provider | undefined {
    return this.providers.get(id);
  }

  /** DEFAULT: by id; OPTIONAL: by name (ties by id). */
  list(sortBy: SortBy): Provider[] {
    const all = [...this.providers.values()];
    if (sortBy === 'DEFAULT') return all.sort((a, b) => a.id - b.id);
    return all.sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
  }

  create(fields: ProviderFields): Provider {
    this.assertNameFree(fields.name);
    // Ids are never reused, even after a destroy, so a stale id cannot hit a newer trunk.
    this.lastId += 1;
    const provider = { id: this.lastId, ...fields };
    this.providers.set(provider.id, provider);
    return provider;
  }

  replace(provider: Provider): void {
    this.assertExists(provider.id);
    this.assertNameFree(provider.name, provider.id);
    this.providers.set(provider.id, { ...provider });
  }

  destroy(id: number): void {
    this.assertExists(id);
    this.providers.delete(id);
  }

  private assertExists(id: number): void {
    if (!this.providers.has(id)) throw new PbxError('providerNotFound', `invalid provider ID supplied: ${id}`);
  }

  private assertNameFree(name: string, ownId?: number): void {
    const taken = [...this.providers.values()].some((p) => p.name === name && p.id !== ownId);
    if (taken) throw new PbxError('duplicateName', `provider name already exists: ${name}`);
  }
}
