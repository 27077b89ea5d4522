/**
 * Retries through undici's own retry interceptor, with the gateway's decision: only requests the
 * caller marked idempotent (`maxRetries` is 0 for the others), on a reset, a refused connection,
 * a header timeout or 429/502/503/504; exponential backoff with jitter, `Retry-After` honoured, and
 * never a retry that would outlive the request's deadline (`deadline` on the dispatch options).
 */
import { interceptors, type Dispatcher } from 'undici';

export const RETRY_STATUS_CODES = [429, 502, 503, 504];
export const RETRY_ERROR_CODES = [
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'UND_ERR_SOCKET',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_CONNECT_TIMEOUT',
];

const BASE_DELAY_MS = 25;
const MAX_DELAY_MS = 2_000;

/** Extra dispatch options the gateway's interceptors read; undici passes unknown keys along. */
export interface UpstreamDispatchExtras {
  /** Epoch ms after which no attempt may start. */
  deadline?: number;
}

interface RetryError extends Error {
  code?: string;
  statusCode?: number;
  headers?: Record<string, string | string[] | undefined>;
}

/** Milliseconds a `Retry-After` header asks for (seconds or an HTTP date); undefined when absent. */
export function retryAfterMs(header: string | string[] | undefined, now = Date.now()): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Equal jitter: half the exponential step fixed, half random, so synchronized clients spread out. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const step = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempt - 1));
  return step / 2 + random() * (step / 2);
}

type RetryCallback = (err: Error | null) => void;
type RetryContext = {
  state: { counter: number };
  opts: Dispatcher.DispatchOptions & UpstreamDispatchExtras & { retryOptions?: { maxRetries?: number } };
};

export function shouldRetry(err: RetryError, { state, opts }: RetryContext, cb: RetryCallback): void {
  const maxRetries = opts.retryOptions?.maxRetries ?? 0;
  if (state.counter > maxRetries) return cb(err);
  if (err.statusCode !== undefined && err.statusCode !== null) {
    if (!RETRY_STATUS_CODES.includes(err.statusCode)) return cb(err);
  } else if (!err.code || !RETRY_ERROR_CODES.includes(err.code)) {
    return cb(err);
  }
  const asked = retryAfterMs(err.headers?.['retry-after']);
  const delay = asked ?? backoffMs(state.counter);
  if (opts.deadline !== undefined && Date.now() + delay >= opts.deadline) return cb(err);
  setTimeout(() => cb(null), delay);
}

interface RetryDispatchExtras {
  retryOptions?: { maxRetries?: number };
}

/** undici's RetryHandler reads an undefined `maxRetries` as its own default of 5. */
const UNDICI_DEFAULT_MAX_RETRIES = 5;

/**
 * The retry interceptor for a connection; per request, `retryOptions.maxRetries` says how many.
 * A call that may not retry (a write, a connection with `retries: 0`) skips undici's RetryHandler:
 * with no retry allowed it would only pass each callback through, at a cost on every call.
 */
export function retryInterceptor(maxRetries: number): Dispatcher.DispatcherComposeInterceptor {
  const retry = interceptors.retry({
    maxRetries,
    throwOnError: false,
    statusCodes: RETRY_STATUS_CODES,
    errorCodes: RETRY_ERROR_CODES,
    methods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'POST', 'PATCH'],
    retry: shouldRetry as never,
  });
  return (dispatch) => {
    const retrying = retry(dispatch);
    return function retryIfAllowed(opts, handler) {
      const perCall = (opts as RetryDispatchExtras).retryOptions;
      // The same merge as undici's: the call's options over the connection's.
      const allowed = perCall && 'maxRetries' in perCall ? perCall.maxRetries : maxRetries;
      return (allowed ?? UNDICI_DEFAULT_MAX_RETRIES) > 0 ? retrying(opts, handler) : dispatch(opts, handler);
    };
  };
}
