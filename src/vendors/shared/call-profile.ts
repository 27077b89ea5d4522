/**
 * How a connection's reads turn into vendor calls, told by its adapter to the gateway's planner
 * (src/explain/), which predicts an operation's calls before making any. Each read answers with the
 * calls it would make, as keys: one request makes each key's call once (its request cache), so the
 * planner counts distinct keys. A read answered without a call (from config, or from a list read
 * anyway) answers []. A read a profile leaves out is one the planner cannot predict. Pure: keys and
 * counts, nothing of GraphQL.
 */

/** One list read as the planner sees it: its page and whether it filters by a substring. */
export interface ListShape {
  limit: number;
  offset: number;
  /** A substring filter, which the gateway applies over the whole list (docs/vendors.md). */
  contains: boolean;
  /** The list's options, so two reads with the same options share their key. */
  key: string;
}

/** Calls in the order they can go: each step waits for the one before (one round each). */
export type CallSteps = string[][];

export interface CallProfile {
  domains?(): string[];
  domain?(domainId: string): string[];
  /** One object of `type` (`Group`, `Queue`, `Device`, …) by its native key, as `Query.<type>(id:)` reads it. */
  byId?(type: string, key: readonly string[]): string[];
  users?(domainId: string, list: ListShape): string[];
  /** Full rows of `count` users of a domain known only by id (a group's member rows are partial). */
  usersById?(domainId: string, count: number): string[];
  groups?(domainId: string, list: ListShape): string[];
  queues?(domainId: string, list: ListShape): string[];
  devices?(domainId: string, list: ListShape): string[];
  trustedNetworks?(domainId: string, list: ListShape): string[];
  /** The domain's group list started in the users' round (GroupPort.anticipateUserGroups). */
  anticipatedGroups?(domainId: string, userLimit: number): string[];
  /** Groups of `users` users of a domain; `listed`: the domain's groups are already read in this request. */
  groupsOfUsers?(domainId: string, users: number, listed: boolean): CallSteps;
  devicesOfUsers?(domainId: string, users: number): string[];
  /** AccountSource.accounts(), and how many accounts it answers when known without a call. */
  accounts?(): string[];
  accountCount?(): number | undefined;
  /** DeviceConfigSource: its MAC, its SIP config, the live registration of its slots. */
  deviceMac?(): string[];
  deviceConfig?(): string[];
  registrations?(): string[];
  /** One settings section (`callForwarding`, `voicemail`, …) of the index-th account. */
  settings?(account: number, section: string): string[];
}

/**
 * List sizes seen in earlier requests, per connection: what the planner assumes before a request
 * has read anything. Stale figures make a plan or a prediction dearer, never an answer wrong.
 */
export class ListCounts {
  private readonly counts = new Map<string, number>();
  private domainList: string[] | undefined;

  /** Counts of a vendor whose domains are known from its configuration. */
  static ofDomains(ids: string[]): ListCounts {
    const counts = new ListCounts();
    counts.recordDomains(ids);
    return counts;
  }

  get(kind: 'users' | 'groups' | 'devices' | 'queues' | 'trustedNetworks', domainId: string): number | undefined {
    return this.counts.get(`${kind}:${domainId}`);
  }

  record(kind: 'users' | 'groups' | 'devices' | 'queues' | 'trustedNetworks', domainId: string, count: number): void {
    this.counts.set(`${kind}:${domainId}`, count);
  }

  /** A list read of `limit` rows from `offset` that answered `rows`: short, it tells the whole count. */
  /** The median count of `kind` over the domains seen: what an unseen domain is assumed to hold. */
  typical(kind: 'users' | 'groups' | 'devices' | 'queues' | 'trustedNetworks'): number | undefined {
    const seen = [...this.counts].filter(([key]) => key.startsWith(`${kind}:`)).map(([, n]) => n);
    if (seen.length === 0) return undefined;
    return seen.sort((a, b) => a - b)[Math.floor(seen.length / 2)];
  }

  recordPage(kind: 'users' | 'devices', domainId: string, offset: number, limit: number, rows: number): void {
    if (rows < limit) this.record(kind, domainId, offset + rows);
  }

  domains(): readonly string[] | undefined {
    return this.domainList;
  }

  recordDomains(ids: string[]): void {
    this.domainList = ids;
  }
}
