/**
 * A connection's client as one request sees it. Vendor clients are built per request on an
 * `Upstream`, so each call carries its request's scope (deadline, signal, counts) without
 * AsyncLocalStorage; the UpstreamClient itself is the `Upstream` of no request.
 */
import type { UpstreamFailure, VendorError } from '../errors.js';
import type { RequestScope } from '../request-scope.js';
import type { UpstreamClient } from './client.js';
import type { UpstreamRequest, UpstreamResponse } from './messages.js';

/**
 * What a vendor client calls: one connection, as seen by the request it serves (`forRequest`), or
 * by no request (the UpstreamClient itself: logins and reads made once per process).
 */
export interface Upstream {
  readonly vendor: string;
  readonly connection: string;
  send(request: UpstreamRequest): Promise<UpstreamResponse>;
  expect(request: UpstreamRequest, ...okStatuses: number[]): Promise<UpstreamResponse>;
  statusError(response: UpstreamResponse, request: Pick<UpstreamRequest, 'method' | 'path'>): VendorError;
  badResponse(
    message: string,
    extra?: Partial<UpstreamFailure> & { response?: UpstreamResponse },
    cause?: unknown,
  ): VendorError;
  failure(extra?: Partial<UpstreamFailure>): UpstreamFailure;
}

/** One connection bound to one request: what its vendor clients are built on, per request. */
export class RequestUpstream implements Upstream {
  readonly vendor: string;
  readonly connection: string;

  constructor(
    private readonly client: UpstreamClient,
    private readonly scope: RequestScope,
  ) {
    this.vendor = client.vendor;
    this.connection = client.connection;
  }

  send(request: UpstreamRequest): Promise<UpstreamResponse> {
    return this.client.sendIn(this.scope, request);
  }

  expect(request: UpstreamRequest, ...okStatuses: number[]): Promise<UpstreamResponse> {
    return this.client.expectIn(this.scope, request, okStatuses);
  }

  statusError(response: UpstreamResponse, request: Pick<UpstreamRequest, 'method' | 'path'>): VendorError {
    return this.client.statusError(response, request);
  }

  badResponse(
    message: string,
    extra?: Partial<UpstreamFailure> & { response?: UpstreamResponse },
    cause?: unknown,
  ): VendorError {
    return this.client.badResponse(message, extra, cause);
  }

  failure(extra?: Partial<UpstreamFailure>): UpstreamFailure {
    return this.client.failure(extra);
  }
}
