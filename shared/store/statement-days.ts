/**
 * An entity's statement days together with their aggregate tree: every change to a day as the
 * transaction items that make it (the day item, store/statements.ts, and the entity's tree,
 * store/aggregates/account-days.ts, so no use case can move one without the other), and a day's
 * read with its remaining balance (the day item plus three tree nodes, whatever the history).
 */
import type { ActivityFigures } from '../domain/statements.js';
import { dayBalance } from '../domain/statements.js';
import { balancesThrough, changeAccountDay, paymentNet } from './aggregates/account-days.js';
import { coalesceAggregates } from './aggregates/tree.js';
import {
  addPaymentToStatement,
  removePaymentFromStatement,
  setActivityFigures,
  setOpeningBalanceOnDay,
  type StatementDay,
  statementDay,
  type StatementTarget,
} from './statements.js';
import type { TxItems } from './tx.js';

/** Name of the statement day item in these transactions (its condition: the day is not settled). */
export const STATEMENT = 'statement';

type PaymentField = 'totalPaid' | 'totalCollected';
/** The tree's measure of each payment field (account-days.ts DAY_MEASURES). */
const MEASURE: Record<PaymentField, 'd' | 'k'> = { totalPaid: 'd', totalCollected: 'k' };

/** A new payment on its day: amount added, counted, the day settled when `settle`. */
export function paymentRecordedOnDay(s: StatementTarget, change: { field: PaymentField; amount: number; settle: boolean }, now: string): TxItems {
  return [
    [STATEMENT, addPaymentToStatement(s, change, now)],
    ...changeAccountDay(s.tenant, s.entityId, s.date, {
      n: paymentNet(change.field, change.amount),
      c: 1,
      [MEASURE[change.field]]: change.amount,
      x: change.settle ? 1 : 0,
    }),
  ];
}

/** A reversed payment taken back out of its day (it stays counted: the history still lists it). */
export function paymentReversedOnDay(s: StatementTarget, change: { field: PaymentField; amount: number; unsettle: boolean }, now: string): TxItems {
  return [
    [STATEMENT, removePaymentFromStatement(s, change, now)],
    ...changeAccountDay(s.tenant, s.entityId, s.date, {
      n: -paymentNet(change.field, change.amount),
      [MEASURE[change.field]]: -change.amount,
      x: change.unsettle ? -1 : 0,
    }),
  ];
}

/** A day's activity figures replacing `before` (optimistic on `expectedVersion`). */
export function activitySetOnDay(s: StatementTarget, figures: ActivityFigures, before: ActivityFigures, expectedVersion: number, now: string): TxItems {
  const delta = (field: keyof ActivityFigures) => figures[field] - before[field];
  return [
    [STATEMENT, setActivityFigures(s, figures, expectedVersion, now)],
    ...changeAccountDay(s.tenant, s.entityId, s.date, {
      n: dayBalance(figures) - dayBalance(before),
      s: delta('totalSales'),
      p: delta('totalPayouts'),
      l: delta('listeroCommission'),
      v: delta('vendedorCommission'),
    }),
  ];
}

/**
 * An entity's opening balance set to `to` (minor units at its date), replacing `from` (absent: none
 * yet). Each day item changed is conditional on the day not being settled (named `statement`); the
 * tree moves by the delta only (`n`: it enters every remaining balance from that day on, and no
 * day's own figures), one Update per node even when both days share nodes.
 */
export function openingBalanceMoved(
  s: Omit<StatementTarget, 'date'>,
  from: { date: string; amount: number } | undefined,
  to: { date: string; amount: number },
  now: string,
): TxItems {
  const moved = from !== undefined && from.date !== to.date;
  const delta = to.amount - (from !== undefined && !moved ? from.amount : 0);
  return coalesceAggregates([
    [STATEMENT, setOpeningBalanceOnDay({ ...s, date: to.date }, to.amount, now)],
    ...(moved ? [[STATEMENT, setOpeningBalanceOnDay({ ...s, date: from.date }, 0, now)] as const] : []),
    ...changeAccountDay(s.tenant, s.entityId, to.date, { n: delta }),
    ...(moved ? changeAccountDay(s.tenant, s.entityId, from.date, { n: -from.amount }) : []),
  ]);
}

/**
 * The stored day (if any), the entity's remaining balance at its end and its month's accumulated
 * balance through it (minor units), read consistently: the day item and three tree nodes.
 */
export async function statementThrough(
  tenant: string,
  entityId: string,
  date: string,
): Promise<{ day?: StatementDay; remainingBalance: number; accumulatedBalance: number }> {
  const [day, balances] = await Promise.all([statementDay(tenant, entityId, date, true), balancesThrough(tenant, entityId, date)]);
  return { ...(day ? { day } : {}), ...balances };
}

export type { StatementDay };
