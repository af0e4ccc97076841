/**
 * Daily account statements (seed 001), pure arithmetic in integer minor units.
 *
 * Per day and entity the ledger stores only that day's own figures: totalSales, totalPayouts and
 * commission (set by the activity endpoint), totalPaid / totalCollected (kept by payments and
 * reversals with atomic ADDs) and, on one day of the entity at most, its openingBalance (the
 * remaining balance carried in from before Caja: issue 13 item 14). Everything derived is computed
 * at read time:
 *
 *   balance          = totalSales − totalPayouts − commission
 *   remainingBalance = previous day's remainingBalance + openingBalance + balance − totalPaid + totalCollected
 *
 * so remainingBalance(D) is the sum of every day's net (openingBalance + balance − totalPaid + totalCollected) up to
 * and including D. Computing it from the stored days means a change to an earlier day is reflected
 * in every later day at once, with no fan-out writes and nothing that can go stale.
 */
import type { AccountKind } from './account-scope.js';
import { sumMinor } from './money.js';
import type { Payment } from './payments.js';

export interface DayFigures {
  date: string;
  totalSales: number;
  totalPayouts: number;
  commission: number;
  totalPaid: number;
  totalCollected: number;
  /** The entity's opening balance when it is carried in on this day (signed: what the entity owes); absent or 0 otherwise. */
  openingBalance?: number;
}

export interface StatementFigures extends DayFigures {
  balance: number;
  remainingBalance: number;
}

export const ZERO_FIGURES = {
  totalSales: 0,
  totalPayouts: 0,
  commission: 0,
  totalPaid: 0,
  totalCollected: 0,
} as const satisfies Omit<DayFigures, 'date'>;

/**
 * What the activity endpoint sets on a day (issue 13 item 10): `commission` is always the sum of
 * the listero's and the vendedor's commissions; `ticketCount` is informative (0 when not sent).
 */
export interface ActivityFigures {
  totalSales: number;
  totalPayouts: number;
  commission: number;
  listeroCommission: number;
  vendedorCommission: number;
  ticketCount: number;
}

/**
 * A commission known only as a total (the documented activity body, days stored before the split)
 * is the entity's own: a vendedor's day earns vendedor commission, a ventana's or banca's listero
 * commission.
 */
export function splitCommission(kind: AccountKind, commission: number): { listeroCommission: number; vendedorCommission: number } {
  return kind === 'vendedor' ? { listeroCommission: 0, vendedorCommission: commission } : { listeroCommission: commission, vendedorCommission: 0 };
}

export function dayBalance(day: Pick<DayFigures, 'totalSales' | 'totalPayouts' | 'commission'>): number {
  return sumMinor([day.totalSales, -day.totalPayouts, -day.commission]);
}

/**
 * What one day adds to the running balance. The opening balance counts here only: it is not part of
 * the day's `balance` (sales − payouts − commission), so not of the month's accumulatedBalance.
 */
export function dayNet(day: Omit<DayFigures, 'date'>): number {
  return sumMinor([day.openingBalance ?? 0, dayBalance(day), -day.totalPaid, day.totalCollected]);
}

/**
 * The statement figures of `date` from the entity's stored days (any order; days after `date` are
 * ignored; a missing day is all zeros but still carries the earlier days' remaining balance).
 */
export function statementFor<D extends DayFigures>(days: readonly D[], date: string): StatementFigures & { day?: D } {
  let remaining = 0;
  let found: D | undefined;
  for (const day of days) {
    if (day.date > date) continue;
    remaining = sumMinor([remaining, dayNet(day)]);
    if (day.date === date) found = day;
  }
  const figures: DayFigures = found
    ? {
        date,
        totalSales: found.totalSales,
        totalPayouts: found.totalPayouts,
        commission: found.commission,
        totalPaid: found.totalPaid,
        totalCollected: found.totalCollected,
      }
    : { date, ...ZERO_FIGURES };
  return { ...figures, balance: dayBalance(figures), remainingBalance: remaining, ...(found ? { day: found } : {}) };
}

/** Every listed day's statement figures, oldest first (for a multi-day view or a test). */
export function runningStatements(days: readonly DayFigures[]): StatementFigures[] {
  const sorted = [...days].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  let remaining = 0;
  return sorted.map((day) => {
    remaining = sumMinor([remaining, dayNet(day)]);
    return { ...day, balance: dayBalance(day), remainingBalance: remaining };
  });
}

/** Which statement counter a payment of this accounts type moves. */
export function statementField(type: 'payment' | 'collection'): 'totalPaid' | 'totalCollected' {
  return type === 'payment' ? 'totalPaid' : 'totalCollected';
}

/** The statement an accounts payment moves: its entity's day, the counter of its direction, settling it if final. */
export interface StatementEffect {
  target: (tenant: string) => { tenant: string; entityId: string; entityKind: AccountKind; date: string };
  change: { field: 'totalPaid' | 'totalCollected'; amount: number; settle: boolean };
}

/** A payment's statement effect, for payments recorded against an account entity (accounts API); none otherwise. */
export function statementEffect(payment: Pick<Payment, 'entityId' | 'entityKind' | 'date' | 'direction' | 'amount' | 'isFinal'>): StatementEffect | undefined {
  const { entityId, entityKind } = payment;
  if (!entityId || !entityKind) return undefined;
  return {
    target: (tenant) => ({ tenant, entityId, entityKind: entityKind as AccountKind, date: payment.date }),
    change: { field: payment.direction === 'in' ? 'totalPaid' : 'totalCollected', amount: payment.amount, settle: payment.isFinal === true },
  };
}
