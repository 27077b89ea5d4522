/**
 * The change journal: every multi-step change writes an event before and after each step, so a
 * process that dies half-way leaves enough behind for the next start (or `npm run recover`) to
 * finish the change. Events are folded into a ChangeRecord for `change(id:)` and for recovery.
 *
 * Arguments are journaled with secrets masked: recovery only undoes or re-runs steps that need
 * ids and names, never a password.
 */
export type ChangeStatus = 'RUNNING' | 'COMPLETED' | 'COMPENSATED' | 'PARTIAL_FAILURE';
export type StepStatus = 'RUNNING' | 'DONE' | 'FAILED' | 'NOT_APPLIED' | 'UNDONE' | 'SKIPPED' | 'LEFT' | 'PENDING';
/** What a check found after an unknown outcome: whether the vendor had applied the write. */
export type Reconciled = 'APPLIED' | 'NOT_APPLIED' | 'UNCHECKED';

/** What to do with a change found unfinished after a crash. */
export type RecoveryPolicy = 'compensate' | 'complete';

export interface StepSpec {
  name: string;
  /** A registered action (src/durability/actions.ts) and its arguments: data, so recovery can redo or undo it. */
  action: string;
  args: Record<string, unknown>;
}

export type JournalEvent =
  | {
      type: 'change.started';
      changeId: string;
      at: string;
      kind: string;
      policy: RecoveryPolicy;
      principal: string;
      owner: Owner;
      summary: string;
      plan?: StepSpec[];
    }
  | { type: 'step.started'; changeId: string; at: string; index: number; step: StepSpec }
  | { type: 'step.done'; changeId: string; at: string; index: number; result: unknown; reconciled?: Reconciled }
  | {
      type: 'step.failed';
      changeId: string;
      at: string;
      index: number;
      error: string;
      code?: string;
      reconciled?: Reconciled;
      applied: 'no' | 'unknown';
    }
  | { type: 'step.skipped'; changeId: string; at: string; index: number; step: StepSpec; reason: string }
  | { type: 'step.undone'; changeId: string; at: string; index: number; note?: string }
  | { type: 'step.left'; changeId: string; at: string; index: number; reason: string }
  | {
      type: 'change.finished';
      changeId: string;
      at: string;
      status: Exclude<ChangeStatus, 'RUNNING'>;
      error?: string;
      recoveredBy?: string;
    };

/** Who runs a change: this process instance; recovery leaves changes whose owner is alive alone. */
export interface Owner {
  instance: string;
  pid: number;
  host: string;
}

export interface StepRecord {
  index: number;
  name: string;
  action: string;
  args: Record<string, unknown>;
  status: StepStatus;
  result?: unknown;
  reconciled?: Reconciled;
  /** Why a step failed, was skipped or was left behind. */
  reason?: string;
}

export interface ChangeRecord {
  id: string;
  kind: string;
  policy: RecoveryPolicy;
  principal: string;
  owner: Owner;
  summary: string;
  status: ChangeStatus;
  startedAt: string;
  finishedAt?: string;
  error?: string;
  recoveredBy?: string;
  plan?: StepSpec[];
  steps: StepRecord[];
}

export interface Journal {
  append(event: JournalEvent): Promise<void>;
  /** The change as its events tell it, or null when the journal has no such change. */
  change(changeId: string): Promise<ChangeRecord | null>;
  /** Changes without a `change.finished` event. */
  unfinished(): Promise<ChangeRecord[]>;
  /** Takes over an unfinished change for recovery; false when its owner still holds it. */
  claim(change: ChangeRecord, owner: Owner): Promise<boolean>;
  /** Keeps this process's hold on a running change (Redis lease). */
  renew(changeId: string): Promise<void>;
  /** Every appended event is on disk / in Redis. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

export function foldEvents(events: JournalEvent[]): ChangeRecord | null {
  const start = events.find((e) => e.type === 'change.started');
  if (!start || start.type !== 'change.started') return null;
  const change: ChangeRecord = {
    id: start.changeId,
    kind: start.kind,
    policy: start.policy,
    principal: start.principal,
    owner: start.owner,
    summary: start.summary,
    status: 'RUNNING',
    startedAt: start.at,
    steps: [],
    ...(start.plan ? { plan: start.plan } : {}),
  };
  const step = (index: number): StepRecord => {
    const found = change.steps.find((s) => s.index === index);
    if (!found) throw new Error(`journal of change ${change.id}: event for step ${index} before it started`);
    return found;
  };
  for (const event of events) {
    switch (event.type) {
      case 'step.started':
        change.steps = change.steps.filter((s) => s.index !== event.index);
        change.steps.push({ index: event.index, ...event.step, status: 'RUNNING' });
        break;
      case 'step.skipped':
        change.steps.push({ index: event.index, ...event.step, status: 'SKIPPED', reason: event.reason });
        break;
      case 'step.done':
        Object.assign(step(event.index), {
          status: 'DONE',
          result: event.result,
          ...(event.reconciled ? { reconciled: event.reconciled } : {}),
        });
        break;
      case 'step.failed':
        Object.assign(step(event.index), {
          status: event.applied === 'no' ? 'NOT_APPLIED' : 'FAILED',
          reason: event.error,
          ...(event.reconciled ? { reconciled: event.reconciled } : {}),
        });
        break;
      case 'step.undone':
        Object.assign(step(event.index), { status: 'UNDONE', ...(event.note ? { reason: event.note } : {}) });
        break;
      case 'step.left':
        Object.assign(step(event.index), { status: 'LEFT', reason: event.reason });
        break;
      case 'change.finished':
        change.status = event.status;
        change.finishedAt = event.at;
        if (event.error) change.error = event.error;
        if (event.recoveredBy) change.recoveredBy = event.recoveredBy;
        break;
      default:
        break;
    }
  }
  change.steps.sort((a, b) => a.index - b.index);
  return change;
}
