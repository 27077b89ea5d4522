/**
 * A whole stack for tests: the demo's emulators on loopback, the gateway on a free port, and a
 * client that speaks GraphQL over real HTTP. Upstream calls are counted from the emulators' own
 * request logs, so a test sees exactly what a vendor would have seen.
 */
import assert from 'node:assert/strict';
import type { Settings } from '../../src/config.js';
import { startDemo, type Demo, type DemoOptions } from '../../src/demo.js';
import { silentLogger } from '../../src/log.js';
import { createServer, type GatewayServer } from '../../src/server.js';
import type { RecordedRequest } from '../../src/emulators/shared/harness.js';

export { countRounds } from '../../src/emulators/shared/harness.js';

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
}

/**
 * Who a test call is made as: an API key or JWT (sent as `Authorization: Bearer`), `null` for no
 * credential at all, or explicit headers. Calls default to the demo's admin key.
 */
export type Caller = string | null | { headers: Record<string, string> };

export interface GraphQLClient {
  gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** The data of a query that must not fail: any error fails the test, showing the errors. */
  ok<T = any>(query: string, variables?: Record<string, unknown>): Promise<T>;
  /** The raw HTTP answer (status, headers), for tests about the transport itself. */
  post(query: string, variables?: Record<string, unknown>): Promise<Response>;
}

export interface Stack extends GraphQLClient {
  url: string;
  demo: Demo;
  gateway: GatewayServer;
  /** The same client, calling as someone else (`null`: anonymously). */
  as(caller: Caller): GraphQLClient;
  /** Runs `action` and returns what it returned plus the upstream requests it caused, per emulator. */
  counting<T>(
    action: () => Promise<T>,
  ): Promise<{ result: T; calls: Record<string, RecordedRequest[]>; total: number }>;
  stop(): Promise<void>;
}

/** The first admin API key of `settings` (the demo's `demo-admin`): what test calls send by default. */
export function adminKeyOf(settings: Settings): string | undefined {
  return settings.auth?.apiKeys.find((k) => k.admin && k.key)?.key;
}

/** Headers that authenticate `caller` (the JSON content type included). */
export function callerHeaders(caller: Caller | undefined): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (typeof caller === 'string') headers.authorization = `Bearer ${caller}`;
  else if (caller) Object.assign(headers, caller.headers);
  return headers;
}

export function graphqlClient(url: string, caller: Caller | undefined): GraphQLClient {
  const post = (query: string, variables?: Record<string, unknown>): Promise<Response> =>
    fetch(url, { method: 'POST', headers: callerHeaders(caller), body: JSON.stringify({ query, variables }) });
  const gql = async <T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>> =>
    (await (await post(query, variables)).json()) as GraphQLResponse<T>;
  return {
    gql,
    post,
    async ok(query, variables) {
      const result = await gql(query, variables);
      assert.equal(result.errors, undefined, JSON.stringify(result.errors, null, 2));
      return result.data as never;
    },
  };
}

/** A gateway over `settings`, listening on a free loopback port, and a GraphQL client for it (as its admin). */
export async function startGateway(
  settings: Settings,
): Promise<{ gateway: GatewayServer; url: string; gql: Stack['gql'] }> {
  const gateway = await createServer({ ...settings, log: { level: 'silent' } }, { logger: silentLogger });
  const url = await gateway.listen(0, '127.0.0.1');
  return { gateway, url, gql: graphqlClient(url, adminKeyOf(settings)).gql };
}

export async function startStack(options: DemoOptions & { cache?: Settings['cache'] } = {}): Promise<Stack> {
  const demo = await startDemo(options);
  const { gateway, url } = await startGateway({ ...demo.settings, cache: options.cache ?? demo.settings.cache });
  const admin = graphqlClient(url, demo.keys.admin);
  return {
    url,
    demo,
    gateway,
    ...admin,
    as: (caller) => graphqlClient(url, caller),
    async counting(action) {
      const marks = Object.fromEntries(
        Object.entries(demo.emulators).map(([name, server]) => [name, server.requests.length]),
      );
      const result = await action();
      const calls = Object.fromEntries(
        Object.entries(demo.emulators).map(([name, server]) => [name, server.since(marks[name] ?? 0)]),
      );
      return { result, calls, total: Object.values(calls).reduce((sum, list) => sum + list.length, 0) };
    },
    async stop() {
      await gateway.stop();
      await demo.stop();
    },
  };
}

/** `GET /config/v2/sip/domains/1/users` style summaries of recorded calls, for readable asserts. */
export function describeCalls(calls: RecordedRequest[]): string[] {
  return calls.map((c) => `${c.method} ${c.path}${c.query ? `?${decodeURIComponent(c.query)}` : ''}`);
}
