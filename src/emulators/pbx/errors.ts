/**
 * PortSIP's error codes (strings, as PortSIP sends them) with their HTTP statuses: the emulator's
 * one copy of the table in docs/vendors.md. Every error response is built from it.
 */
import type { EmulatorResponse } from '../shared/harness.js';

export const PBX_ERRORS = {
  badCredentials: { code: '1040001', http: 400 },
  badToken: { code: '1040003', http: 401 },
  missingField: { code: '1050001', http: 400 },
  invalidValue: { code: '1050002', http: 400 },
  /** `update` and `destroy`: the doc's "400 Invalid provider ID supplied". */
  providerNotFound: { code: '1050003', http: 400 },
  /** `show`: a read of a missing resource. */
  providerNotShown: { code: '1050003', http: 404 },
  duplicateName: { code: '1050004', http: 400 },
} as const;

export type PbxErrorKind = keyof typeof PBX_ERRORS;

export class PbxError extends Error {
  constructor(
    readonly kind: PbxErrorKind,
    message: string,
  ) {
    super(message);
  }
}

export function errorResponse(error: PbxError): EmulatorResponse {
  const { code, http } = PBX_ERRORS[error.kind];
  return { status: http, body: { err_code: code, msg: error.message } };
}

export const missingField = (name: string): PbxError => new PbxError('missingField', `missing required field: ${name}`);
export const invalidValue = (name: string): PbxError =>
  new PbxError('invalidValue', `invalid value for field: ${name}`);
