/**
 * The id that ties one request's log lines, metrics exemplars and vendor calls together. A caller
 * (a load balancer, another service) may bring its own in `x-request-id`; it is only taken when it
 * is short and made of safe characters, because it is written into every log line and echoed back.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';
const SAFE_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

export function requestIdFrom(headers: IncomingHttpHeaders): string {
  const given = headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && SAFE_REQUEST_ID.test(given) ? given : randomUUID();
}
