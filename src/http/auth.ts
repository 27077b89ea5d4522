/**
 * Auth as a dispatcher interceptor: a scheme adds headers to each attempt and may answer a 401
 * once (a Digest challenge, a token re-login), in which case the request is sent again with fresh
 * headers and the 401 never reaches the caller. Basic, ApiKey and header tokens are schemes here;
 * Digest is in digest.ts.
 */
import type { Dispatcher } from 'undici';
import type { RequestScope } from '../request-scope.js';
import { ForwardingHandler, type Controller, type Handler, type Headers } from './forwarding-handler.js';

/** What a scheme sees of the request it signs. */
export interface AuthRequest {
  method: string;
  /** Path plus encoded query string, as sent on the request line. */
  target: string;
  /** The GraphQL request the call serves: a token login it starts is one of that request's calls. */
  scope?: RequestScope;
}

export interface ChallengeResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

export interface AuthScheme {
  /** Headers that authorise this request. */
  headers(request: AuthRequest): Promise<Record<string, string>> | Record<string, string>;
  /** Called on a 401; resolve true to send the request once more with fresh headers. */
  onUnauthorized?(response: ChallengeResponse, request: AuthRequest): Promise<boolean> | boolean;
  /** Called once the first answer (or failure) of a request is known, whatever it was. */
  settled?(request: AuthRequest): void;
}

/** Dispatch options the auth interceptor reads. */
export interface AuthDispatchExtras {
  /** Send without the connection's auth scheme (a token login itself). */
  anonymous?: boolean;
  /** The request the call serves (passed on to the scheme). */
  scope?: RequestScope;
}

export function basicAuth(username: string, password: string): AuthScheme {
  const header = `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
  return { headers: () => ({ authorization: header }) };
}

export function apiKeyAuth(apiKey: string): AuthScheme {
  return { headers: () => ({ authorization: `ApiKey ${apiKey}` }) };
}

/** A bearer-like token in a header, obtained and renewed by `token`; a 401 drops it and logs in again. */
export function headerTokenAuth(
  headerName: string,
  token: { current(scope?: RequestScope): Promise<string>; invalidate(): void },
): AuthScheme {
  return {
    headers: async (request) => ({ [headerName]: await token.current(request.scope) }),
    onUnauthorized: () => {
      token.invalidate();
      return true;
    },
  };
}

/** Holds back a 401 until the scheme has said whether it wants another try. */
class ChallengeHandler extends ForwardingHandler {
  private held: { controller: Controller; status: number; headers: Headers; message: string } | undefined;
  private chunks: Buffer[] = [];

  constructor(
    downstream: Handler,
    private readonly scheme: AuthScheme,
    private readonly request: AuthRequest,
    private readonly replay: () => void,
  ) {
    super(downstream);
  }

  override onResponseStart(controller: Controller, status: number, headers: Headers, message: string): void {
    if (status === 401) {
      this.held = { controller, status, headers, message };
      return;
    }
    this.scheme.settled?.(this.request);
    super.onResponseStart(controller, status, headers, message);
  }

  override onResponseData(controller: Controller, chunk: Buffer): void {
    if (this.held) this.chunks.push(chunk);
    else super.onResponseData(controller, chunk);
  }

  override onResponseEnd(controller: Controller, trailers: Headers): void {
    const held = this.held;
    if (!held) {
      super.onResponseEnd(controller, trailers);
      return;
    }
    const text = Buffer.concat(this.chunks).toString('utf8');
    Promise.resolve()
      .then(() => this.scheme.onUnauthorized!({ ...held, text }, this.request))
      .catch(() => false)
      .then((again) => {
        this.scheme.settled?.(this.request);
        if (again) return this.replay();
        // The scheme gives up: the caller gets the 401 as it came.
        super.onResponseStart(held.controller, held.status, held.headers, held.message);
        if (this.chunks.length > 0) super.onResponseData(held.controller, Buffer.concat(this.chunks));
        super.onResponseEnd(held.controller, trailers);
      });
  }

  override onResponseError(controller: Controller, error: Error): void {
    this.scheme.settled?.(this.request);
    super.onResponseError(controller, error);
  }
}

function isPromiseLike<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown })?.then === 'function';
}

export function authInterceptor(scheme: AuthScheme): Dispatcher.DispatcherComposeInterceptor {
  return (dispatch) =>
    function authenticated(opts, handler) {
      const { anonymous, scope } = opts as AuthDispatchExtras;
      if (anonymous) return dispatch(opts, handler);
      const request: AuthRequest = { method: opts.method, target: opts.path, scope };
      const sign = (headers: Record<string, string>, replayed: boolean): void => {
        const inner =
          replayed || !scheme.onUnauthorized
            ? handler
            : new ChallengeHandler(handler, scheme, request, () => send(true));
        dispatch({ ...opts, headers: { ...(opts.headers as Record<string, string>), ...headers } }, inner);
      };
      const fail = (error: Error, replayed: boolean): void => {
        if (!replayed) scheme.settled?.(request);
        handler.onResponseError?.(null as never, error);
      };
      const send = (replayed: boolean): void => {
        try {
          const headers = scheme.headers(request);
          // Basic and ApiKey sign at once: no promise hops on every call for them.
          if (!isPromiseLike(headers)) return sign(headers, replayed);
          headers.then((signed) => sign(signed, replayed)).catch((error: Error) => fail(error, replayed));
        } catch (error) {
          fail(error as Error, replayed);
        }
      };
      send(false);
      return true;
    };
}
