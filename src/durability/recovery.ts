/**
 * Start-up recovery (and `npm run recover`): finish the changes a stopped gateway left unfinished,
 * as the system principal, before this gateway takes requests. A failing vendor does not stop
 * the start: what could not be finished stays in the journal for the next attempt.
 */
import { randomUUID } from 'node:crypto';
import { SYSTEM_PRINCIPAL } from '../auth/principal.js';
import type { GatewayContext } from '../context.js';
import type { Logger } from '../log.js';
import type { RequestScope } from '../request-scope.js';
import type { ChangeRunner, RecoveredChange } from './saga.js';

type ContextFactory = (scope: RequestScope) => GatewayContext;

export async function recoverChanges(
  changes: ChangeRunner,
  createContext: ContextFactory,
  logger: Logger,
): Promise<RecoveredChange[]> {
  const requestId = `recovery-${randomUUID()}`;
  try {
    const recovered = await changes.recover(createContext({ requestId, principal: SYSTEM_PRINCIPAL }));
    for (const change of recovered) logger.warn('recovered change', { ...change });
    return recovered;
  } catch (error) {
    logger.error('recovery of unfinished changes failed; they stay in the journal', { error });
    return [];
  }
}
