/**
 * 2N HTTP API error objects (WIRE-NOTES.md): `{"success":false,"error":{"code","param"?,"description"}}`,
 * on HTTP 200 except for authentication (401). The description is fixed per code, as on the device.
 */
import type { EmulatorResponse } from '../shared/harness.js';

/** The WIRE-NOTES codes this emulator answers with. */
export const TWO_N_ERRORS = {
  invalidPath: { code: 2, description: 'invalid request path' },
  invalidMethod: { code: 3, description: 'invalid method' },
  authorisationRequired: { code: 9, description: 'authorisation required' },
  insufficientPrivileges: { code: 10, description: 'insufficient privileges' },
  missingParameter: { code: 11, description: 'missing mandatory parameter' },
  invalidValue: { code: 12, description: 'invalid parameter value' },
  tooBig: { code: 13, description: 'parameter data too big' },
} as const;

export type TwoNErrorKind = keyof typeof TWO_N_ERRORS;

/** Thrown anywhere in request handling; the handler turns it into the error object. */
export class TwoNError extends Error {
  constructor(
    readonly kind: TwoNErrorKind,
    /** The request parameter at fault, when there is one. */
    readonly param?: string,
  ) {
    super(param ? `${TWO_N_ERRORS[kind].description}: ${param}` : TWO_N_ERRORS[kind].description);
  }
}

export function errorResponse(kind: TwoNErrorKind, param?: string, status = 200): EmulatorResponse {
  const { code, description } = TWO_N_ERRORS[kind];
  return { status, body: { success: false, error: { code, ...(param === undefined ? {} : { param }), description } } };
}

export function successResponse(result?: unknown): EmulatorResponse {
  return { status: 200, body: result === undefined ? { success: true } : { success: true, result } };
}
