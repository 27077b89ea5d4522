/**
 * Stringee's result codes. Stringee does not publish them, so docs/vendors.md fixes them; this is
 * the emulator's one copy of that table, and every response it sends is built from it.
 */
import type { EmulatorResponse } from '../shared/harness.js';

export const RESULTS = {
  success: { r: 0, http: 200 },
  badToken: { r: 1, http: 401 },
  usernameExists: { r: 2, http: 200 },
  phoneNotFound: { r: 3, http: 200 },
  badParam: { r: 4, http: 200 },
} as const;

export type Refusal = Exclude<keyof typeof RESULTS, 'success'>;

/** A request Stringee refuses: answered with the refusal's `r` and this message. */
export class StringeeError extends Error {
  constructor(
    readonly refusal: Refusal,
    message: string,
  ) {
    super(message);
  }
}

export function success(extra: Record<string, unknown> = {}): EmulatorResponse {
  return { status: RESULTS.success.http, body: { r: RESULTS.success.r, message: 'Success', ...extra } };
}

export function refused(error: StringeeError): EmulatorResponse {
  const { r, http } = RESULTS[error.refusal];
  return { status: http, body: { r, message: error.message } };
}
