/**
 * The last step before an error leaves the gateway:
 * - no input value is repeated where it could be a secret: GraphQL's variable-coercion messages
 *   print the whole variable (a password beside the bad field), and its literal-validation
 *   messages print the literal; both are rewritten to name the field and the rule only;
 * - a vendor's own error text is cut short and scrubbed of anything credential-like (a vendor error
 *   page may echo the request's headers); the full text, redacted, goes to the log instead;
 * - every error carries the request id, to find that log line (errorHygienePlugin).
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GatewayContext } from '../context.js';
import { VendorError } from '../errors.js';

/** Input fields whose values are secrets (schema: "Write-only"). */
export const SECRET_FIELD = /^(password|pin|secret|.*Password|.*Secret|.*Pin)$/;
const VENDOR_TEXT_MAX = 160;

const CREDENTIAL_PATTERNS: RegExp[] = [
  /\b(authorization|proxy-authorization|x-stringee-auth|access_token|cookie|set-cookie)\b\s*[:=]\s*[^\r\n,;"]*/gi,
  /\b(basic|bearer|digest)\s+[A-Za-z0-9+/=._~-]{6,}/gi,
  /\b(password|passwd|pwd|secret|token|api[-_]?key)\b\s*[:=]\s*[^\s,;&"]+/gi,
  /\/\/[^/@\s:]+:[^/@\s]+@/g,
  /\b[A-Za-z0-9+/_-]{32,}={0,2}/g,
];

/** A vendor's text with anything credential-like masked: what the log keeps. */
export function redactVendorText(text: string): string {
  let out = text;
  for (const pattern of CREDENTIAL_PATTERNS) out = out.replace(pattern, '[redacted]');
  return out;
}

/** A vendor's text as a client may see it: tags and credentials removed, whitespace folded, short. */
export function scrubVendorText(text: string): string {
  const out = redactVendorText(text.replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
  return out.length > VENDOR_TEXT_MAX ? `${out.slice(0, VENDOR_TEXT_MAX - 1)}…` : out;
}

const VARIABLE_COERCION = /^Variable "\$(\w+)" got invalid value /;
const LITERAL_TYPE = /^Expected value of type "([^"]+)", found /;
/** graphql-js's String and ID scalars refusing a literal: the message ends with the literal. */
const STRING_LITERAL = /^(String|ID) cannot represent a non[- ][^:]*value: /;

function coercionMessage(message: string, inner: string | undefined): string {
  const name = VARIABLE_COERCION.exec(message)![1]!;
  const withoutInner = inner && message.endsWith(`; ${inner}`) ? message.slice(0, -(inner.length + 2)) : message;
  const at = / at "([^"]*)"$/.exec(withoutInner)?.[1];
  const leaf =
    at
      ?.split(/[.[\]]/)
      .filter(Boolean)
      .pop() ?? name;
  const where = at ? ` at "${at}"` : '';
  if (SECRET_FIELD.test(leaf) || inner === undefined)
    return `Variable "$${name}" got an invalid value${where} (values are not repeated)`;
  return `Variable "$${name}" got an invalid value${where}; ${inner}`;
}

function literalMessage(message: string): string {
  const type = LITERAL_TYPE.exec(message)![1]!;
  // Strings may be secrets; the typed scalars' own explanations (MacAddress, Cidr, …) are kept.
  const named = type.replace(/[[\]!]/g, '');
  const reason =
    message.includes('; ') && !['String', 'ID'].includes(named)
      ? `: ${message.slice(message.indexOf('; ') + 2).replace(/; got .*$/s, '')}`
      : '';
  return `Expected value of type "${type}"${reason} (the value is not repeated)`;
}

export function hygienicError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  let message = formatted.message;
  let extensions: Record<string, unknown> = { ...formatted.extensions };
  const original = unwrapResolverError(error);
  if (VARIABLE_COERCION.test(message)) {
    const inner = (original as { originalError?: Error } | undefined)?.originalError?.message;
    message = coercionMessage(message, inner);
  } else if (LITERAL_TYPE.test(message)) {
    message = literalMessage(message);
  } else if (STRING_LITERAL.test(message)) {
    message = `${STRING_LITERAL.exec(message)![1]} cannot represent this value (the value is not repeated)`;
  }
  if (original instanceof VendorError && original.upstream.vendorMessage) {
    const full = original.upstream.vendorMessage;
    const shown = scrubVendorText(full);
    message = message.split(full).join(shown);
    extensions = { ...extensions, vendorMessage: shown };
  }
  return { ...formatted, message, extensions };
}

/**
 * The request's side of hygiene: a vendor's full text (redacted) goes to the request's log lines,
 * and every error the client gets carries the request id. First among the plugins, so that what
 * others keep of the answer (an idempotent replay) has the id too.
 */
export function errorHygienePlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            const original = unwrapResolverError(error);
            if (!(original instanceof VendorError) || !original.upstream.vendorMessage) continue;
            const { vendor, connection, httpStatus, vendorMessage } = original.upstream;
            contextValue.log.warn('vendor error', {
              vendor,
              connection,
              httpStatus,
              vendorMessage: redactVendorText(vendorMessage),
            });
          }
        },
        async willSendResponse({ response, contextValue }) {
          const body = response.body;
          const errors = body.kind === 'single' ? body.singleResult.errors : body.initialResult.errors;
          for (const error of errors ?? []) {
            (error as { extensions: Record<string, unknown> }).extensions = {
              ...error.extensions,
              requestId: contextValue.requestId,
            };
          }
        },
      };
    },
  };
}
