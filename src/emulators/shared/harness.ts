/**
 * The common body of every vendor emulator: a real HTTP server on loopback that records each
 * request it serves (so tests can count upstream calls and rounds) and can be told to misbehave.
 *
 * Emulators are written from the vendor docs, never from the gateway's adapters: nothing in
 * src/emulators may import from src/vendors (or the reverse).
 */
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

export interface EmulatorRequest {
  method: string;
  /** Path without the query string, percent-decoding left to the route. */
  path: string;
  /** The request target exactly as it arrived: path and raw query string. */
  target: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
  /** Body as UTF-8 text. */
  text(): string;
  /** Body parsed as JSON; throws SyntaxError on bad JSON. */
  json(): unknown;
  /** Body parsed as application/x-www-form-urlencoded. */
  form(): URLSearchParams;
}

export interface EmulatorResponse {
  status: number;
  headers?: Record<string, string>;
  /** A string or Buffer is sent as is; anything else is JSON-encoded. undefined sends no body. */
  body?: unknown;
}

export type Handler = (req: EmulatorRequest) => EmulatorResponse | Promise<EmulatorResponse>;

export interface RecordedRequest {
  method: string;
  path: string;
  query: string;
  headers: IncomingHttpHeaders;
  body: string;
  status: number;
  /** Milliseconds on a monotonic clock (performance.now of this process) when the request arrived / was answered. */
  startedAt: number;
  finishedAt: number;
}

/**
 * - status: answer `status` without handling the request.
 * - reset: close the socket without answering; with `afterApply`, only after handling it.
 * - malformed: handle the request, answer a garbled body.
 * - latency: wait `latencyMs`, then handle and answer.
 * - hang: never answer nor handle; the socket stays open until the client gives up.
 * - trickle: handle the request, then send the body `chunkBytes` at a time every `intervalMs`.
 */
export type FaultKind = 'status' | 'reset' | 'malformed' | 'latency' | 'hang' | 'trickle';

export interface Fault {
  kind: FaultKind;
  /** HTTP status for kind 'status' (default 503). */
  status?: number;
  /** Extra delay for kind 'latency'. */
  latencyMs?: number;
  /** For kind 'reset': apply the request first, then drop the connection (the answer is lost). */
  afterApply?: boolean;
  /** For kind 'trickle': pause between pieces (default 50) and piece size (default 1 byte). */
  intervalMs?: number;
  chunkBytes?: number;
  /** For kind 'status': a `Retry-After` header to send, in seconds. */
  retryAfterSeconds?: number;
  /** Only requests whose path starts with this (and method equals, if given) are affected. */
  pathPrefix?: string;
  method?: string;
  /** Only requests whose raw query string contains this (e.g. `action=add_alias`). */
  queryIncludes?: string;
  /** How many matching requests this fault hits before it is spent; default: every one. */
  times?: number;
}

export interface RequestHold {
  /** How many requests it has held so far. */
  held(): number;
  /** Resolves once `count` requests have been held. */
  arrived(count?: number): Promise<void>;
  /** Lets every held request (and later ones) through. */
  release(): void;
}

interface ArmedFault extends Fault {
  remaining: number;
}

/** Paths under this prefix steer the emulator itself; they are never recorded. */
export const CONTROL_PREFIX = '/__emulator';

export class EmulatorServer {
  readonly name: string;
  readonly requests: RecordedRequest[] = [];
  /** Latency added to every request, to make upstream round trips visible. */
  latencyMs = 0;
  private faults: ArmedFault[] = [];
  private holds: Array<{
    method: string;
    pathPrefix: string;
    /** Only this very path, not the ones below it. */
    exact?: boolean;
    held: number;
    gate: Promise<void>;
    waiters: Array<{ count: number; resolve: () => void }>;
  }> = [];
  private inFlight = 0;
  /** The most requests handled at once since start or the last `resetPeak()`. */
  peakInFlight = 0;
  private idleWaiters: Array<() => void> = [];
  private intercepts: Array<{
    method: string;
    pathPrefix: string;
    nth: number;
    seen: number;
    action: () => Promise<void>;
  }> = [];
  private server: Server | undefined;
  private baseUrlValue: string | undefined;
  private readonly handler: Handler;

  constructor(name: string, handler: Handler) {
    this.name = name;
    this.handler = handler;
  }

  get baseUrl(): string {
    if (!this.baseUrlValue) throw new Error(`emulator ${this.name} is not started`);
    return this.baseUrlValue;
  }

  async start(port = 0, host = '127.0.0.1'): Promise<string> {
    const server = createServer((req, res) => {
      this.inFlight += 1;
      if (this.inFlight > this.peakInFlight) this.peakInFlight = this.inFlight;
      this.serve(req, res)
        .catch((error: unknown) => {
          // A failing intercept or an unreadable body must still answer, not leave the client hanging.
          if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
          res.end(`emulator ${this.name} failed: ${String(error)}`);
        })
        .finally(() => this.settled());
    });
    server.keepAliveTimeout = 30_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    this.server = server;
    const address = server.address() as AddressInfo;
    this.baseUrlValue = `http://${host}:${address.port}`;
    return this.baseUrlValue;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Requests being handled right now. */
  get inProgress(): number {
    return this.inFlight;
  }

  /** Starts measuring the peak of concurrent requests afresh. */
  resetPeak(): void {
    this.peakInFlight = this.inFlight;
  }

  /** Resolves when no request is being handled: a delayed write has landed (or been dropped) by then. */
  idle(): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private settled(): void {
    this.inFlight -= 1;
    if (this.inFlight > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  injectFault(fault: Fault): void {
    this.faults.push({ ...fault, remaining: fault.times ?? Number.POSITIVE_INFINITY });
  }

  /** Disarms every fault and every pending intercept. */
  clearFaults(): void {
    this.faults = [];
    this.intercepts = [];
  }

  /**
   * Runs `action` once, just before the `nth` (1-based) matching request is handled: how a test
   * makes "someone else changed it" happen at an exact point of a gateway's read-modify-write.
   */
  interceptOnce(match: { method: string; pathPrefix: string; nth?: number }, action: () => Promise<void>): void {
    this.intercepts.push({ method: match.method, pathPrefix: match.pathPrefix, nth: match.nth ?? 1, seen: 0, action });
  }

  /**
   * Holds every matching request (before it is handled or recorded) until `release()`: how a test
   * keeps a gateway's call in flight at an exact step, to signal or kill the gateway meanwhile.
   */
  hold(match: { method: string; pathPrefix: string; exact?: boolean }): RequestHold {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const waiters: Array<{ count: number; resolve: () => void }> = [];
    const hold = { ...match, held: 0, gate, waiters };
    this.holds.push(hold);
    return {
      held: () => hold.held,
      arrived: (count = 1) =>
        new Promise<void>((resolve) => (hold.held >= count ? resolve() : waiters.push({ count, resolve }))),
      release: () => {
        this.holds = this.holds.filter((h) => h !== hold);
        release();
      },
    };
  }

  clearLog(): void {
    this.requests.length = 0;
  }

  /** Requests recorded since `mark` (an index from `this.requests.length`). */
  since(mark: number): RecordedRequest[] {
    return this.requests.slice(mark);
  }

  private async runIntercepts(method: string, path: string): Promise<void> {
    for (const entry of [...this.intercepts]) {
      if (entry.method !== method || !path.startsWith(entry.pathPrefix)) continue;
      entry.seen += 1;
      if (entry.seen !== entry.nth) continue;
      this.intercepts = this.intercepts.filter((e) => e !== entry);
      await entry.action();
    }
  }

  private takeFaults(method: string, path: string, query: string): ArmedFault[] {
    const hit: ArmedFault[] = [];
    for (const fault of this.faults) {
      if (fault.remaining <= 0) continue;
      if (fault.method && fault.method !== method) continue;
      if (fault.pathPrefix && !path.startsWith(fault.pathPrefix)) continue;
      if (fault.queryIncludes && !query.includes(fault.queryIncludes)) continue;
      fault.remaining -= 1;
      hit.push(fault);
    }
    this.faults = this.faults.filter((f) => f.remaining > 0);
    return hit;
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const startedAt = performance.now();
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const rawBody = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', 'http://emulator.invalid');
    const method = req.method ?? 'GET';

    if (url.pathname.startsWith(CONTROL_PREFIX)) {
      this.control(method, url, rawBody, res);
      return;
    }

    await this.runIntercepts(method, url.pathname);
    const held = (h: { method: string; pathPrefix: string; exact?: boolean }): boolean =>
      h.method === method && (h.exact ? url.pathname === h.pathPrefix : url.pathname.startsWith(h.pathPrefix));
    for (const hold of this.holds.filter(held)) {
      hold.held += 1;
      for (const waiter of hold.waiters.filter((w) => hold.held >= w.count)) waiter.resolve();
      await hold.gate;
    }
    const faults = this.takeFaults(method, url.pathname, url.search);
    const extraLatency = faults.reduce((sum, f) => sum + (f.kind === 'latency' ? (f.latencyMs ?? 0) : 0), 0);
    const delay = this.latencyMs + extraLatency;
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));

    const record = (status: number): void => {
      this.requests.push({
        method,
        path: url.pathname,
        query: url.search.replace(/^\?/, ''),
        headers: req.headers,
        body: rawBody.toString('utf8'),
        status,
        startedAt,
        finishedAt: performance.now(),
      });
    };

    if (faults.some((f) => f.kind === 'hang')) {
      await new Promise((resolve) => req.socket.once('close', resolve));
      record(0);
      return;
    }
    if (faults.some((f) => f.kind === 'reset' && !f.afterApply)) {
      record(0);
      req.socket.destroy();
      return;
    }
    const statusFault = faults.find((f) => f.kind === 'status');
    if (statusFault) {
      const status = statusFault.status ?? 503;
      record(status);
      const retryAfter =
        statusFault.retryAfterSeconds === undefined ? {} : { 'retry-after': String(statusFault.retryAfterSeconds) };
      res.writeHead(status, { 'content-type': 'text/plain', ...retryAfter }).end(`emulated fault: HTTP ${status}`);
      return;
    }

    let response: EmulatorResponse;
    try {
      response = await this.handler({
        method,
        path: url.pathname,
        target: req.url ?? '/',
        query: url.searchParams,
        headers: req.headers,
        rawBody,
        text: () => rawBody.toString('utf8'),
        json: () => JSON.parse(rawBody.toString('utf8')) as unknown,
        form: () => new URLSearchParams(rawBody.toString('utf8')),
      });
    } catch (error) {
      response = {
        status: 500,
        headers: { 'content-type': 'text/plain' },
        body: `emulator ${this.name} failed: ${String(error)}`,
      };
    }

    const headers: Record<string, string> = { ...response.headers };
    let body: Buffer | undefined;
    if (response.body === undefined) body = undefined;
    else if (Buffer.isBuffer(response.body)) body = response.body;
    else if (typeof response.body === 'string') body = Buffer.from(response.body, 'utf8');
    else {
      body = Buffer.from(JSON.stringify(response.body), 'utf8');
      headers['content-type'] ??= 'application/json';
    }
    if (faults.some((f) => f.kind === 'malformed')) {
      // A body cut in half and garbled: what a proxy error page or a crashed worker looks like.
      const text = (body ?? Buffer.from('{"ok":true}')).toString('utf8');
      body = Buffer.from(`${text.slice(0, Math.max(1, Math.floor(text.length / 2)))}\u0000<html>`, 'utf8');
    }
    if (faults.some((f) => f.kind === 'reset' && f.afterApply)) {
      record(0);
      req.socket.destroy();
      return;
    }
    record(response.status);
    if (body) headers['content-length'] = String(body.length);
    res.writeHead(response.status, headers);
    const trickle = faults.find((f) => f.kind === 'trickle');
    if (trickle && body) {
      await this.trickle(res, body, trickle.intervalMs ?? 50, trickle.chunkBytes ?? 1);
      return;
    }
    res.end(body);
  }

  /** Sends `body` a piece at a time until it is all out or the client has gone. */
  private async trickle(res: ServerResponse, body: Buffer, intervalMs: number, chunkBytes: number): Promise<void> {
    res.flushHeaders();
    for (let offset = 0; offset < body.length; offset += chunkBytes) {
      if (res.destroyed) return;
      res.write(body.subarray(offset, offset + chunkBytes));
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
    res.end();
  }

  /** `POST /__emulator/faults` (JSON Fault), `DELETE /__emulator/faults`, `GET /__emulator/requests`, `DELETE /__emulator/requests`, `POST /__emulator/latency?ms=N`. */
  private control(method: string, url: URL, body: Buffer, res: ServerResponse): void {
    const what = url.pathname.slice(CONTROL_PREFIX.length);
    const send = (status: number, payload: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
    };
    try {
      if (what === '/faults' && method === 'POST') {
        this.injectFault(JSON.parse(body.toString('utf8')) as Fault);
        send(200, { ok: true });
      } else if (what === '/faults' && method === 'DELETE') {
        this.clearFaults();
        send(200, { ok: true });
      } else if (what === '/requests' && method === 'GET') {
        send(
          200,
          this.requests.map(({ headers: _headers, ...rest }) => rest),
        );
      } else if (what === '/requests' && method === 'DELETE') {
        this.clearLog();
        send(200, { ok: true });
      } else if (what === '/latency' && method === 'POST') {
        this.latencyMs = Number(url.searchParams.get('ms') ?? 0);
        send(200, { ok: true, latencyMs: this.latencyMs });
      } else send(404, { error: 'unknown control path' });
    } catch (error) {
      send(400, { error: String(error) });
    }
  }
}

/**
 * Upstream rounds: calls grouped by when they started. With every emulator adding `latencyMs`, a
 * call that depends on an earlier one starts at least `latencyMs` after it; calls that go out
 * together start within a fraction of that.
 */
export function countRounds(calls: RecordedRequest[], latencyMs: number): number {
  const starts = calls.map((c) => c.startedAt).sort((a, b) => a - b);
  let rounds = 0;
  let roundStart = Number.NEGATIVE_INFINITY;
  for (const start of starts) {
    if (start - roundStart >= latencyMs / 2) {
      rounds += 1;
      roundStart = start;
    }
  }
  return rounds;
}

/** A tiny path router: patterns like `/sip/domains/:domainId/users/:userId`. */
export interface Route {
  method: string;
  pattern: string;
  handle: (req: EmulatorRequest, params: Record<string, string>) => EmulatorResponse | Promise<EmulatorResponse>;
}

export function router(routes: Route[], notFound: Handler, methodNotAllowed?: Handler): Handler {
  const compiled = routes.map((route) => {
    const names: string[] = [];
    const source = route.pattern
      .split('/')
      .map((part) => {
        if (part.startsWith(':')) {
          names.push(part.slice(1));
          return '([^/]+)';
        }
        return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      })
      .join('/');
    return { route, names, regex: new RegExp(`^${source}/?$`) };
  });
  return (req) => {
    let pathMatched = false;
    for (const { route, names, regex } of compiled) {
      const match = regex.exec(req.path);
      if (!match) continue;
      pathMatched = true;
      if (route.method !== req.method) continue;
      const params: Record<string, string> = {};
      try {
        names.forEach((name, i) => {
          params[name] = decodeURIComponent(match[i + 1] ?? '');
        });
      } catch {
        return notFound(req);
      }
      return route.handle(req, params);
    }
    if (pathMatched && methodNotAllowed) return methodNotAllowed(req);
    return notFound(req);
  };
}
