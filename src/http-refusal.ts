/**
 * The one shape of an answer refused at the HTTP edge, before or outside GraphQL execution (401,
 * a body that is not JSON, a body too large, draining, a path that is not there, an internal
 * failure): a GraphQL-style `{"errors":[…]}` body whose error has `extensions.code` and
 * `extensions.requestId`, like every error GraphQL answers, so a client reads them alike and can
 * quote the id to operators.
 */
import type { ServerResponse } from 'node:http';
import { ErrorCode } from './errors.js';
import { REQUEST_ID_HEADER } from './request-id.js';

export interface Refusal {
  status: number;
  code: ErrorCode;
  message: string;
  /** Headers the refusal needs besides its content type (`www-authenticate`, `retry-after`, …). */
  headers?: Record<string, string>;
}

/** The path is not one the gateway serves (not echoed back: it is the caller's text). */
export const NO_SUCH_PATH: Refusal = { status: 404, code: ErrorCode.NotFound, message: 'not found' };

/**
 * Apollo's own refusals (a body without a query, a GET mutation) are answered before any plugin
 * runs: the request id goes into their errors here. Other bodies pass as they are.
 */
export function withRequestId(body: string, requestId: string): string {
  try {
    const parsed = JSON.parse(body) as { errors?: Array<{ extensions?: Record<string, unknown> }> };
    if (!Array.isArray(parsed.errors)) return body;
    for (const error of parsed.errors) error.extensions = { ...error.extensions, requestId };
    return JSON.stringify(parsed);
  } catch {
    return body;
  }
}

/**
 * Answers `refusal`. The id is the one the `x-request-id` header already carries (set on every
 * response before anything else runs), so body and header never disagree. `sent` runs once the
 * answer is flushed.
 */
export function refuse(res: ServerResponse, refusal: Refusal, sent?: () => void): void {
  const requestId = res.getHeader(REQUEST_ID_HEADER);
  const extensions = { code: refusal.code, ...(typeof requestId === 'string' ? { requestId } : {}) };
  const body = JSON.stringify({ errors: [{ message: refusal.message, extensions }] });
  // A failure after the answer began can only cut it short: its status line is already gone.
  const unanswered = !res.headersSent;
  const length = String(Buffer.byteLength(body));
  if (unanswered)
    res.writeHead(refusal.status, { 'content-type': 'application/json', 'content-length': length, ...refusal.headers });
  res.end(unanswered ? body : undefined, sent);
}
