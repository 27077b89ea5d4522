/**
 * A 2N device's SIP accounts: read config and live status, write one account (multipart
 * `blob-json`, all or nothing on the device), and the device's identity. 2N answers HTTP 200 with
 * `{"success": false, "error": …}` for most failures; those become errors naming the bad parameter.
 */
import { FormData } from 'undici';
import { ErrorCode, VendorError } from '../../errors.js';
import { jsonErrorBody, parseJson, type Upstream, type UpstreamRequest } from '../../http/client.js';
import type { z } from 'zod';
import * as wire from './wire.js';
import { readWire } from '../shared/read-back.js';

export const readTwoNError = jsonErrorBody((json) => {
  const body = wire.failure.safeParse(json);
  return body.success
    ? { vendorCode: body.data.error.code, vendorMessage: body.data.error.description, param: body.data.error.param }
    : undefined;
});

export class TwoNClient {
  constructor(private readonly http: Upstream) {}

  async systemInfo() {
    return (await this.call({ method: 'GET', path: '/api/system/info' }, wire.systemInfo)).result;
  }

  async config(): Promise<wire.ConfigAccount[]> {
    return (await this.call({ method: 'GET', path: '/api/phone/config' }, wire.phoneConfig)).result.accounts;
  }

  async status(): Promise<wire.StatusAccount[]> {
    return (await this.call({ method: 'GET', path: '/api/phone/status' }, wire.phoneStatus)).result.accounts;
  }

  /** The device takes `blob-*` parameters only as multipart file parts. */
  async putConfig(accounts: wire.ConfigPatch[]): Promise<void> {
    const form = new FormData();
    form.append(
      'blob-json',
      new Blob([JSON.stringify({ accounts })], { type: 'application/json' }),
      'phone-config.json',
    );
    await this.call({ method: 'PUT', path: '/api/phone/config', body: form, idempotent: true }, wire.ack);
  }

  private async call<S extends z.ZodType>(request: UpstreamRequest, schema: S): Promise<z.infer<S>> {
    const response = await this.http.send(request);
    if (response.status !== 200) throw this.http.statusError(response, request);
    const body = parseJson(this.http, response);
    const failed = wire.failure.safeParse(body);
    if (failed.success) {
      const { code, param, description } = failed.data.error;
      const upstream = this.http.failure({ httpStatus: 200, vendorCode: code, vendorMessage: description, param });
      const what = param ? `${description ?? 'invalid'}: ${param}` : (description ?? `error ${code}`);
      const kind = wire.AUTH_ERROR_CODES.has(code) ? ErrorCode.VendorAuthFailed : ErrorCode.VendorRejected;
      throw new VendorError(
        kind,
        `2n connection "${this.http.connection}" refused ${request.method} ${request.path} (code ${code}): ${what}`,
        upstream,
      );
    }
    return readWire(this.http, schema, body, 'unexpected body', 200);
  }
}
