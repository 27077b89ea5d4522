/**
 * The saga runner: starts journaled changes, reads them back for `change(id:)`, and after a
 * crash finishes the changes nobody owns any more — compensating those whose policy is
 * `compensate` (undo every step that was or may have been applied, newest first) and completing
 * those whose policy is `complete` (re-run the planned steps not yet done; each is idempotent).
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from '../log.js';
import type { SharedRedis } from '../redis.js';
import { actions as defaultActions, type ActionContext, type ActionRegistry } from './actions.js';
import { Change } from './change.js';
import type { DurabilitySettings } from './config.js';
import type { ChangeRecord, Journal, Owner, RecoveryPolicy, StepSpec } from './journal.js';
import { FileJournal, RedisJournal, liveInstances } from './journal-stores.js';

export interface BeginOptions {
  kind: string;
  policy: RecoveryPolicy;
  principal: string;
  /** One line for people: "provision user anna.schmidt". */
  summary: string;
  /** The steps, when known up front (required for `complete`: recovery re-runs them). */
  plan?: StepSpec[];
}

export interface RecoveredChange {
  id: string;
  kind: string;
  summary: string;
  status: ChangeRecord['status'];
  steps: Array<{ name: string; status: string; reason?: string }>;
}

export class ChangeRunner {
  readonly owner: Owner = { instance: randomUUID(), pid: process.pid, host: hostname() };

  constructor(
    readonly journal: Journal,
    private readonly log: Logger,
    private readonly leaseMs: number,
    private readonly actions: ActionRegistry = defaultActions,
  ) {
    liveInstances.add(this.owner.instance);
  }

  async begin(ctx: ActionContext, options: BeginOptions): Promise<Change> {
    const record: ChangeRecord = {
      id: randomUUID(),
      kind: options.kind,
      policy: options.policy,
      principal: options.principal,
      owner: this.owner,
      summary: options.summary,
      status: 'RUNNING',
      startedAt: new Date().toISOString(),
      steps: [],
      ...(options.plan ? { plan: options.plan } : {}),
    };
    await this.journal.append({
      type: 'change.started',
      changeId: record.id,
      at: record.startedAt,
      ...options,
      owner: this.owner,
    });
    return new Change(record, this.journal, this.actions, ctx, this.log, this.leaseMs);
  }

  change(id: string): Promise<ChangeRecord | null> {
    return this.journal.change(id);
  }

  /** Finishes every unfinished change whose owner is gone. */
  async recover(ctx: ActionContext): Promise<RecoveredChange[]> {
    const recovered: RecoveredChange[] = [];
    for (const record of await this.journal.unfinished()) {
      if (!(await this.journal.claim(record, this.owner))) continue;
      this.log.warn('recovering an unfinished change', {
        changeId: record.id,
        kind: record.kind,
        policy: record.policy,
      });
      const change = new Change(record, this.journal, this.actions, ctx, this.log, this.leaseMs);
      const finished =
        record.policy === 'complete' && record.plan
          ? await change.runPlan(record.plan, this.owner.instance)
          : await change.compensate('interrupted: its gateway stopped mid-change', this.owner.instance);
      recovered.push({
        id: finished.id,
        kind: finished.kind,
        summary: finished.summary,
        status: finished.status,
        steps: finished.steps.map((s) => ({
          name: s.name,
          status: s.status,
          ...(s.reason ? { reason: s.reason } : {}),
        })),
      });
    }
    return recovered;
  }

  async flush(): Promise<void> {
    await this.journal.flush();
  }

  async close(): Promise<void> {
    liveInstances.delete(this.owner.instance);
    await this.journal.close();
  }
}

export function createChangeRunner(
  settings: DurabilitySettings['journal'],
  logger: Logger,
  redis: SharedRedis | undefined,
): ChangeRunner {
  const journal = redis ? new RedisJournal(redis, settings.leaseMs) : new FileJournal(settings.path);
  return new ChangeRunner(journal, logger, settings.leaseMs);
}
