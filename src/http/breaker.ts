/**
 * A circuit breaker per vendor connection. Closed: calls go out and failures (no answer, or a
 * 5xx after retries) are counted in a sliding window. Open: after `failureThreshold` of them within
 * `windowMs`, calls fail at once without touching the vendor. Half-open: after `openMs` one probe
 * goes out; its success closes the breaker, its failure opens it again.
 */
import { BREAKER_DEFAULTS, type BreakerSettings } from './config.js';

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface BreakerSnapshot {
  state: BreakerState;
  /** Failures counted in the current window. */
  recentFailures: number;
  /** How many times it has opened since start. */
  timesOpened: number;
  /** When it will let a probe through (epoch ms), while open. */
  probeAt?: number;
}

export class CircuitBreaker {
  private state: BreakerState = 'closed';
  private failures: number[] = [];
  private openedAt = 0;
  private probeInFlight = false;
  private timesOpened = 0;

  constructor(
    private readonly settings: BreakerSettings = BREAKER_DEFAULTS,
    private readonly now: () => number = Date.now,
    /** Told of every change of state, so metrics and /readyz never poll. */
    private readonly onChange: (state: BreakerState) => void = () => {},
  ) {}

  /** Whether a call may go out now. In half-open only one probe may; every `true` needs a `record`. */
  tryAcquire(): boolean {
    if (this.state === 'open') {
      if (this.now() - this.openedAt < this.settings.openMs) return false;
      this.state = 'half-open';
      this.probeInFlight = false;
      this.onChange(this.state);
    }
    if (this.state === 'half-open') {
      if (this.probeInFlight) return false;
      this.probeInFlight = true;
    }
    return true;
  }

  /** The outcome of a call `tryAcquire` let through; `neutral` for outcomes that say nothing of the vendor's health. */
  record(outcome: 'success' | 'failure' | 'neutral'): void {
    const probing = this.state === 'half-open';
    if (probing) this.probeInFlight = false;
    if (outcome === 'success') {
      if (probing) this.close();
      return;
    }
    if (outcome === 'neutral') return;
    if (probing) {
      this.open();
      return;
    }
    const now = this.now();
    this.failures = this.failures.filter((at) => now - at < this.settings.windowMs);
    this.failures.push(now);
    if (this.state === 'closed' && this.failures.length >= this.settings.failureThreshold) this.open();
  }

  /** Milliseconds until a probe may go out (0 unless open). */
  retryAfterMs(): number {
    return this.state === 'open' ? Math.max(0, this.openedAt + this.settings.openMs - this.now()) : 0;
  }

  snapshot(): BreakerSnapshot {
    const now = this.now();
    const recentFailures = this.failures.filter((at) => now - at < this.settings.windowMs).length;
    const snapshot: BreakerSnapshot = { state: this.state, recentFailures, timesOpened: this.timesOpened };
    if (this.state === 'open') snapshot.probeAt = this.openedAt + this.settings.openMs;
    return snapshot;
  }

  private open(): void {
    this.state = 'open';
    this.openedAt = this.now();
    this.timesOpened += 1;
    this.failures = [];
    this.onChange(this.state);
  }

  private close(): void {
    this.state = 'closed';
    this.failures = [];
    this.onChange(this.state);
  }
}
