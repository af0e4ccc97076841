/**
 * An entity's statement days together with their aggregate tree: every change to a day as the
 * transaction items that make it (the day item, store/statements.ts, and the entity's tree,
 * store/aggregates/account-days.ts, so no use case can move one without the other), and a day's
 * read with its remaining balance (the day item plus three tree nodes, whatever the history).
 */
import { dayBalance, type DayFigures } from '../domain/statements.js';
import { balanceThrough, changeAccountDay, paymentNet } from './aggregates/account-days.js';
import { addPaymentToStatement, removePaymentFromStatement, setActivityFigures, type StatementDay, statementDay, type StatementTarget } from './statements.js';
import type { TxItems } from './tx.js';

/** Name of the statement day item in these transactions (its condition: the day is not settled). */
export const STATEMENT = 'statement';

type PaymentField = 'totalPaid' | 'totalCollected';
type Activity = Pick<DayFigures, 'totalSales' | 'totalPayouts' | 'commission'>;

/** A new payment on its day: amount added, counted, the day settled when `settle`. */
export function paymentRecordedOnDay(s: StatementTarget, change: { field: PaymentField; amount: number; settle: boolean }, now: string): TxItems {
  return [
    [STATEMENT, addPaymentToStatement(s, change, now)],
    ...changeAccountDay(s.tenant, s.entityId, s.date, { net: paymentNet(change.field, change.amount), count: 1 }),
  ];
}

/** A reversed payment taken back out of its day (it stays counted: the history still lists it). */
export function paymentReversedOnDay(s: StatementTarget, change: { field: PaymentField; amount: number; unsettle: boolean }, now: string): TxItems {
  return [
    [STATEMENT, removePaymentFromStatement(s, change, now)],
    ...changeAccountDay(s.tenant, s.entityId, s.date, { net: -paymentNet(change.field, change.amount), count: 0 }),
  ];
}

/** A day's activity figures replacing `before` (optimistic on `expectedVersion`). */
export function activitySetOnDay(s: StatementTarget, figures: Activity, before: Activity, expectedVersion: number, now: string): TxItems {
  return [
    [STATEMENT, setActivityFigures(s, figures, expectedVersion, now)],
    ...changeAccountDay(s.tenant, s.entityId, s.date, { net: dayBalance(figures) - dayBalance(before), count: 0 }),
  ];
}

/** The stored day (if any) and the entity's remaining balance at its end (minor units), read consistently. */
export async function statementThrough(tenant: string, entityId: string, date: string): Promise<{ day?: StatementDay; remainingBalance: number }> {
  const [day, remainingBalance] = await Promise.all([statementDay(tenant, entityId, date, true), balanceThrough(tenant, entityId, date)]);
  return { ...(day ? { day } : {}), remainingBalance };
}

export type { StatementDay };
