/**
 * Upstream failures → the gateway's error codes. One rule decides between "not done" and "maybe
 * done": a write that reached the vendor and then got no readable answer (timeout, reset, deadline,
 * a garbled body, a proxy's 502/504) is OUTCOME_UNKNOWN and says what was sent; a write refused
 * before any byte left (connection refused, breaker open, deadline already past) is a definite
 * VENDOR_UNAVAILABLE with `retryable: true`. Reads are never unknown: they fail VENDOR_UNAVAILABLE.
 */
import { errors as undiciErrors } from 'undici';
import { ErrorCode, VendorError, type UpstreamFailure } from '../errors.js';

/** What a response answered, kept on it so an unreadable answer to a write can say so. */
export interface SentRequest {
  method: string;
  path: string;
  pathTemplate: string;
  /** Not safe to send twice: anything but a read. */
  write: boolean;
}

export interface FailureContext {
  vendor: string;
  connection: string;
}

/** A whole path segment holding a digit, an escape or an `@` (one pass: this runs on every call). */
const KEY_LIKE_SEGMENT = /[^/]*[0-9%@][^/]*/g;

/** Path segments that look like keys (digits, escapes, addresses) become `{}`: the operation, not the row. */
export function pathTemplate(path: string): string {
  return path.replace(KEY_LIKE_SEGMENT, '{}');
}

const where = (ctx: FailureContext): string => `${ctx.vendor} connection "${ctx.connection}"`;

function failure(ctx: FailureContext, extra: Partial<UpstreamFailure> = {}): UpstreamFailure {
  return { vendor: ctx.vendor, connection: ctx.connection, ...extra };
}

export function outcomeUnknown(
  ctx: FailureContext,
  sent: SentRequest,
  reason: string,
  extra: Partial<UpstreamFailure> = {},
  cause?: unknown,
): VendorError {
  const { method, path, pathTemplate: template } = sent;
  return new VendorError(
    ErrorCode.OutcomeUnknown,
    `${where(ctx)}: ${method} ${template} was sent but ${reason}; it may or may not have been applied`,
    failure(ctx, { ...extra, retryable: false, sent: { method, path, pathTemplate: template } }),
    cause === undefined ? undefined : { cause },
  );
}

/** Refused before anything was sent: safe to send again. */
export function notSent(ctx: FailureContext, sent: SentRequest, reason: string, cause?: unknown): VendorError {
  return new VendorError(
    ErrorCode.VendorUnavailable,
    `${where(ctx)} ${reason}; ${sent.method} ${sent.pathTemplate} was not sent`,
    failure(ctx, { retryable: true }),
    cause === undefined ? undefined : { cause },
  );
}

function describeTransportError(error: unknown, timeoutMs: number): string {
  if (error instanceof undiciErrors.HeadersTimeoutError) return `did not answer within ${timeoutMs} ms`;
  if (error instanceof undiciErrors.BodyTimeoutError) return `stalled sending its answer for ${timeoutMs} ms`;
  if (error instanceof BodyDeadlineError) return error.message;
  if (error instanceof DeadlineError) return error.message;
  const name = (error as Error | undefined)?.name;
  if (name === 'AbortError' || error instanceof undiciErrors.RequestAbortedError)
    return 'was cut off by the request deadline';
  return `connection failed (${(error as Error | undefined)?.message ?? String(error)})`;
}

/** A failure with no HTTP answer (or an answer cut off mid-body). */
export function transportError(
  ctx: FailureContext,
  error: unknown,
  sent: SentRequest,
  reachedVendor: boolean,
  timeoutMs: number,
): VendorError {
  const reason = describeTransportError(error, timeoutMs);
  if (!reachedVendor) return notSent(ctx, sent, reason, error);
  if (sent.write) return outcomeUnknown(ctx, sent, `the vendor ${reason}`, {}, error);
  return new VendorError(
    ErrorCode.VendorUnavailable,
    `${where(ctx)} ${reason} on ${sent.method} ${sent.path}`,
    failure(ctx, { retryable: true }),
    { cause: error },
  );
}

export interface VendorDetails {
  vendorCode?: string | number;
  vendorMessage?: string;
  param?: string;
}

/** An HTTP answer the caller did not expect. */
export function statusError(
  ctx: FailureContext,
  status: number,
  details: VendorDetails,
  sent: Pick<SentRequest, 'method' | 'path'> & Partial<SentRequest>,
): VendorError {
  const upstream = failure(ctx, { httpStatus: status, ...details });
  const what = details.vendorMessage ? `: ${details.vendorMessage}` : '';
  if (status === 401 || status === 403) {
    return new VendorError(
      ErrorCode.VendorAuthFailed,
      `${where(ctx)} refused the gateway's credentials (HTTP ${status})${what}`,
      upstream,
    );
  }
  if (status === 404) return new VendorError(ErrorCode.NotFound, `${where(ctx)}: not found${what}`, upstream);
  // A proxy's 502/504 says nothing of whether the vendor behind it applied the write.
  if ((status === 502 || status === 504) && sent.write) {
    return outcomeUnknown(
      ctx,
      { pathTemplate: pathTemplate(sent.path), write: true, ...sent },
      `a proxy answered HTTP ${status}`,
      upstream,
    );
  }
  if (status >= 500 || status === 429) {
    return new VendorError(
      ErrorCode.VendorUnavailable,
      `${where(ctx)} failed on ${sent.method} ${sent.path} (HTTP ${status})${what}`,
      { ...upstream, retryable: true },
    );
  }
  return new VendorError(
    ErrorCode.VendorRejected,
    `${where(ctx)} rejected the request (HTTP ${status})${what}`,
    upstream,
  );
}

/** The vendor answered something unreadable: for a write that means the outcome is unknown. */
export function badResponse(
  ctx: FailureContext,
  message: string,
  extra: Partial<UpstreamFailure> = {},
  cause?: unknown,
  sent?: SentRequest,
): VendorError {
  if (sent?.write) return outcomeUnknown(ctx, sent, `its answer could not be read (${message})`, extra, cause);
  return new VendorError(
    ErrorCode.VendorBadResponse,
    `${where(ctx)} sent a response the gateway cannot read: ${message}`,
    failure(ctx, extra),
    cause === undefined ? undefined : { cause },
  );
}

/** The request's deadline passed (or would before an answer could come). */
export class DeadlineError extends Error {
  override name = 'DeadlineError';
}

/** The vendor took longer than the connection's timeout to send the whole body. */
export class BodyDeadlineError extends Error {
  override name = 'BodyDeadlineError';
}
