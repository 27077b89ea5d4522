/**
 * One multi-step change in progress: each step is journaled before and after it runs; a failure
 * undoes the steps already done, newest first. An OUTCOME_UNKNOWN step is first checked against
 * the vendor (a read or list): found, it counts as done; not found, as not applied; the check's
 * finding is journaled and shown on the step (`reconciled`).
 */
import { ErrorCode, GatewayError } from '../errors.js';
import { redact, type Logger } from '../log.js';
import type { ReconcileNote } from '../request-scope.js';
import type { ActionContext, ActionRegistry } from './actions.js';
import type { ChangeRecord, Journal, JournalEvent, StepRecord, StepSpec } from './journal.js';

type Event = JournalEvent extends infer E
  ? E extends { changeId: string; at: string }
    ? Omit<E, 'changeId' | 'at'>
    : never
  : never;

/**
 * Failures after which the write may have landed: the answer was lost, garbled, or the read-back
 * after it failed. A step with a check asks the vendor before deciding.
 */
const UNCERTAIN = new Set<string | undefined>([
  ErrorCode.OutcomeUnknown,
  ErrorCode.VendorUnavailable,
  ErrorCode.VendorBadResponse,
  undefined,
]);

const codeOf = (error: unknown): string | undefined => (error instanceof GatewayError ? error.code : undefined);
const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
/** Journaled copies are JSON with secrets masked (a provisioning token, a password). */
const journaled = <T>(value: T): T =>
  value === undefined ? value : (redact(JSON.parse(JSON.stringify(value)) as unknown) as T);

/** Tells the request's response what a check found (`extensions.reconciled`). */
function noteReconciled(ctx: ActionContext, note: ReconcileNote): void {
  if (ctx.scope) (ctx.scope.reconciled ??= []).push(note);
}

/** Why a step is LEFT when neither its answer nor a check says whether the vendor applied it. */
const OUTCOME_NOT_CHECKED = 'its outcome is unknown and no check could tell';

export class Change {
  private renewTimer: NodeJS.Timeout | undefined;

  constructor(
    readonly record: ChangeRecord,
    private readonly journal: Journal,
    private readonly actions: ActionRegistry,
    private readonly ctx: ActionContext,
    private readonly log: Logger,
    leaseMs: number,
  ) {
    this.renewTimer = setInterval(() => void this.journal.renew(record.id).catch(() => {}), Math.max(100, leaseMs / 3));
    this.renewTimer.unref();
  }

  get id(): string {
    return this.record.id;
  }

  private async write(event: Event): Promise<void> {
    const full = { ...event, changeId: this.id, at: new Date().toISOString() } as JournalEvent;
    await this.journal.append(full);
  }

  /** Runs one step: journaled before it is sent, and after with its result or failure. */
  async step<R>(name: string, action: string, args: Record<string, unknown>): Promise<R> {
    const spec: StepSpec = { name, action, args: journaled(args) };
    // Recovery re-running an interrupted step journals it again under its own index.
    const previous = this.record.steps.find((s) => s.name === name && s.status !== 'DONE');
    const index = previous?.index ?? this.record.steps.length;
    const step: StepRecord = { index, ...spec, status: 'RUNNING' };
    await this.write({ type: 'step.started', index, step: spec });
    this.record.steps = [...this.record.steps.filter((s) => s.index !== index), step].sort((a, b) => a.index - b.index);
    const definition = this.actions.get(action);
    try {
      const result = (await definition.run(this.ctx, args)) as R;
      Object.assign(step, { status: 'DONE', result: journaled(result) });
      await this.write({ type: 'step.done', index, result: step.result });
      return result;
    } catch (error) {
      if (!UNCERTAIN.has(codeOf(error)) || !definition.check) {
        const applied = codeOf(error) === ErrorCode.OutcomeUnknown ? 'unknown' : 'no';
        Object.assign(step, { status: applied === 'no' ? 'NOT_APPLIED' : 'FAILED', reason: messageOf(error) });
        await this.write({ type: 'step.failed', index, error: messageOf(error), code: codeOf(error), applied });
        throw error;
      }
      const found = await definition.check(this.ctx, args).catch(() => undefined);
      if (found !== undefined && found !== null) {
        Object.assign(step, { status: 'DONE', result: journaled(found), reconciled: 'APPLIED' });
        await this.write({ type: 'step.done', index, result: step.result, reconciled: 'APPLIED' });
        this.log.warn('unknown outcome reconciled: applied', {
          requestId: this.ctx.scope?.requestId,
          changeId: this.id,
          step: name,
        });
        noteReconciled(this.ctx, { changeId: this.id, step: name, outcome: 'APPLIED' });
        return found as R;
      }
      const reconciled = found === null ? 'NOT_APPLIED' : 'UNCHECKED';
      if (found === null) noteReconciled(this.ctx, { changeId: this.id, step: name, outcome: 'NOT_APPLIED' });
      Object.assign(step, { status: found === null ? 'NOT_APPLIED' : 'FAILED', reason: messageOf(error), reconciled });
      await this.write({
        type: 'step.failed',
        index,
        error: messageOf(error),
        code: codeOf(error),
        reconciled,
        applied: found === null ? 'no' : 'unknown',
      });
      if (found === null && error instanceof GatewayError) {
        // Checked: not applied. An unknown outcome is no longer unknown, and a retry is safe.
        throw new GatewayError(
          error.code === ErrorCode.OutcomeUnknown ? ErrorCode.VendorUnavailable : error.code,
          `${error.message}; a check found it was not applied`,
          { ...error.details, reconciled, retryable: true },
          { cause: error },
        );
      }
      throw error;
    }
  }

  /** Records a step that was not needed, and why (shown in the change's step list). */
  async skip(name: string, action: string, args: Record<string, unknown>, reason: string): Promise<void> {
    const spec: StepSpec = { name, action, args: journaled(args) };
    const index = this.record.steps.length;
    this.record.steps.push({ index, ...spec, status: 'SKIPPED', reason });
    await this.write({ type: 'step.skipped', index, step: spec, reason });
  }

  async complete(): Promise<ChangeRecord> {
    return this.finish('COMPLETED');
  }

  /**
   * Undoes every step that was or may have been applied, newest first. A step whose outcome is
   * unknown is checked first; a step that cannot be undone is LEFT, with the reason.
   */
  async compensate(cause: unknown, recoveredBy?: string): Promise<ChangeRecord> {
    for (const step of [...this.record.steps].reverse()) {
      if (step.status !== 'DONE' && step.status !== 'FAILED' && step.status !== 'RUNNING') continue;
      const definition = this.actions.get(step.action);
      let result = step.result;
      if (step.status !== 'DONE') {
        const found = definition.check ? await definition.check(this.ctx, step.args).catch(() => undefined) : undefined;
        if (found === null) {
          Object.assign(step, { status: 'NOT_APPLIED', reconciled: 'NOT_APPLIED' });
          await this.write({
            type: 'step.failed',
            index: step.index,
            error: step.reason ?? 'interrupted',
            applied: 'no',
            reconciled: 'NOT_APPLIED',
          });
          continue;
        }
        if (found === undefined) {
          await this.leave(step, OUTCOME_NOT_CHECKED);
          continue;
        }
        result = journaled(found);
      }
      if (!definition.undo) {
        await this.leave(step, 'this step cannot be undone');
        continue;
      }
      try {
        await definition.undo(this.ctx, step.args, result);
        step.status = 'UNDONE';
        await this.write({ type: 'step.undone', index: step.index });
      } catch (error) {
        this.log.error('compensation failed', {
          requestId: this.ctx.scope?.requestId,
          changeId: this.id,
          step: step.name,
          error,
        });
        await this.leave(step, `undoing it failed: ${messageOf(error)}`);
      }
    }
    const left = this.record.steps.some((s) => s.status === 'LEFT');
    return this.finish(left ? 'PARTIAL_FAILURE' : 'COMPENSATED', messageOf(cause), recoveredBy);
  }

  /**
   * Compensates, then throws what the client sees: the original error marked `rolledBack: true`
   * when everything was undone, PARTIAL_FAILURE naming what was left otherwise.
   */
  async fail(error: unknown): Promise<never> {
    const record = await this.compensate(error);
    const undone = record.steps.filter((s) => s.status === 'UNDONE').map((s) => s.name);
    if (record.status === 'PARTIAL_FAILURE') {
      const left = record.steps.filter((s) => s.status === 'LEFT');
      // Nothing is known to be left, only not known to be absent: say "unknown", not "partial".
      if (
        codeOf(error) === ErrorCode.OutcomeUnknown &&
        error instanceof GatewayError &&
        left.every((s) => s.reason === OUTCOME_NOT_CHECKED)
      ) {
        throw new GatewayError(
          ErrorCode.OutcomeUnknown,
          `${error.message}; no check could tell whether ${left.map((s) => s.name).join(', ')} was applied`,
          { ...error.details, changeId: this.id, unknown: left.map((s) => s.name), undone },
          { cause: error },
        );
      }
      throw new GatewayError(
        ErrorCode.PartialFailure,
        `${messageOf(error)}; undoing failed for: ${left.map((s) => `${s.name} (${s.reason})`).join('; ')}: it is still there`,
        { changeId: this.id, left: left.map((s) => s.name), undone, cause: messageOf(error) },
        { cause: error },
      );
    }
    if (!(error instanceof GatewayError)) throw error;
    if (undone.length === 0)
      throw new GatewayError(error.code, error.message, { ...error.details, changeId: this.id }, { cause: error });
    const note = ` (${undone.join(', ')} was undone: nothing changed)`;
    throw new GatewayError(
      error.code,
      `${error.message}${note}`,
      { ...error.details, rolledBack: true, changeId: this.id },
      { cause: error },
    );
  }

  /**
   * Runs a forward-only plan (each step idempotent), skipping steps already done: how a change
   * that cannot be undone (a deletion) is finished, first by its request, else by recovery.
   * A failing step stops it as PARTIAL_FAILURE; the steps after it are marked not run.
   */
  async runPlan(plan: StepSpec[], recoveredBy?: string): Promise<ChangeRecord> {
    const done = new Set(
      this.record.steps.filter((s) => s.status === 'DONE' || s.status === 'SKIPPED').map((s) => s.name),
    );
    for (const [i, step] of plan.entries()) {
      if (done.has(step.name)) continue;
      try {
        await this.step(step.name, step.action, step.args);
      } catch (error) {
        for (const rest of plan.slice(i + 1)) {
          if (!done.has(rest.name))
            await this.skip(rest.name, rest.action, rest.args, 'not run: an earlier step failed (a retry runs it)');
        }
        return this.finish('PARTIAL_FAILURE', messageOf(error), recoveredBy);
      }
    }
    return this.finish('COMPLETED', undefined, recoveredBy);
  }

  private async leave(step: StepRecord, reason: string): Promise<void> {
    Object.assign(step, { status: 'LEFT', reason });
    await this.write({ type: 'step.left', index: step.index, reason });
  }

  private async finish(
    status: 'COMPLETED' | 'COMPENSATED' | 'PARTIAL_FAILURE',
    error?: string,
    recoveredBy?: string,
  ): Promise<ChangeRecord> {
    clearInterval(this.renewTimer);
    await this.write({
      type: 'change.finished',
      status,
      ...(error ? { error } : {}),
      ...(recoveredBy ? { recoveredBy } : {}),
    });
    Object.assign(this.record, {
      status,
      finishedAt: new Date().toISOString(),
      ...(error ? { error } : {}),
      ...(recoveredBy ? { recoveredBy } : {}),
    });
    return this.record;
  }
}
