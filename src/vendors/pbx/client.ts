/**
 * PortSIP PBX v12: the token login (the gateway logs in with the connection's credentials, renews
 * the token before it lapses and logs in again once on a 401) and the five provider operations.
 * `id`, `pagination`, `pagesize`, `sort_by` travel as query parameters (WIRE-NOTES.md).
 */
import { ErrorCode, VendorError } from '../../errors.js';
import {
  jsonErrorBody,
  parseJson,
  type Upstream,
  type UpstreamClient,
  type UpstreamRequest,
  type UpstreamResponse,
} from '../../http/client.js';
import type { z } from 'zod';
import type { RequestScope } from '../../request-scope.js';
import * as wire from './wire.js';
import { readWire } from '../shared/read-back.js';

/** Renew when less than this share of the token's life is left. */
const RENEW_AT_REMAINING = 0.2;

export const readPbxError = jsonErrorBody((json) => {
  const body = wire.error.safeParse(json);
  return body.success ? { vendorCode: body.data.err_code, vendorMessage: body.data.msg ?? undefined } : undefined;
});

export class PbxToken {
  private token: { value: string; lifetimeMs: number; expiresAt: number } | undefined;
  private pending: Promise<string> | undefined;
  /** Set once the client exists: the token is fetched through the same pool, without auth. */
  http!: UpstreamClient;

  constructor(
    private readonly credentials: { username: string; password: string },
    private readonly now: () => number = () => Date.now(),
  ) {}

  /**
   * The token to send; one login or refresh at a time, shared by concurrent requests. The request
   * that starts a login (`scope`) carries it: its deadline, and the call counted among its own.
   */
  current(scope?: RequestScope): Promise<string> {
    const token = this.token;
    if (token && token.expiresAt - this.now() > token.lifetimeMs * RENEW_AT_REMAINING)
      return Promise.resolve(token.value);
    const http = this.http.forRequest(scope);
    this.pending ??= (token ? this.refresh(http, token.value).catch(() => this.login(http)) : this.login(http)).finally(
      () => {
        this.pending = undefined;
      },
    );
    return this.pending;
  }

  invalidate(): void {
    this.token = undefined;
  }

  /** Any successful call extends the token's life on the PBX; mirror that here. */
  touched(): void {
    if (this.token) this.token.expiresAt = this.now() + this.token.lifetimeMs;
  }

  private async login(http: Upstream): Promise<string> {
    const response = await http.send({
      method: 'POST',
      path: '/api/account/credentials/verify',
      anonymous: true,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(this.credentials),
    });
    if (response.status !== 200) {
      const error = this.http.statusError(response, { method: 'POST', path: '/api/account/credentials/verify' });
      throw new VendorError(
        ErrorCode.VendorAuthFailed,
        `pbx connection "${this.http.connection}" could not log in: ${error.upstream.vendorMessage ?? `HTTP ${response.status}`}`,
        error.upstream,
      );
    }
    return this.store(response);
  }

  private async refresh(http: Upstream, current: string): Promise<string> {
    const response = await http.send({
      method: 'POST',
      path: '/api/account/token/refresh',
      anonymous: true,
      headers: { access_token: current },
    });
    if (response.status !== 200)
      throw this.http.statusError(response, { method: 'POST', path: '/api/account/token/refresh' });
    return this.store(response);
  }

  private store(response: UpstreamResponse): string {
    const token = readWire(this.http, wire.token, parseJson(this.http, response), 'token response', response.status);
    const lifetimeMs = token.expires * 1000;
    this.token = { value: token.access_token, lifetimeMs, expiresAt: this.now() + lifetimeMs };
    return token.access_token;
  }
}

export class PbxClient {
  constructor(
    private readonly http: Upstream,
    private readonly token: PbxToken,
  ) {}

  list(pagination: number, pagesize: number, sortBy: 'DEFAULT' | 'OPTIONAL') {
    return this.json(
      {
        method: 'GET',
        path: '/api/providers/list',
        query: [
          ['pagination', pagination],
          ['pagesize', pagesize],
          ['sort_by', sortBy],
        ],
      },
      wire.providerList,
    );
  }

  /** null when the PBX says the provider does not exist; `fresh` skips the read cache. */
  async show(id: string, fresh = false): Promise<wire.ProviderWire | null> {
    const response = await this.http.send({ method: 'GET', path: '/api/providers/show', query: [['id', id]], fresh });
    if (response.status === 404 || (response.status === 400 && readPbxError(response).vendorCode === wire.ERR.notFound))
      return null;
    return this.parse(this.ok(response, 'GET', '/api/providers/show'), wire.provider);
  }

  async create(body: wire.ProviderBody): Promise<string> {
    return (await this.json({ method: 'POST', path: '/api/providers/create', ...jsonBody(body) }, wire.created)).id;
  }

  async update(body: wire.ProviderBody): Promise<void> {
    this.ok(
      await this.http.send({ method: 'POST', path: '/api/providers/update', ...jsonBody(body) }),
      'POST',
      '/api/providers/update',
    );
  }

  async destroy(id: string): Promise<void> {
    this.ok(
      await this.http.send({ method: 'POST', path: '/api/providers/destroy', ...jsonBody({ id: Number(id) }) }),
      'POST',
      '/api/providers/destroy',
    );
  }

  private async json<S extends z.ZodType>(request: UpstreamRequest, schema: S): Promise<z.infer<S>> {
    return this.parse(this.ok(await this.http.send(request), request.method, request.path), schema);
  }

  private ok(response: UpstreamResponse, method: UpstreamRequest['method'], path: string): UpstreamResponse {
    if (response.status !== 200) {
      const error = this.http.statusError(response, { method, path });
      if (error.upstream.vendorCode === wire.ERR.notFound)
        throw new VendorError(ErrorCode.NotFound, error.message, error.upstream);
      throw error;
    }
    this.token.touched();
    return response;
  }

  private parse<S extends z.ZodType>(response: UpstreamResponse, schema: S): z.infer<S> {
    return readWire(this.http, schema, parseJson(this.http, response), 'unexpected body', response.status);
  }
}

function jsonBody(body: unknown): { body: string; headers: Record<string, string> } {
  return { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } };
}
