/**
 * The two ways a vendor's answer can be unusable, each with one error: a body the wire schema
 * refuses, and a write that reported success but whose object cannot be read back. Both are
 * VENDOR_BAD_RESPONSE naming the vendor and connection.
 */
import type { z } from 'zod';
import { ErrorCode, VendorError, type UpstreamFailure } from '../../errors.js';
import type { Origin } from '../../model.js';

/** What an adapter's HTTP client offers to build the error (vendor, connection, status). */
export interface BadResponseSource {
  badResponse(message: string, extra?: Partial<UpstreamFailure>, cause?: unknown): VendorError;
}

/** `value` as the wire schema reads it, or VENDOR_BAD_RESPONSE saying where it differs. */
export function readWire<S extends z.ZodType>(
  http: BadResponseSource,
  schema: S,
  value: unknown,
  what: string,
  httpStatus?: number,
): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const at = issue?.path.length ? `${issue.path.join('.')}: ` : '';
  throw http.badResponse(
    `${what}: ${at}${issue?.message ?? 'unexpected body'}`,
    httpStatus === undefined ? {} : { httpStatus },
  );
}

/** The object a write just made or changed, read back; absent means the vendor lost or hid it. */
export async function readBack<T>(origin: Origin, read: Promise<T | null>, what: string, id: string): Promise<T> {
  const value = await read;
  if (value === null) {
    throw new VendorError(ErrorCode.VendorBadResponse, `the ${what} ${id} was written but cannot be read back`, {
      vendor: origin.vendor,
      connection: origin.connection,
    });
  }
  return value;
}
