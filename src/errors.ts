/**
 * The one error vocabulary of the gateway. Every error a client can see carries
 * `extensions.code` from `ErrorCode`; upstream failures also say which vendor and connection
 * failed and how, so a client can tell "your input was wrong" from "a vendor is down". No GraphQL here:
 * adapters throw these without loading graphql-js; src/error-format.ts shapes them at the edge.
 */
export enum ErrorCode {
  /** The id is well-formed but nothing exists behind it. */
  NotFound = 'NOT_FOUND',
  /** Arguments that pass GraphQL validation but make no sense (e.g. an id of the wrong type). */
  BadUserInput = 'BAD_USER_INPUT',
  /** The vendor rejected the request (4xx, or a vendor-level error code). */
  VendorRejected = 'VENDOR_REJECTED',
  /** The vendor refused the gateway's own credentials. */
  VendorAuthFailed = 'VENDOR_AUTH_FAILED',
  /** The vendor failed: 5xx, reset, timeout. */
  VendorUnavailable = 'VENDOR_UNAVAILABLE',
  /** The vendor answered something that is not what its API documents. */
  VendorBadResponse = 'VENDOR_BAD_RESPONSE',
  /** The data changed between the gateway's read and its write. */
  Conflict = 'CONFLICT',
  /** A multi-step change failed half-way and could not be rolled back: the client must look. */
  PartialFailure = 'PARTIAL_FAILURE',
  /** No connection of the needed vendor kind is configured. */
  NotConfigured = 'NOT_CONFIGURED',
  /** The vendor's API has no operation for what was asked. */
  NotSupported = 'NOT_SUPPORTED',
  /** The query is deeper or more expensive than the gateway allows. */
  QueryTooComplex = 'QUERY_TOO_COMPLEX',
  /** The planned vendor calls exceed a connection's per-request budget. */
  QueryTooExpensive = 'QUERY_TOO_EXPENSIVE',
  /** No valid credential came with the request. */
  Unauthenticated = 'UNAUTHENTICATED',
  /** The principal is not granted what it asked for. */
  Forbidden = 'FORBIDDEN',
  /** The principal's rate limit or vendor-call budget is spent; see `retryAfterSeconds`. */
  RateLimited = 'RATE_LIMITED',
  /** A write was sent but its result is unknown (timeout, reset, unreadable answer, failed read-back). */
  OutcomeUnknown = 'OUTCOME_UNKNOWN',
  /** An idempotency key was sent again with a different input. */
  IdempotencyKeyReused = 'IDEMPOTENCY_KEY_REUSED',
  /** Trusted-documents mode is on and the operation is not in the manifest. */
  OperationNotAllowed = 'OPERATION_NOT_ALLOWED',
  /** The HTTP request itself is unreadable (a body that is not JSON); Apollo's own code for such requests. */
  BadRequest = 'BAD_REQUEST',
  /** The request body is over `limits.maxBodyBytes` (HTTP 413). */
  PayloadTooLarge = 'PAYLOAD_TOO_LARGE',
  /** The replica is draining for shutdown (HTTP 503 with `Retry-After`): send it again, another replica answers. */
  ShuttingDown = 'SHUTTING_DOWN',
  InternalServerError = 'INTERNAL_SERVER_ERROR',
}

export interface UpstreamFailure {
  vendor: string;
  connection: string;
  /** HTTP status; absent when no response arrived (reset, timeout). */
  httpStatus?: number;
  /** The vendor's own error code (Stringee `r`, PortSIP `err_code`, 2N `error.code`), when it has one. */
  vendorCode?: string | number;
  /** The vendor's message, when it sent one. */
  vendorMessage?: string;
  /** The parameter the vendor named as bad, when it named one. */
  param?: string;
  /** Whether the same request may succeed if sent again later (the vendor was down, not the input wrong). */
  retryable?: boolean;
  /** What was sent, on OUTCOME_UNKNOWN: the client must check the vendor before resending. */
  sent?: { method: string; path: string; pathTemplate: string };
}

/** An error raised inside the gateway with a code; turned into a GraphQLError at the edge. */
export class GatewayError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}, options?: ErrorOptions) {
    super(message, options);
    this.name = 'GatewayError';
    this.code = code;
    this.details = details;
  }
}

/** An upstream call failed. Adapters throw these; resolvers let them through. */
export class VendorError extends GatewayError {
  readonly upstream: UpstreamFailure;

  constructor(code: ErrorCode, message: string, upstream: UpstreamFailure, options?: ErrorOptions) {
    super(code, message, { ...upstream }, options);
    this.name = 'VendorError';
    this.upstream = upstream;
  }
}

export function notFound(what: string, id: string): GatewayError {
  return new GatewayError(ErrorCode.NotFound, `${what} ${id} was not found`, { id });
}

export function badInput(message: string, field?: string): GatewayError {
  return new GatewayError(ErrorCode.BadUserInput, message, field ? { field } : {});
}

export function notConfigured(kind: string): GatewayError {
  return new GatewayError(ErrorCode.NotConfigured, `no ${kind} connection is configured`, { vendor: kind });
}
