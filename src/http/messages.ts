/**
 * What an adapter hands the upstream client and gets back, and how a vendor's error body is read:
 * the shapes every vendor folder uses, apart from the client that sends them.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { FormData } from 'undici';
import type { UpstreamFailure } from '../errors.js';
import type { QueryParams } from './encoding.js';
import type { SentRequest } from './failures.js';

export interface UpstreamRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  query?: QueryParams;
  headers?: Record<string, string>;
  body?: string | FormData;
  /** Safe to send twice; GET always is, unless marked false (a write that the vendor takes as a GET). */
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
  /** The request this answered; an unreadable answer to a write is OUTCOME_UNKNOWN. */
  request?: SentRequest;
}

export interface PreparedRequest extends UpstreamRequest {
  /** Path plus encoded query string, as sent on the request line. */
  target: string;
}

/** Pulls the vendor's code and message out of an error body; each vendor knows its own shape. */
export type ErrorBodyReader = (
  response: UpstreamResponse,
) => Pick<UpstreamFailure, 'vendorCode' | 'vendorMessage' | 'param'>;

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
