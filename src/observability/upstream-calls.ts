/**
 * Which vendor call an undici request is, read from undici's own diagnostics channels, so the
 * upstream client needs no metrics or tracing code. A request is matched to a configured
 * connection by origin and base path; its path becomes a route template (ids, names with digits,
 * MACs, e-mail-like segments replaced by `:id`) so labels and span names stay few.
 */
import diagnostics from 'node:diagnostics_channel';
import { upstreamDuration, upstreamRequests } from './metrics.js';

export interface UpstreamTarget {
  vendor: string;
  connection: string;
  baseUrl: string;
}

export interface UpstreamCall {
  vendor: string;
  connection: string;
  method: string;
  /** The path below the connection's base URL, dynamic segments as `:id`. */
  route: string;
}

interface Registered extends UpstreamTarget {
  origin: string;
  basePath: string;
}

const targets = new Set<Registered>();

const DYNAMIC_SEGMENT = /\d|@|%|^[0-9a-f]{2}([:-][0-9a-f]{2}){5}$|^.{33,}$/i;
const API_VERSION = /^v\d{1,2}$/;
const MAX_ROUTES_PER_CONNECTION = 100;
const routesSeen = new Map<string, Set<string>>();

export function routeTemplate(path: string): string {
  const bare = path.split('?')[0] ?? '';
  const dynamic = (segment: string): boolean => DYNAMIC_SEGMENT.test(segment) && !API_VERSION.test(segment);
  return (
    bare
      .split('/')
      .map((segment) => (dynamic(segment) ? ':id' : segment))
      .join('/') || '/'
  );
}

function boundedRoute(connection: string, route: string): string {
  let seen = routesSeen.get(connection);
  if (!seen) routesSeen.set(connection, (seen = new Set()));
  if (seen.has(route)) return route;
  if (seen.size >= MAX_ROUTES_PER_CONNECTION) return ':other';
  seen.add(route);
  return route;
}

/**
 * Calls already identified, by origin, method and path without its query: the same few calls come
 * again and again, and templating a path costs more than looking it up. Emptied when the targets
 * change, and when it grows past its bound (paths carry ids).
 */
const identified = new Map<string, UpstreamCall | null>();
const MAX_IDENTIFIED = 2_000;

function identifyTarget(origin: string, method: string, path: string): UpstreamCall | undefined {
  let best: Registered | undefined;
  for (const target of targets) {
    if (target.origin !== origin || !path.startsWith(target.basePath)) continue;
    if (!best || target.basePath.length > best.basePath.length) best = target;
  }
  if (!best) return undefined;
  const route = boundedRoute(best.connection, routeTemplate(path.slice(best.basePath.length)));
  return { vendor: best.vendor, connection: best.connection, method, route };
}

/** The configured connection an undici request goes to, if any: the longest base path wins. */
export function identifyCall(origin: string, method: string, path: string): UpstreamCall | undefined {
  const query = path.indexOf('?');
  // A base path never holds a query: the path without it matches the same target and template.
  const bare = query < 0 ? path : path.slice(0, query);
  const key = `${method} ${origin}${bare}`;
  const known = identified.get(key);
  if (known !== undefined) return known ?? undefined;
  const call = identifyTarget(origin, method, bare);
  if (identified.size >= MAX_IDENTIFIED) identified.clear();
  identified.set(key, call ?? null);
  return call;
}

/** Makes calls to these connections known to metrics and traces; returns the undo. */
export function registerUpstreamTargets(list: UpstreamTarget[]): () => void {
  const added = list.map((target) => {
    const url = new URL(target.baseUrl);
    const registered: Registered = { ...target, origin: url.origin, basePath: url.pathname.replace(/\/+$/, '') };
    targets.add(registered);
    return registered;
  });
  identified.clear();
  return () => {
    added.forEach((target) => targets.delete(target));
    identified.clear();
  };
}

interface UndiciRequest {
  origin?: string | URL;
  method: string;
  path: string;
}

type CallLabels = { vendor: string; connection: string; operation: string; status: string };

/** Each identified call's label sets by status, built once: the metrics are fed on every call. */
const labelsOf = new WeakMap<UpstreamCall, Map<string, CallLabels>>();

function callLabels(call: UpstreamCall, status: string): CallLabels {
  let byStatus = labelsOf.get(call);
  if (!byStatus) labelsOf.set(call, (byStatus = new Map()));
  let labels = byStatus.get(status);
  if (!labels) {
    labels = { vendor: call.vendor, connection: call.connection, operation: `${call.method} ${call.route}`, status };
    byStatus.set(status, labels);
  }
  return labels;
}

const inFlight = new WeakMap<UndiciRequest, { call: UpstreamCall; started: number }>();

function finish(request: UndiciRequest, status: string): void {
  const entry = inFlight.get(request);
  if (!entry) return;
  inFlight.delete(request);
  const labels = callLabels(entry.call, status);
  upstreamRequests.inc(labels);
  upstreamDuration.observe(labels, (performance.now() - entry.started) / 1000);
}

/** Origins as undici gives them (a string, sometimes a URL), normalised once each. */
const origins = new Map<string, string>();

function originOf(origin: string | URL | undefined): string {
  const given = String(origin);
  let normalised = origins.get(given);
  if (normalised === undefined) {
    try {
      normalised = new URL(given).origin;
    } catch {
      normalised = '';
    }
    if (origins.size >= MAX_IDENTIFIED) origins.clear();
    origins.set(given, normalised);
  }
  return normalised;
}

let subscribed = false;

/** Counts and times every vendor call, once per process. */
export function watchUpstreamCalls(): void {
  if (subscribed) return;
  subscribed = true;
  diagnostics.subscribe('undici:request:create', (message) => {
    const { request } = message as { request: UndiciRequest };
    const call = identifyCall(originOf(request.origin), request.method, request.path);
    if (call) inFlight.set(request, { call, started: performance.now() });
  });
  diagnostics.subscribe('undici:request:headers', (message) => {
    const { request, response } = message as { request: UndiciRequest; response: { statusCode: number } };
    finish(request, String(response.statusCode));
  });
  diagnostics.subscribe('undici:request:error', (message) => {
    finish((message as { request: UndiciRequest }).request, 'error');
  });
}
