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

/** The `r` each refusal is sent with. Stringee publishes none, so a test may renumber them. */
export type ResultCodes = Record<Refusal, number>;
export const DEFAULT_RESULT_CODES: Readonly<ResultCodes> = {
  badToken: RESULTS.badToken.r,
  usernameExists: RESULTS.usernameExists.r,
  phoneNotFound: RESULTS.phoneNotFound.r,
  badParam: RESULTS.badParam.r,
};

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

export function refused(error: StringeeError, codes: Readonly<ResultCodes> = DEFAULT_RESULT_CODES): EmulatorResponse {
  return { status: RESULTS[error.refusal].http, body: { r: codes[error.refusal], message: error.message } };
}
