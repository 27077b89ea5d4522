/**
 * The one upstream HTTP client. Every vendor adapter talks through an UpstreamClient, so pooling,
 * timeouts, retries, auth and error mapping exist once.
 *
 * - One keep-alive undici Pool per connection; its socket count is the per-connection concurrency
 *   limit (further requests queue in the pool).
 * - Idempotent requests (GET, and any request marked idempotent) are retried on a reset, timeout
 *   or 502/503/504; others never are, so a create is not sent twice.
 * - Auth is a pluggable scheme that can add headers and answer a 401 once (Digest challenge,
 *   token re-login).
 */
import { countVendorCall, recordVendorCall } from '../request-scope.js';
import { Pool, type Dispatcher, type FormData, errors as undiciErrors } from 'undici';
import type { IncomingHttpHeaders } from 'node:http';
import type { ReadCache } from '../cache.js';
import { ErrorCode, VendorError, type UpstreamFailure } from '../errors.js';
import type { Logger } from '../log.js';
import { silentLogger } from '../log.js';

export type QueryValue = string | number | boolean | undefined | null;
/** Query parameters in order; repeated keys (`sort[]`) are repeated pairs. */
export type QueryParams = Array<[string, QueryValue]>;

export interface UpstreamRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  query?: QueryParams;
  headers?: Record<string, string>;
  body?: string | FormData;
  /** Safe to send twice; GET always is. */
  idempotent?: boolean;
  /** Send without the connection's auth scheme (a token login itself). */
  anonymous?: boolean;
  /** Never answer from the cache: a read that guards a write must see the vendor's current state. */
  fresh?: boolean;
}

export interface UpstreamResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

export interface AuthScheme {
  /** Headers that authorise this request. */
  headers(request: PreparedRequest): Promise<Record<string, string>> | Record<string, string>;
  /** Called on a 401; resolve true to send the request once more with fresh headers. */
  onUnauthorized?(response: UpstreamResponse, request: PreparedRequest): Promise<boolean> | boolean;
}

export interface PreparedRequest extends UpstreamRequest {
  /** Path plus encoded query string, as sent on the request line. */
  target: string;
}

/** Pulls the vendor's code and message out of an error body; each vendor knows its own shape. */
export type ErrorBodyReader = (response: UpstreamResponse) => Pick<UpstreamFailure, 'vendorCode' | 'vendorMessage' | 'param'>;

type VendorDetails = ReturnType<ErrorBodyReader>;

/**
 * An ErrorBodyReader for vendors that answer errors in JSON: `pick` finds the vendor's own fields
 * in the parsed body (undefined when it is not the vendor's error shape); otherwise the text, cut
 * short, is the message.
 */
export function jsonErrorBody(pick: (json: unknown) => VendorDetails | undefined): ErrorBodyReader {
  return (response) => {
    const text = response.text.trim();
    if (!text) return {};
    try {
      const found = pick(JSON.parse(text));
      if (found) return found;
    } catch {
      // not JSON: the text itself is the message
    }
    return { vendorMessage: text.slice(0, 300) };
  };
}

export interface UpstreamClientOptions {
  vendor: string;
  connection: string;
  baseUrl: string;
  timeoutMs: number;
  maxConcurrency: number;
  retries: number;
  auth?: AuthScheme;
  readErrorBody?: ErrorBodyReader;
  logger?: Logger;
  /** A dispatcher to share instead of a new Pool (several clients over one connection's pool). */
  dispatcher?: Dispatcher;
  /** The cross-request read cache, when enabled. */
  cache?: ReadCache;
}

const RETRYABLE_STATUS = new Set([502, 503, 504]);

export function encodeQuery(query: QueryParams | undefined): string {
  if (!query || query.length === 0) return '';
  const parts: string[] = [];
  for (const [key, value] of query) {
    if (value === undefined || value === null) continue;
    parts.push(`${encodeURIComponent(key).replace(/%5B/g, '[').replace(/%5D/g, ']')}=${encodeURIComponent(String(value))}`);
  }
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

/** `application/x-www-form-urlencoded` with PHP-style arrays (`name[]=1&name[]=2`). */
export function encodeForm(fields: Record<string, QueryValue | QueryValue[]>): string {
  const pairs: QueryParams = [];
  for (const [key, value] of Object.entries(fields)) {
    if (Array.isArray(value)) for (const item of value) pairs.push([`${key}[]`, item]);
    else pairs.push([key, value]);
  }
  return encodeQuery(pairs).slice(1);
}

/** The transport settings every configured connection has, as UpstreamClient options. */
export function transportOptions(
  vendor: string,
  settings: { name: string; baseUrl: string; timeoutMs: number; maxConcurrency: number; retries: number },
): Pick<UpstreamClientOptions, 'vendor' | 'connection' | 'baseUrl' | 'timeoutMs' | 'maxConcurrency' | 'retries'> {
  return { vendor, connection: settings.name, baseUrl: settings.baseUrl, timeoutMs: settings.timeoutMs, maxConcurrency: settings.maxConcurrency, retries: settings.retries };
}

export class UpstreamClient {
  readonly vendor: string;
  readonly connection: string;
  /** Requests sent (each retry and auth round trip counts), for metrics and the benchmark. */
  sent = 0;
  private readonly pool: Dispatcher;
  private readonly ownsPool: boolean;
  private readonly basePath: string;
  private readonly options: UpstreamClientOptions;
  private readonly log: Logger;

  constructor(options: UpstreamClientOptions) {
    this.options = options;
    this.vendor = options.vendor;
    this.connection = options.connection;
    const url = new URL(options.baseUrl);
    this.basePath = url.pathname.replace(/\/+$/, '');
    this.ownsPool = !options.dispatcher;
    this.pool =
      options.dispatcher ??
      new Pool(url.origin, {
        connections: options.maxConcurrency,
        pipelining: 1,
        keepAliveTimeout: 10_000,
        headersTimeout: options.timeoutMs,
        bodyTimeout: options.timeoutMs,
      });
    this.log = (options.logger ?? silentLogger).child({ vendor: options.vendor, connection: options.connection });
  }

  async close(): Promise<void> {
    if (this.ownsPool) await this.pool.close();
  }

  failure(extra: Partial<UpstreamFailure> = {}): UpstreamFailure {
    return { vendor: this.vendor, connection: this.connection, ...extra };
  }

  /**
   * Sends the request; any HTTP status comes back as a response, network failures throw
   * VendorError. With a cache, a GET may be answered from it, and a write invalidates what it touches.
   */
  async send(request: UpstreamRequest): Promise<UpstreamResponse> {
    const cache = request.anonymous ? undefined : this.options.cache;
    if (!cache || (request.fresh && request.method === 'GET')) return this.sendUncached(request);
    if (request.method !== 'GET') {
      try {
        return await this.sendUncached(request);
      } finally {
        // Even a failed write may have changed something: forget what its scopes said before.
        await cache.invalidate(request.path);
      }
    }
    const key = await cache.keyFor(request.path, `${request.path}${encodeQuery(request.query)}`);
    const cached = await cache.get(key);
    if (cached !== undefined) return { status: 200, headers: {}, text: cached };
    const response = await this.sendUncached(request);
    if (response.status === 200) await cache.set(key, response.text);
    return response;
  }

  private async sendUncached(request: UpstreamRequest): Promise<UpstreamResponse> {
    const prepared: PreparedRequest = { ...request, target: `${this.basePath}${request.path}${encodeQuery(request.query)}` };
    const idempotent = request.idempotent ?? request.method === 'GET';
    let authRetried = false;
    for (let attempt = 0; ; attempt += 1) {
      let response: UpstreamResponse;
      try {
        response = await this.dispatch(prepared);
      } catch (error) {
        if (idempotent && attempt < this.options.retries) {
          await backoff(attempt);
          continue;
        }
        throw this.networkError(error, prepared);
      }
      if (response.status === 401 && !authRetried && !request.anonymous && this.options.auth?.onUnauthorized) {
        authRetried = true;
        if (await this.options.auth.onUnauthorized(response, prepared)) {
          attempt -= 1;
          continue;
        }
      }
      if (RETRYABLE_STATUS.has(response.status) && idempotent && attempt < this.options.retries) {
        await backoff(attempt);
        continue;
      }
      return response;
    }
  }

  /** Sends and insists on one of the expected statuses; anything else becomes a VendorError. */
  async expect(request: UpstreamRequest, ...okStatuses: number[]): Promise<UpstreamResponse> {
    const response = await this.send(request);
    if (okStatuses.includes(response.status)) return response;
    throw this.statusError(response, request);
  }

  statusError(response: UpstreamResponse, request: Pick<UpstreamRequest, 'method' | 'path'>): VendorError {
    const details = this.options.readErrorBody?.(response) ?? {};
    const upstream = this.failure({ httpStatus: response.status, ...details });
    const what = details.vendorMessage ? `: ${details.vendorMessage}` : '';
    const where = `${this.vendor} connection "${this.connection}"`;
    if (response.status === 401 || response.status === 403) {
      return new VendorError(ErrorCode.VendorAuthFailed, `${where} refused the gateway's credentials (HTTP ${response.status})${what}`, upstream);
    }
    if (response.status === 404) return new VendorError(ErrorCode.NotFound, `${where}: not found${what}`, upstream);
    if (response.status >= 500) {
      return new VendorError(ErrorCode.VendorUnavailable, `${where} failed on ${request.method} ${request.path} (HTTP ${response.status})${what}`, upstream);
    }
    return new VendorError(ErrorCode.VendorRejected, `${where} rejected the request (HTTP ${response.status})${what}`, upstream);
  }

  badResponse(message: string, extra: Partial<UpstreamFailure> = {}, cause?: unknown): VendorError {
    return new VendorError(
      ErrorCode.VendorBadResponse,
      `${this.vendor} connection "${this.connection}" sent a response the gateway cannot read: ${message}`,
      this.failure(extra),
      cause === undefined ? undefined : { cause },
    );
  }

  private async dispatch(request: PreparedRequest): Promise<UpstreamResponse> {
    const authHeaders = this.options.auth && !request.anonymous ? await this.options.auth.headers(request) : {};
    const started = performance.now();
    this.sent += 1;
    countVendorCall();
    const record = { connection: this.connection, method: request.method, path: request.target.split('?')[0]! };
    const { statusCode, headers, body } = await this.pool
      .request({
        method: request.method,
        path: request.target,
        headers: { accept: 'application/json', ...request.headers, ...authHeaders },
        body: request.body as Dispatcher.DispatchOptions['body'],
        headersTimeout: this.options.timeoutMs,
        bodyTimeout: this.options.timeoutMs,
      })
      .catch((error: unknown) => {
        recordVendorCall(record);
        throw error;
      });
    recordVendorCall({ ...record, status: statusCode });
    const text = await body.text();
    this.log.debug('upstream', { method: request.method, path: request.path, status: statusCode, ms: Math.round(performance.now() - started) });
    return { status: statusCode, headers, text };
  }

  private networkError(error: unknown, request: PreparedRequest): VendorError {
    const timedOut = error instanceof undiciErrors.HeadersTimeoutError || error instanceof undiciErrors.BodyTimeoutError;
    const reason = timedOut ? `timed out after ${this.options.timeoutMs} ms` : `connection failed (${(error as Error).message})`;
    this.log.warn('upstream failed', { method: request.method, path: request.path, reason });
    return new VendorError(
      ErrorCode.VendorUnavailable,
      `${this.vendor} connection "${this.connection}" ${reason} on ${request.method} ${request.path}`,
      this.failure(),
      { cause: error },
    );
  }
}

function backoff(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 25 * 2 ** attempt));
}

/** Parses JSON or throws a VENDOR_BAD_RESPONSE naming the connection. */
export function parseJson(client: UpstreamClient, response: UpstreamResponse): unknown {
  try {
    return JSON.parse(response.text);
  } catch (error) {
    throw client.badResponse(`invalid JSON (HTTP ${response.status})`, { httpStatus: response.status }, error);
  }
}
