/**
 * Stringee's four SIP phone operations, and the REST JWT the gateway mints for them: HS256 with the
 * API key secret, `cty: stringee-api;v=1`, reused until a minute before it expires. The token is
 * never logged (the logger masks the header) nor returned.
 */
import { pathSegment } from '../../url-path.js';
import { SignJWT } from 'jose';
import { ErrorCode, VendorError } from '../../errors.js';
import { jsonErrorBody, parseJson, type Upstream } from '../../http/client.js';
import type { z } from 'zod';
import * as wire from './wire.js';
import { readWire } from '../shared/read-back.js';

const RENEW_BEFORE_EXPIRY_S = 60;

export interface StringeeCredentials {
  apiKeySid: string;
  apiKeySecret: string;
  tokenTtlSeconds: number;
}

export class StringeeToken {
  private cached: { token: string; expiresAt: number } | undefined;
  private readonly secret: Uint8Array;

  constructor(
    private readonly credentials: StringeeCredentials,
    private readonly now: () => number = () => Math.floor(Date.now() / 1000),
  ) {
    this.secret = new TextEncoder().encode(credentials.apiKeySecret);
  }

  async current(): Promise<string> {
    const now = this.now();
    if (this.cached && this.cached.expiresAt - RENEW_BEFORE_EXPIRY_S > now) return this.cached.token;
    const expiresAt = now + this.credentials.tokenTtlSeconds;
    const token = await new SignJWT({ rest_api: true })
      .setProtectedHeader({ typ: 'JWT', alg: 'HS256', cty: 'stringee-api;v=1' })
      .setJti(`${this.credentials.apiKeySid}-${now}`)
      .setIssuer(this.credentials.apiKeySid)
      .setExpirationTime(expiresAt)
      .sign(this.secret);
    this.cached = { token, expiresAt };
    return token;
  }

  invalidate(): void {
    this.cached = undefined;
  }
}

export const readStringeeError = jsonErrorBody((json) => {
  const body = wire.envelope.safeParse(json);
  return body.success ? { vendorCode: body.data.r, vendorMessage: body.data.message ?? undefined } : undefined;
});

export class StringeeClient {
  constructor(private readonly http: Upstream) {}

  async listPhones(): Promise<{ phones: wire.SipPhone[]; total: number }> {
    const body = await this.call({ method: 'GET', path: '/v1/sipphone' }, wire.phoneList);
    return { phones: body.data.sipphones, total: body.data.total };
  }

  async createPhone(username: string, password: string): Promise<string | undefined> {
    const body = await this.call(
      { method: 'POST', path: '/v1/sipphone', body: JSON.stringify({ username, password }) },
      wire.createdPhone,
    );
    return body.sipusername;
  }

  async updatePhone(username: string, password: string, extension?: number): Promise<void> {
    await this.call(
      {
        method: 'PUT',
        path: `/v1/sipphone/${pathSegment(username)}`,
        body: JSON.stringify({ password, extension }),
        idempotent: true,
      },
      wire.envelope,
    );
  }

  async deletePhone(username: string): Promise<void> {
    await this.call({ method: 'DELETE', path: `/v1/sipphone/${pathSegment(username)}` }, wire.envelope);
  }

  /** Sends, insists on HTTP 200 and `r == 0`; any other `r` is a typed error carrying it. */
  private async call<S extends z.ZodType<{ r: number; message?: string | null }>>(
    request: { method: 'GET' | 'POST' | 'PUT' | 'DELETE'; path: string; body?: string; idempotent?: boolean },
    schema: S,
  ): Promise<z.infer<S>> {
    const response = await this.http.expect(
      { ...request, headers: request.body ? { 'content-type': 'application/json' } : {} },
      200,
    );
    const body = readWire(this.http, schema, parseJson(this.http, response), 'unexpected body', 200);
    const { r, message } = body;
    if (r !== wire.RESULT.ok) {
      const failure = this.http.failure({ httpStatus: 200, vendorCode: r, vendorMessage: message ?? undefined });
      throw new VendorError(
        refusalCode(r, message),
        `stringee connection "${this.http.connection}": ${message ?? `result code ${r}`}`,
        failure,
      );
    }
    return body;
  }
}

/**
 * Stringee publishes no result codes (WIRE-NOTES.md: "the codes for bad token, duplicate username,
 * not found are not public"), so a code alone never makes a specific error: NOT_FOUND and
 * VENDOR_AUTH_FAILED need our table's code AND a message that says so. Anything else, a duplicate
 * username included, is VENDOR_REJECTED; every one carries `vendorCode` and `vendorMessage`.
 */
export function refusalCode(r: number, message: string | null | undefined): ErrorCode {
  const text = message ?? '';
  if (r === wire.RESULT.notFound && /not (be )?found/i.test(text)) return ErrorCode.NotFound;
  if (r === wire.RESULT.badToken && /token|auth/i.test(text)) return ErrorCode.VendorAuthFailed;
  return ErrorCode.VendorRejected;
}
