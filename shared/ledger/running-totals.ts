/**
 * The seam between the store's bounded running totals and the ledger's answers: every aggregate ADD
 * (shared/store/aggregates/tree.ts) carries a condition keeping its total an exact integer within
 * its series' limit. A change refused there is a LimitExceeded (422 in every dialect), never a 500;
 * tighter money bounds only change the series' limit, not this path.
 */
import { MAX_TOTAL_MINOR } from '../domain/money.js';
import { AGGREGATE } from '../store/aggregates/tree.js';
import { paidPastBound } from '../store/charges.js';
import { heldSettled } from '../store/statements.js';
import { ConditionFailed, KEY_RECORD, transact, type TxItems } from '../store/tx.js';
import { issue, LimitExceeded } from './errors.js';

const passed = (what: string) =>
  new LimitExceeded(`The ${what} would pass ${MAX_TOTAL_MINOR} minor units`, issue('amount', `Would take the ${what} past ${MAX_TOTAL_MINOR} minor units`));

/**
 * Besides the aggregates, a charge's paid amount and a day's totals are bounded by the condition of
 * their own item (MAX_TOTAL_MINOR, README "Money limits"); those items return what they held when
 * it failed, which tells the bound from their other conditions (a missing charge, a capped charge
 * with no room left, a settled day).
 */
function boundedItemError(error: ConditionFailed, items: TxItems): LimitExceeded | undefined {
  // A duplicate committed first, or a lost version race: idempotency and the retry answer those.
  if (error.on(KEY_RECORD) || error.on('payment')) return undefined;
  const charge = error.failed.find((name) => name.startsWith('charge:') && paidPastBound(error, items, name));
  if (charge) return passed(`paid amount of charge ${charge.slice('charge:'.length)}`);
  const day = error.held.statement;
  return day && !heldSettled(day) ? passed("day's total") : undefined;
}

/** What a failed transaction of `items` answers: a refused running total is a LimitExceeded. */
export function runningTotalError(error: unknown, items: TxItems): unknown {
  if (!(error instanceof ConditionFailed)) return error;
  // Only when the totals alone refused it: a lost race or a settled day keeps its own answer.
  if (error.failed.every((name) => name === AGGREGATE)) return new LimitExceeded('The change would take a running total past what the ledger holds exactly');
  return boundedItemError(error, items) ?? error;
}

/** Transacts `items`, with a refused running total answered as LimitExceeded. */
export async function transactWithinRunningTotals(items: TxItems): ReturnType<typeof transact> {
  try {
    return await transact(items);
  } catch (error) {
    throw runningTotalError(error, items);
  }
}
