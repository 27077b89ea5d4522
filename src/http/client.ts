/**
 * The one upstream HTTP client. Every vendor adapter talks through an UpstreamClient; pooling,
 * retries and auth are undici interceptors composed by the transport factory (transport.ts),
 * error mapping is failures.ts, wire encoding is encoding.ts, the request and response shapes are
 * messages.ts and the client's options client-options.ts. This class adds what belongs to one
 * call: the request's deadline and signal (from the request scope it is given), the body-read
 * timeout, the circuit breaker, and the optional cross-request read cache.
 */
import type { Dispatcher } from 'undici';
import { ErrorCode, GatewayError, type UpstreamFailure, type VendorError } from '../errors.js';
import type { Logger } from '../log.js';
import { silentLogger } from '../log.js';
import {
  ClientGoneError,
  countVendorCall,
  recordVendorCall,
  startVendorCall,
  type RequestScope,
} from '../request-scope.js';
import { encodeQuery } from './encoding.js';
import * as failures from './failures.js';
import { QueuedCallAbandoned } from './fair-queue.js';
import { InFlightReads } from './inflight.js';
import { sharedReads } from './upstream-metrics.js';
import type { SentRequest } from './failures.js';
import {
  createConnectionTransport,
  type AttemptTrace,
  type ConnectionHealth,
  type ConnectionTransport,
} from './transport.js';

export { encodeForm, encodeQuery, type QueryParams, type QueryValue } from './encoding.js';
export type { AuthScheme } from './auth.js';
export {
  jsonErrorBody,
  type ErrorBodyReader,
  type PreparedRequest,
  type UpstreamRequest,
  type UpstreamResponse,
} from './messages.js';
export { transportOptions, type UpstreamClientOptions } from './client-options.js';
import type { UpstreamRequest, UpstreamResponse } from './messages.js';
import { RequestUpstream, type Upstream } from './request-upstream.js';
export type { Upstream } from './request-upstream.js';
import type { UpstreamClientOptions } from './client-options.js';

export class UpstreamClient implements Upstream {
  readonly vendor: string;
  readonly connection: string;
  /** Requests sent (each retry and auth round trip counts), for metrics and the benchmark. */
  sent = 0;
  private readonly transport: ConnectionTransport;
  private readonly ownsTransport: boolean;
  private readonly dispatcher: Dispatcher;
  private readonly options: UpstreamClientOptions;
  private readonly log: Logger;
  private readonly inFlight = new InFlightReads<UpstreamResponse>(() =>
    sharedReads.inc({ connection: this.connection }),
  );

  constructor(options: UpstreamClientOptions) {
    this.options = options;
    this.vendor = options.vendor;
    this.connection = options.connection;
    this.ownsTransport = !options.transport;
    this.transport = options.transport ?? createConnectionTransport({ ...options, connection: options.connection });
    this.dispatcher = this.transport.dispatcher(options.auth);
    this.log = (options.logger ?? silentLogger).child({ vendor: options.vendor, connection: options.connection });
  }

  async close(): Promise<void> {
    if (this.ownsTransport) await this.transport.close();
  }

  /** The connection's breaker state and sent count (see upstreamHealth() for all connections). */
  health(): ConnectionHealth {
    return this.transport.health();
  }

  failure(extra: Partial<UpstreamFailure> = {}): UpstreamFailure {
    return { vendor: this.vendor, connection: this.connection, ...extra };
  }

  /**
   * Sends the request; any HTTP status comes back as a response, network failures throw
   * VendorError. With a cache, a GET may be answered from it, and a write invalidates what it touches.
   */
  send(request: UpstreamRequest): Promise<UpstreamResponse> {
    return this.sendIn(undefined, request);
  }

  /** This connection as `scope`'s request sees it: its calls carry its deadline and signal and count against it. */
  forRequest(scope: RequestScope | undefined): Upstream {
    return scope ? new RequestUpstream(this, scope) : this;
  }

  async sendIn(scope: RequestScope | undefined, request: UpstreamRequest): Promise<UpstreamResponse> {
    const cache = request.anonymous ? undefined : this.options.cache;
    if (!cache || (request.fresh && request.method === 'GET')) return this.sendOnce(scope, request);
    if (isWrite(request)) {
      try {
        return await this.sendOnce(scope, request);
      } finally {
        // Even a failed write may have changed something: forget what its scopes said before.
        await cache.invalidate(request.path);
      }
    }
    const key = await cache.keyFor(request.path, `${request.path}${encodeQuery(request.query)}`);
    const cached = key === undefined ? undefined : await cache.get(key);
    if (cached !== undefined) return { status: 200, headers: {}, text: cached, request: this.describe(request) };
    const response = await this.sendOnce(scope, request);
    if (response.status === 200 && key !== undefined) await cache.set(key, response.text);
    return response;
  }

  /** Sends and insists on one of the expected statuses; anything else becomes a VendorError. */
  expect(request: UpstreamRequest, ...okStatuses: number[]): Promise<UpstreamResponse> {
    return this.expectIn(undefined, request, okStatuses);
  }

  async expectIn(
    scope: RequestScope | undefined,
    request: UpstreamRequest,
    okStatuses: number[],
  ): Promise<UpstreamResponse> {
    const response = await this.sendIn(scope, request);
    if (okStatuses.includes(response.status)) return response;
    throw this.statusError(response, request);
  }

  statusError(response: UpstreamResponse, request: Pick<UpstreamRequest, 'method' | 'path'>): VendorError {
    const details = this.options.readErrorBody?.(response) ?? {};
    return failures.statusError(this, response.status, details, response.request ?? request);
  }

  /**
   * The vendor answered something unreadable. Pass the `response` in `extra` and an unreadable
   * answer to a write becomes OUTCOME_UNKNOWN, saying what was sent.
   */
  badResponse(
    message: string,
    extra: Partial<UpstreamFailure> & { response?: UpstreamResponse } = {},
    cause?: unknown,
  ): VendorError {
    const { response, ...rest } = extra;
    const details = response ? { httpStatus: response.status, ...rest } : rest;
    return failures.badResponse(this, message, details, cause, response?.request);
  }

  /** Reads already cut short by their own request (its deadline or hang-up), not by the vendor. */
  private static cutByCaller = new WeakSet<Error>();

  /** One call to the vendor, or, for an identical read already in flight, a share of its answer. */
  private sendOnce(scope: RequestScope | undefined, request: UpstreamRequest): Promise<UpstreamResponse> {
    if (isWrite(request)) return this.inFlight.write(() => this.sendUncached(scope, request));
    if (this.options.dedupeReads === false || request.fresh || request.anonymous)
      return this.sendUncached(scope, request);
    const headers = request.headers ? JSON.stringify(Object.entries(request.headers).sort()) : '';
    const key = `${request.method} ${request.path}${encodeQuery(request.query)} ${headers}`;
    return this.inFlight.read(key, () => this.sendUncached(scope, request), {
      signal: scope?.signal,
      // The request that made the call gave up on it; this one may still have time to ask itself.
      ownerGaveUp: (error) => error instanceof Error && UpstreamClient.cutByCaller.has(error),
      abandoned: (reason) =>
        failures.transportError(
          this,
          reason instanceof ClientGoneError
            ? reason
            : new failures.DeadlineError('did not answer before the request deadline'),
          this.describe(request),
          false,
          this.options.timeoutMs,
        ),
    });
  }

  /** Reads answered by another request's identical call, since start. */
  get sharedReads(): number {
    return this.inFlight.shared;
  }

  private describe(request: UpstreamRequest): SentRequest {
    return {
      method: request.method,
      path: request.path,
      pathTemplate: failures.pathTemplate(request.path),
      write: isWrite(request),
    };
  }

  private async sendUncached(scope: RequestScope | undefined, request: UpstreamRequest): Promise<UpstreamResponse> {
    const sent = this.describe(request);
    const deadline = scope?.deadline;
    const remaining = deadline === undefined ? Number.POSITIVE_INFINITY : deadline - Date.now();
    if (remaining <= 0) {
      const late = failures.notSent(this, sent, 'was not called: the request deadline has passed');
      UpstreamClient.cutByCaller.add(late);
      throw late;
    }
    // A write is never cut half-way by the budget: the budget was checked against the prediction before it.
    if (!startVendorCall(scope, this.connection, !sent.write))
      throw new GatewayError(
        ErrorCode.QueryTooExpensive,
        `this request has spent its budget of calls to connection "${this.connection}" (maxCallsPerRequest)`,
        { connection: this.connection },
      );
    const breaker = this.transport.breaker;
    if (!breaker.tryAcquire()) {
      const seconds = Math.ceil(breaker.retryAfterMs() / 1000);
      throw failures.notSent(this, sent, `is failing: its circuit breaker is open (next probe in ${seconds} s)`);
    }
    const trace: AttemptTrace = { sent: false, attempts: 0, statuses: [] };
    // Set when the answer takes too long to arrive in full: the body is destroyed with it.
    let bodyCut: Error | undefined;
    const timeoutMs = Math.max(1, Math.min(this.options.timeoutMs, remaining));
    const idempotent = request.idempotent ?? request.method === 'GET';
    const started = performance.now();
    try {
      const { statusCode, headers, body } = await this.dispatcher.request({
        method: request.method,
        path: `${this.transport.basePath}${request.path}${encodeQuery(request.query)}`,
        headers: { accept: 'application/json', ...request.headers },
        body: request.body as Dispatcher.DispatchOptions['body'],
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
        signal: scope?.signal,
        // Read by the gateway's interceptors (retry.ts, auth.ts, transport.ts); undici passes them along.
        ...({
          scope,
          trace,
          deadline,
          anonymous: request.anonymous,
          retryOptions: { maxRetries: idempotent ? this.options.retries : 0 },
        } as object),
      });
      // bodyTimeout is per chunk: a vendor trickling its answer is cut off by this total instead.
      const readLimit = Math.max(
        1,
        Math.min(this.options.timeoutMs, (deadline ?? Number.POSITIVE_INFINITY) - Date.now()),
      );
      const cutoff = setTimeout(() => {
        bodyCut = new failures.BodyDeadlineError(`took longer than ${Math.round(readLimit)} ms to send its answer`);
        body.destroy(bodyCut);
      }, readLimit);
      let text: string;
      try {
        text = await body.text();
      } finally {
        clearTimeout(cutoff);
      }
      breaker.record(statusCode >= 500 ? 'failure' : 'success');
      this.log.debug('upstream', {
        requestId: scope?.requestId,
        method: request.method,
        path: request.path,
        status: statusCode,
        ms: Math.round(performance.now() - started),
      });
      return { status: statusCode, headers, text, request: sent };
    } catch (error) {
      const fromGateway = (error as Error)?.name === 'VendorError';
      // A caller that hung up cut its own calls: counting them would let clients open a vendor's breaker.
      const callerLeft = scope?.signal?.aborted === true && scope.signal.reason instanceof ClientGoneError;
      // A call that waited for a slot and never went out says nothing of the vendor either.
      const neverLeftQueue = error instanceof QueuedCallAbandoned;
      breaker.record(fromGateway || callerLeft || neverLeftQueue ? 'neutral' : 'failure');
      if (fromGateway) throw error;
      const cause = bodyCut
        ? bodyCut
        : scope?.signal?.aborted
          ? new failures.DeadlineError('did not answer before the request deadline')
          : error;
      const mapped = failures.transportError(this, cause, sent, trace.sent, this.options.timeoutMs);
      if (scope?.signal?.aborted) UpstreamClient.cutByCaller.add(mapped);
      this.log.warn('upstream failed', {
        requestId: scope?.requestId,
        method: request.method,
        path: request.path,
        code: mapped.code,
        reason: mapped.message,
      });
      throw mapped;
    } finally {
      this.sent += trace.attempts;
      countVendorCall(scope, trace.attempts);
      // One audit record per attempt that went out, as the vendor saw it.
      const path = `${this.transport.basePath}${request.path}`;
      for (const status of trace.statuses) {
        recordVendorCall(scope, {
          connection: this.connection,
          method: request.method,
          path,
          ...(status ? { status } : {}),
        });
      }
    }
  }
}

function isWrite(request: UpstreamRequest): boolean {
  return request.method !== 'GET' || request.idempotent === false;
}

/** Parses JSON or throws VENDOR_BAD_RESPONSE (OUTCOME_UNKNOWN after a write) naming the connection. */
export function parseJson(client: Upstream, response: UpstreamResponse): unknown {
  try {
    return JSON.parse(response.text);
  } catch (error) {
    throw client.badResponse(`invalid JSON (HTTP ${response.status})`, { response }, error);
  }
}
