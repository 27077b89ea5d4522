/**
 * The REST API JWT as WIRE-NOTES.md confirms it: HS256 with the API key secret, issued by the key
 * SID, header `cty` = `stringee-api;v=1`, claim `rest_api: true`, and an `exp` that has not passed.
 * Verified for real with jose, so a gateway that mints it wrongly is refused.
 */
import { jwtVerify, type JWTVerifyResult } from 'jose';
import type { EmulatorRequest } from '../shared/harness.js';
import { StringeeError } from './results.js';

export interface ApiKey {
  sid: string;
  secret: string;
}

const REST_API_CONTENT_TYPE = 'stringee-api;v=1';

/** The `X-STRINGEE-AUTH` header, or else the `access_token` query parameter. */
function presentedToken(req: EmulatorRequest): string | undefined {
  const header = req.headers['x-stringee-auth'];
  const fromHeader = Array.isArray(header) ? header[0] : header;
  return fromHeader || req.query.get('access_token') || undefined;
}

async function verifySignatureAndClaims(token: string, secret: Uint8Array, issuer: string): Promise<JWTVerifyResult> {
  try {
    return await jwtVerify(token, secret, { algorithms: ['HS256'], issuer, requiredClaims: ['exp'] });
  } catch (error) {
    throw new StringeeError('badToken', `invalid token: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** A check that throws a `badToken` StringeeError unless the request carries a valid REST token. */
export function restTokenCheck(apiKey: ApiKey): (req: EmulatorRequest) => Promise<void> {
  const secret = new TextEncoder().encode(apiKey.secret);
  return async (req) => {
    const token = presentedToken(req);
    if (!token) throw new StringeeError('badToken', 'missing token: send a JWT in X-STRINGEE-AUTH');
    const { payload, protectedHeader } = await verifySignatureAndClaims(token, secret, apiKey.sid);
    if (protectedHeader.cty !== REST_API_CONTENT_TYPE)
      throw new StringeeError('badToken', `invalid token: header cty must be ${REST_API_CONTENT_TYPE}`);
    if (payload.rest_api !== true)
      throw new StringeeError('badToken', 'invalid token: not a REST API token (rest_api must be true)');
  };
}
