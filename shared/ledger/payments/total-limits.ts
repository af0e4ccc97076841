/**
 * Running totals are bounded where they are written (SPEC §4 money limits): a payment that would take
 * a charge's paid amount or its day's total past MAX_TOTAL_MINOR fails that item's condition, and its
 * transaction writes nothing. Told apart from the other conditions on those items (a deleted charge,
 * a settled day) by what the item held when it failed.
 */
import { MAX_TOTAL_MINOR } from '../../domain/money.js';
import { heldSettled } from '../../store/statements.js';
import { ConditionFailed, KEY_RECORD } from '../../store/tx.js';
import { issue, LimitExceeded } from '../errors.js';

const passed = (what: string) => new LimitExceeded(`The ${what} would pass ${MAX_TOTAL_MINOR} minor units`, issue('amount', `Would take the ${what} past ${MAX_TOTAL_MINOR} minor units`));

/** `error` as LimitExceeded when a running total's bound failed; anything else unchanged. */
export function totalLimitError(error: unknown): unknown {
  // A duplicate committed first, or a lost version race: idempotency and the retry answer those.
  if (!(error instanceof ConditionFailed) || error.on(KEY_RECORD) || error.on('payment')) return error;
  const charge = error.failed.find((name) => name.startsWith('charge:') && error.held[name]);
  if (charge) return passed(`paid amount of charge ${charge.slice('charge:'.length)}`);
  const day = error.held.statement;
  if (day && !heldSettled(day)) return passed("day's total");
  return error;
}
