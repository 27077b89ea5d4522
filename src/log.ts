/**
 * Structured JSON logs through pino, on stderr. Anything that looks like a secret is masked before
 * it is written, whatever the caller passed: credentials must never reach a log line. Every line
 * written for a request carries that request's id: the context's logger (`ctx.log`) is a child
 * bound to it, and the upstream client adds the id of the request each call serves.
 */
import { pino, stdTimeFunctions, type DestinationStream } from 'pino';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

const SECRET_KEY = /pass(word)?|secret|token|authorization|api[-_]?key|x-stringee-auth|cookie|pin/i;
const MASK = '[redacted]';

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

/** Masks values under secret-looking keys and credentials embedded in URLs, recursively. */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6) return '[deep]';
  if (typeof value === 'string') return value.replace(/\/\/([^/@\s:]+):([^/@\s]+)@/g, `//$1:${MASK}@`);
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  if (value instanceof Error) return { name: value.name, message: redact(value.message, depth + 1) };
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      out[key] = SECRET_KEY.test(key) ? MASK : redact(inner, depth + 1);
    }
    return out;
  }
  return value;
}

type PinoLogger = pino.Logger<never, boolean>;

function wrap(inner: PinoLogger): Logger {
  return {
    debug: (msg, fields) => inner.debug(fields ?? {}, msg),
    info: (msg, fields) => inner.info(fields ?? {}, msg),
    warn: (msg, fields) => inner.warn(fields ?? {}, msg),
    error: (msg, fields) => inner.error(fields ?? {}, msg),
    child: (fields) => wrap(inner.child(redact(fields) as Record<string, unknown>)),
  };
}

/**
 * `logger` with `fields` on every line, like `logger.child(fields)` but without making a pino
 * child: one per request would cost more than the line or two a request writes.
 */
export function withFields(logger: Logger, fields: Record<string, unknown>): Logger {
  return {
    debug: (msg, extra) => logger.debug(msg, { ...fields, ...extra }),
    info: (msg, extra) => logger.info(msg, { ...fields, ...extra }),
    warn: (msg, extra) => logger.warn(msg, { ...fields, ...extra }),
    error: (msg, extra) => logger.error(msg, { ...fields, ...extra }),
    child: (more) => logger.child({ ...fields, ...more }),
  };
}

/**
 * `write` replaces stderr (tests read the lines). Level names, not numbers, and ISO times: the
 * lines are read by people as often as by collectors.
 */
export function createLogger(
  level: LogLevel = 'info',
  base: Record<string, unknown> = {},
  write?: (line: string) => void,
): Logger {
  const destination: DestinationStream = write
    ? { write: (line: string) => write(line.endsWith('\n') ? line.slice(0, -1) : line) }
    : pino.destination({ dest: 2, sync: true });
  const logger = pino(
    {
      level,
      base,
      messageKey: 'msg',
      timestamp: stdTimeFunctions.isoTime,
      // redact() already turned errors into {name, message}: no stack traces of vendor internals.
      serializers: { err: (value: unknown) => value },
      formatters: {
        level: (label) => ({ level: label }),
        bindings: (bindings) => redact(bindings) as Record<string, unknown>,
        log: (fields) => redact(fields) as Record<string, unknown>,
      },
    },
    destination,
  );
  return wrap(logger);
}

export const silentLogger: Logger = createLogger('silent');
