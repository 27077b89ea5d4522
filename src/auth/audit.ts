/**
 * The audit log: one structured line (`msg: "audit"`) per mutation field a request runs, through
 * the gateway's logger (which masks secret-looking keys). It says who (principal), what (operation,
 * mutation, target ids, the arguments with secrets redacted), each vendor call it made (connection,
 * method, path, status) and how it ended (`ok`, `refused` for FORBIDDEN, or `failed` with codes).
 * Mutations run one after another, so the vendor calls made while one resolves are its own.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLError } from 'graphql';
import type { GatewayContext } from '../context.js';
import { ErrorCode, GatewayError } from '../errors.js';
import { decodeId } from '../ids.js';
import { redact } from '../log.js';
import type { VendorCallRecord } from '../request-scope.js';

interface AuditedMutation {
  field: string;
  /** The response key (the alias, when one is given). */
  key: string;
  args: Record<string, unknown>;
  from: number;
  to?: number;
  error?: unknown;
}

/** Every string in `value` that decodes as a sipgraph id, decoded: what the mutation aimed at. */
function targetsOf(value: unknown, out: Array<{ id: string; type: string; connection: string; key: string[] }> = []) {
  if (typeof value === 'string') {
    try {
      const gid = decodeId(value);
      out.push({ id: value, type: gid.type, connection: gid.connection, key: gid.key });
    } catch {
      // not an id
    }
  } else if (Array.isArray(value)) value.forEach((v) => targetsOf(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => targetsOf(v, out));
  return out;
}

function codeOf(error: unknown): string {
  const original = (error as GraphQLError | undefined)?.originalError ?? error;
  if (original instanceof GatewayError) return original.code;
  return String((error as GraphQLError | undefined)?.extensions?.code ?? ErrorCode.InternalServerError);
}

function outcomeOf(codes: string[]): 'ok' | 'refused' | 'failed' {
  if (codes.length === 0) return 'ok';
  return codes.every((c) => c === ErrorCode.Forbidden) ? 'refused' : 'failed';
}

const describeCall = (c: VendorCallRecord) => ({
  connection: c.connection,
  method: c.method,
  path: c.path,
  status: c.status ?? null,
});

export function auditPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      const mutations: AuditedMutation[] = [];
      let calls: VendorCallRecord[] | undefined;
      let operationName: string | null = null;
      return {
        async didResolveOperation({ operation, contextValue }) {
          const scope = contextValue.scope;
          if (operation?.operation !== 'mutation') return;
          operationName = operation.name?.value ?? null;
          calls = scope.vendorLog = [];
        },
        async executionDidStart() {
          if (!calls) return;
          const log = calls;
          return {
            willResolveField({ info, args }) {
              if (info.path.prev !== undefined || info.parentType.name !== info.schema.getMutationType()?.name) return;
              const entry: AuditedMutation = {
                field: info.fieldName,
                key: String(info.path.key),
                args: args as Record<string, unknown>,
                from: log.length,
              };
              mutations.push(entry);
              return (error) => {
                entry.to = log.length;
                entry.error = error ?? undefined;
              };
            },
          };
        },
        async willSendResponse({ contextValue, response }) {
          if (!calls) return;
          const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
          for (const m of mutations) {
            const errors = (result?.errors ?? [])
              .filter((e) => e.path?.[0] === m.key)
              .map((e) => String(e.extensions?.code ?? ''));
            const codes = m.error ? [codeOf(m.error)] : errors;
            contextValue.log.info('audit', {
              principal: { id: contextValue.principal.id, via: contextValue.principal.via },
              operation: operationName,
              mutation: m.field,
              targets: targetsOf(m.args),
              args: redact(m.args),
              vendorCalls: calls.slice(m.from, m.to ?? calls.length).map(describeCall),
              outcome: outcomeOf(codes),
              ...(codes.length > 0 ? { errors: [...new Set(codes)] } : {}),
            });
          }
        },
      };
    },
  };
}
