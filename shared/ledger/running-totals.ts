/**
 * The seam between the store's bounded running totals and the ledger's answers: every aggregate ADD
 * (shared/store/aggregates/tree.ts) carries a condition keeping its total an exact integer within
 * its series' limit. A change refused there is a LimitExceeded (422 in every dialect), never a 500;
 * tighter money bounds only change the series' limit, not this path.
 */
import { AGGREGATE } from '../store/aggregates/tree.js';
import { ConditionFailed } from '../store/tx.js';
import { LimitExceeded } from './errors.js';

export function runningTotalError(error: unknown): unknown {
  // Only when the totals alone refused it: a lost race or a settled day keeps its own answer.
  if (!(error instanceof ConditionFailed && error.failed.every((name) => name === AGGREGATE))) return error;
  return new LimitExceeded('The change would take a running total past what the ledger holds exactly');
}

/** `write`, with a refused running total answered as LimitExceeded. */
export async function withinRunningTotals<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw runningTotalError(error);
  }
}
