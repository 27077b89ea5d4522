/**
 * What every part of one GraphQL request can reach without threading it through each call: its
 * id (for logs and the `x-request-id` echo), its principal, and its deadline. The server runs each
 * request inside `requestScope.run(…)`; the upstream client, the audit log and the metrics read
 * it with `currentRequest()`. AsyncLocalStorage carries it across every await of that request.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
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
  /** Each upstream call's method, path and status; kept only while a mutation is audited (src/auth/audit.ts). */
  vendorLog?: VendorCallRecord[];
}

export interface VendorCallRecord {
  connection: string;
  method: string;
  /** The path without its query string (which may carry tokens). */
  path: string;
  /** Undefined when no answer came (reset, timeout). */
  status?: number;
}

export const requestScope = new AsyncLocalStorage<RequestScope>();

export function currentRequest(): RequestScope | undefined {
  return requestScope.getStore();
}

/** Counts one upstream call against the current request (for the principal's vendor-call budget). */
export function countVendorCall(): void {
  const scope = requestScope.getStore();
  if (scope) scope.vendorCalls = (scope.vendorCalls ?? 0) + 1;
}

/** Notes one upstream call's outcome for the audit log, when the current request keeps one. */
export function recordVendorCall(record: VendorCallRecord): void {
  requestScope.getStore()?.vendorLog?.push(record);
}
