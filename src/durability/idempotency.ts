/**
 * Idempotency keys for mutations, as an Apollo plugin. A key comes from the `Idempotency-Key`
 * header or from the `idempotencyKey` argument of the root mutation fields; records are kept per
 * principal. The first request with a key claims it and runs; its response is stored and every
 * later request with the same key and the same input (operation text, operation name, variables,
 * principal) gets that response again, marked `idempotency-replayed: true`, without a vendor call.
 *
 * A duplicate that arrives while the first is still running WAITS for it (polling the record, so
 * this works across replicas too) and then replays its answer; if the first is not done within
 * `idempotency.waitMs`, the duplicate gets CONFLICT (retryable) and nothing is sent.
 * The same key with a different input is IDEMPOTENCY_KEY_REUSED.
 *
 * A response whose errors prove nothing was written (refused before any vendor write: validation,
 * auth, rate limit, vendor unavailable) releases the key, so the retry runs for real; anything
 * else, including OUTCOME_UNKNOWN and PARTIAL_FAILURE, is replayed: a retry never writes twice.
 */
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ApolloServerPlugin, GraphQLRequestContextResponseForOperation, GraphQLResponse } from '@apollo/server';
import { Kind, type OperationDefinitionNode, type ValueNode } from 'graphql';
import type { GatewayContext } from '../context.js';
import { ErrorCode } from '../errors.js';
import type { Logger } from '../log.js';
import type { DurabilitySettings } from './config.js';
import type { IdempotencyRecord, IdempotencyStore } from './idempotency-store.js';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const REPLAYED_HEADER = 'idempotency-replayed';
const KEY_ARGUMENT = 'idempotencyKey';
const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;
const POLL_MS = 25;

/** Codes that mean no vendor write happened: the key is released and a retry runs again. */
const NOTHING_WRITTEN = new Set<string>([
  ErrorCode.BadUserInput,
  ErrorCode.Unauthenticated,
  ErrorCode.Forbidden,
  ErrorCode.RateLimited,
  ErrorCode.QueryTooComplex,
  ErrorCode.QueryTooExpensive,
  ErrorCode.VendorUnavailable,
  ErrorCode.NotConfigured,
  ErrorCode.OperationNotAllowed,
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
]);

type Context = GraphQLRequestContextResponseForOperation<GatewayContext>;

function argumentValue(value: ValueNode, variables: Record<string, unknown>): unknown {
  if (value.kind === Kind.VARIABLE) return variables[value.name.value];
  return value.kind === Kind.STRING ? value.value : undefined;
}

/** The key of this operation: the header, and/or the `idempotencyKey` arguments of its root fields. */
export function idempotencyKeyOf(
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  header: string | undefined,
): { key: string; valid: boolean } | undefined {
  const keys: Array<[label: string, value: string]> = header ? [['header', header]] : [];
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) continue;
    const argument = selection.arguments?.find((a) => a.name.value === KEY_ARGUMENT);
    const value = argument ? argumentValue(argument.value, variables) : undefined;
    if (typeof value === 'string') keys.push([selection.alias?.value ?? selection.name.value, value]);
  }
  if (keys.length === 0) return undefined;
  return {
    key: keys.map(([label, value]) => `${label}=${value}`).join('\u0000'),
    valid: keys.every(([, value]) => KEY_PATTERN.test(value)),
  };
}

/** JSON with sorted object keys, so `{a, b}` and `{b, a}` are the same input. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

function errorResponse(
  rc: Context,
  code: ErrorCode,
  message: string,
  extra: Record<string, unknown> = {},
): GraphQLResponse {
  return {
    http: rc.response.http,
    body: { kind: 'single', singleResult: { errors: [{ message, extensions: { code, ...extra } }] } },
  };
}

function replay(rc: Context, record: IdempotencyRecord): GraphQLResponse {
  rc.response.http.headers.set(REPLAYED_HEADER, 'true');
  return { http: rc.response.http, body: { kind: 'single', singleResult: record.response!.result } };
}

export function idempotencyPlugin(
  store: IdempotencyStore,
  settings: DurabilitySettings['idempotency'],
  logger: Logger,
): ApolloServerPlugin<GatewayContext> {
  const ttlMs = settings.ttlSeconds * 1000;
  // A claim outlives the longest wait, and lapses if its process dies mid-request.
  const pendingTtlMs = Math.max(60_000, 2 * settings.waitMs);

  return {
    async requestDidStart() {
      let claimed: { key: string; fingerprint: string } | undefined;
      return {
        async responseForOperation(rc) {
          if (rc.operation.operation !== 'mutation') return null;
          const variables = rc.request.variables ?? {};
          const header = rc.request.http?.headers.get(IDEMPOTENCY_HEADER) ?? undefined;
          const found = idempotencyKeyOf(rc.operation, variables, header);
          if (found === undefined) return null;
          if (!found.valid)
            return errorResponse(
              rc,
              ErrorCode.BadUserInput,
              'an idempotency key is 1 to 200 printable ASCII characters',
            );
          const { key } = found;
          const principal = rc.contextValue.principal.id;
          const storeKey = sha256(`${principal}\u0000${key}`);
          const fingerprint = sha256(canonical([principal, rc.source, rc.request.operationName ?? null, variables]));
          const deadline = Date.now() + settings.waitMs;
          for (;;) {
            const outcome = await store.claim(storeKey, fingerprint, pendingTtlMs).catch((error: unknown) => {
              logger.error('idempotency records unreachable', { error });
              return undefined;
            });
            if (!outcome) {
              return errorResponse(
                rc,
                ErrorCode.VendorUnavailable,
                'idempotency records are unreachable: nothing was sent, retry later',
                { retryable: true },
              );
            }
            if (outcome.claimed) {
              claimed = { key: storeKey, fingerprint };
              return null;
            }
            const { record } = outcome;
            if (record.fingerprint !== fingerprint) {
              return errorResponse(
                rc,
                ErrorCode.IdempotencyKeyReused,
                'this idempotency key was used with a different input: nothing was sent',
              );
            }
            if (record.state === 'done' && record.response) return replay(rc, record);
            if (Date.now() >= deadline) {
              return errorResponse(
                rc,
                ErrorCode.Conflict,
                'a request with this idempotency key is still running: nothing was sent, retry later',
                { retryable: true },
              );
            }
            await sleep(POLL_MS);
          }
        },
        async willSendResponse(rc) {
          if (!claimed || rc.response.body.kind !== 'single') return;
          const result = rc.response.body.singleResult;
          const codes = (result.errors ?? []).map((e) => String(e.extensions?.code ?? ''));
          try {
            if (codes.length > 0 && codes.every((code) => NOTHING_WRITTEN.has(code))) await store.release(claimed.key);
            else
              await store.complete(
                claimed.key,
                { fingerprint: claimed.fingerprint, state: 'done', response: { result: { ...result } } },
                ttlMs,
              );
          } catch (error) {
            // The claim lapses by itself; a retry before then waits, after it runs again.
            logger.error('idempotency record not saved', { error });
          }
        },
      };
    },
  };
}
