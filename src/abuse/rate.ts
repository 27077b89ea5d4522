/**
 * Per-principal token buckets: one of requests, one of vendor calls, each refilled evenly over a
 * minute up to its per-minute size. With a shared Redis the buckets live there (one Lua script per
 * take, on Redis's clock), so every replica draws on the same ones; otherwise, or while Redis is
 * unreachable, in this process's memory.
 *
 * A request is admitted when it can take one request token and the vendor-call bucket is not
 * empty; the calls it then makes are charged after it ends (their number is unknown before), so a
 * big request may overdraw the bucket and the next ones wait until it has refilled.
 */
import type { SharedRedis } from '../redis.js';

export interface BucketSpec {
  /** Tokens per minute, which is also the most a bucket holds. */
  perMinute: number;
}

type Mode = 'take' | 'check' | 'charge';

interface Outcome {
  ok: boolean;
  /** Milliseconds until the bucket holds what was asked for. */
  waitMs: number;
}

const SCRIPT = `
local cap = tonumber(ARGV[1])
local perMs = cap / 60000
local n = tonumber(ARGV[2])
local mode = ARGV[3]
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local b = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(b[1]) or cap
local at = tonumber(b[2]) or now
tokens = math.min(cap, tokens + math.max(0, now - at) * perMs)
local ok = 1
if mode == 'take' then
  if tokens >= n then tokens = tokens - n else ok = 0 end
elseif mode == 'check' then
  if tokens < n then ok = 0 end
else
  tokens = tokens - n
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], 120000)
local wait = 0
if ok == 0 then wait = math.ceil((n - tokens) / perMs) end
return {ok, wait}
`;

class MemoryBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly now: () => number) {}

  apply(key: string, spec: BucketSpec, n: number, mode: Mode): Outcome {
    const perMs = spec.perMinute / 60_000;
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: spec.perMinute, at: now };
    let tokens = Math.min(spec.perMinute, bucket.tokens + Math.max(0, now - bucket.at) * perMs);
    let ok = true;
    if (mode === 'take') {
      if (tokens >= n) tokens -= n;
      else ok = false;
    } else if (mode === 'check') ok = tokens >= n;
    else tokens -= n;
    this.buckets.set(key, { tokens, at: now });
    if (this.buckets.size > 100_000) this.buckets.delete(this.buckets.keys().next().value!);
    return { ok, waitMs: ok ? 0 : Math.ceil((n - tokens) / perMs) };
  }
}

export interface Refusal {
  limit: 'requests' | 'vendorCalls';
  retryAfterSeconds: number;
}

export interface RateLimiter {
  /** Takes one request token; a refusal says which bucket is empty and for how long. */
  admit(principal: string): Promise<Refusal | undefined>;
  /** Charges the vendor calls a finished request made. */
  charge(principal: string, calls: number): Promise<void>;
}

export function createRateLimiter(
  limits: { requestsPerMinute: number; vendorCallsPerMinute: number },
  redis?: SharedRedis,
  namespace = 'rate',
  now: () => number = Date.now,
): RateLimiter {
  const memory = new MemoryBuckets(now);
  const requests: BucketSpec = { perMinute: limits.requestsPerMinute };
  const calls: BucketSpec = { perMinute: limits.vendorCallsPerMinute };

  const apply = async (kind: string, principal: string, spec: BucketSpec, n: number, mode: Mode): Promise<Outcome> => {
    const key = `${namespace}:${kind}:${principal}`;
    if (redis?.healthy()) {
      try {
        const [ok, wait] = (await redis.client.eval(SCRIPT, 1, `${redis.prefix}${key}`, spec.perMinute, n, mode)) as [
          number,
          number,
        ];
        return { ok: ok === 1, waitMs: wait };
      } catch {
        // Redis failed mid-call: this replica limits on its own until it is back.
      }
    }
    return memory.apply(key, spec, n, mode);
  };

  return {
    async admit(principal) {
      const budget = await apply('calls', principal, calls, 1, 'check');
      if (!budget.ok) return { limit: 'vendorCalls', retryAfterSeconds: Math.max(1, Math.ceil(budget.waitMs / 1000)) };
      const request = await apply('requests', principal, requests, 1, 'take');
      if (!request.ok) return { limit: 'requests', retryAfterSeconds: Math.max(1, Math.ceil(request.waitMs / 1000)) };
      return undefined;
    },
    async charge(principal, n) {
      if (n > 0) await apply('calls', principal, calls, n, 'charge');
    },
  };
}
