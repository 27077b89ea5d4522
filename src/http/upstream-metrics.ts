/**
 * What the upstream client's sharing and queueing do, in the process's Prometheus registry: reads
 * answered by another request's call (inflight.ts), how long calls waited for a slot on their
 * connection (fair-queue.ts), and how many wait or hold one at a scrape.
 */
import { Counter, Gauge, Histogram } from 'prom-client';
import { registry } from '../observability/metrics.js';

interface QueueView {
  readonly connection: string;
  readonly size: number;
  readonly active: number;
}

const queues = new Set<QueueView>();

const queueWait = new Histogram({
  name: 'sipgraph_upstream_queue_wait_seconds',
  help: 'Time a vendor call waited for a free slot on its connection (maxConcurrency), per connection.',
  labelNames: ['connection'] as const,
  buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [registry],
});

new Gauge({
  name: 'sipgraph_upstream_queued_calls',
  help: 'Vendor calls waiting for a free slot on their connection, at scrape time.',
  labelNames: ['connection'] as const,
  registers: [registry],
  collect() {
    this.reset();
    for (const queue of queues) this.inc({ connection: queue.connection }, queue.size);
  },
});

new Gauge({
  name: 'sipgraph_upstream_calls_in_flight',
  help: 'Vendor calls holding a slot on their connection, at scrape time.',
  labelNames: ['connection'] as const,
  registers: [registry],
  collect() {
    this.reset();
    for (const queue of queues) this.inc({ connection: queue.connection }, queue.active);
  },
});

export const sharedReads = new Counter({
  name: 'sipgraph_upstream_shared_reads_total',
  help: 'Vendor reads answered by an identical call another request had in flight, per connection.',
  labelNames: ['connection'] as const,
  registers: [registry],
});

/** The wait histogram of one connection, labelled once: observing it is on every call's path. */
export function queueWaitOf(connection: string): { observe(seconds: number): void } {
  return queueWait.labels({ connection });
}

/** Makes a queue visible to scrapes until the returned function is called (its transport closed). */
export function watchQueue(queue: QueueView): () => void {
  queues.add(queue);
  return () => queues.delete(queue);
}
