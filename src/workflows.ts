/**
 * Changes that take more than one vendor call. Each either completes or is undone: when a later
 * step fails, the earlier ones are compensated, and if even that fails the client gets a
 * PARTIAL_FAILURE naming what was left behind — never silent partial state.
 */
import { ErrorCode, GatewayError } from './errors.js';
import type { Logger } from './log.js';

export interface Step<T> {
  /** What the step does, for messages: "create user anna.schmidt". */
  name: string;
  run(): Promise<T>;
  /** Undoes `run`; absent when nothing needs undoing. */
  undo?(result: T): Promise<void>;
}

/**
 * Runs `first`, then `then` with its result. If `then` fails, `first` is undone and the original
 * error is rethrown with `rolledBack: true`; if the undo fails too, PARTIAL_FAILURE.
 */
export async function withCompensation<A, B>(first: Step<A>, then: (a: A) => Promise<B>, log: Logger): Promise<B> {
  const result = await first.run();
  try {
    return await then(result);
  } catch (error) {
    if (!first.undo) throw error;
    try {
      await first.undo(result);
    } catch (undoError) {
      log.error('compensation failed', { step: first.name, error: undoError });
      throw new GatewayError(
        ErrorCode.PartialFailure,
        `${first.name} succeeded, the next step failed (${(error as Error).message}), and undoing it failed too (${(undoError as Error).message}): it is still there`,
        { step: first.name, cause: (error as Error).message },
        { cause: error },
      );
    }
    if (error instanceof GatewayError) {
      throw new GatewayError(
        error.code,
        `${error.message} (${first.name} was undone: nothing changed)`,
        { ...error.details, rolledBack: true },
        { cause: error },
      );
    }
    throw error;
  }
}
