/**
 * What every part of one GraphQL request shares: its id (for logs and the `x-request-id` echo), its
 * principal, its deadline and what its vendor calls have counted. The server makes one per request
 * and hands it on explicitly: to the GraphQL context (`ctx.scope`, read by the plugins), and through
 * each adapter's `forRequest(scope)` to the upstream client, which counts every call on it.
 * Explicit, not AsyncLocalStorage: on Node 20 an AsyncLocalStorage in use hooks every promise of the
 * process, about a millisecond of CPU per nested query (docs/architecture.md).
 */
import { setMaxListeners } from 'node:events';
import type { Principal } from './auth/principal.js';

export interface RequestScope {
  requestId: string;
  principal: Principal;
  /** Epoch ms after which no vendor call of this request may start or continue. */
  deadline?: number;
  /** Aborted when the deadline passes or the client goes away. */
  signal?: AbortSignal;
  /** Upstream calls made so far, counted by the upstream client. */
  vendorCalls?: number;
  /** Calls started so far per connection (each once, however many attempts). */
  callsByConnection?: Map<string, number>;
  /** Reads allowed per connection in this request (`maxCallsPerRequest`, src/explain/plugin.ts). */
  callBudgets?: ReadonlyMap<string, number>;
  /** Writes whose outcome was unknown and that a check against the vendor settled (src/durability/change.ts). */
  reconciled?: ReconcileNote[];
  /** Each upstream call's method, path and status; kept only while a mutation is audited (src/auth/audit.ts). */
  vendorLog?: VendorCallRecord[];
}

export interface ReconcileNote {
  changeId: string;
  step: string;
  /** What the check found: the vendor had applied the write, or had not. */
  outcome: 'APPLIED' | 'NOT_APPLIED';
}

export interface VendorCallRecord {
  connection: string;
  method: string;
  /** The path without its query string (which may carry tokens). */
  path: string;
  /** Undefined when no answer came (reset, timeout). */
  status?: number;
}

/** Why a request's vendor calls were cut when the caller hung up: says nothing of the vendor's health. */
export class ClientGoneError extends Error {
  constructor() {
    super('the client closed the connection');
    this.name = 'ClientGoneError';
  }
}

/**
 * The deadline and signal of a request arriving now: the signal aborts when the deadline passes or
 * the client hangs up, and every vendor call of the request stops with it. `dispose` once the
 * answer is sent.
 */
export function requestDeadline(
  timeoutMs: number,
  client?: {
    once(event: 'close', listener: () => void): unknown;
    removeListener(event: 'close', listener: () => void): unknown;
  },
): Pick<RequestScope, 'deadline' | 'signal'> & { dispose(): void } {
  // One controller and one timer per request: AbortSignal.timeout + AbortSignal.any cost far more on Node 20.
  const controller = new AbortController();
  // Every vendor call of the request listens to this one signal (undici per call, the fair queue per
  // waiter) and stops listening when it ends: dozens at once are normal, not a leak to warn about.
  setMaxListeners(0, controller.signal);
  const timer = setTimeout(
    () => controller.abort(new DOMException('the request deadline has passed', 'TimeoutError')),
    timeoutMs,
  );
  timer.unref();
  const hangUp = (): void => controller.abort(new ClientGoneError());
  client?.once('close', hangUp);
  return {
    deadline: Date.now() + timeoutMs,
    signal: controller.signal,
    dispose: () => {
      clearTimeout(timer);
      client?.removeListener('close', hangUp);
    },
  };
}

/** Counts upstream calls against the request (for the principal's vendor-call budget). */
export function countVendorCall(scope: RequestScope | undefined, calls = 1): void {
  if (scope) scope.vendorCalls = (scope.vendorCalls ?? 0) + calls;
}

/**
 * Counts a call to `connection` about to start; false when the request's budget for that
 * connection is spent (the caller refuses the call then).
 */
export function startVendorCall(scope: RequestScope | undefined, connection: string, budgeted: boolean): boolean {
  if (!scope) return true;
  const made = (scope.callsByConnection ??= new Map());
  const count = made.get(connection) ?? 0;
  const budget = scope.callBudgets?.get(connection);
  if (budgeted && budget !== undefined && count >= budget) return false;
  made.set(connection, count + 1);
  return true;
}

/** Notes one upstream call's outcome for the audit log, when the request keeps one. */
export function recordVendorCall(scope: RequestScope | undefined, record: VendorCallRecord): void {
  scope?.vendorLog?.push(record);
}
