/**
 * The period-statement report (issue 13 items 9 and 11): what `GET /api/v1/accounts/statement` answers
 * in its period form and what `GET /api/v1/accounts/export` renders. Built from the day/month
 * aggregates; every amount is integer minor units of `currency` (render with money.ts formatMajor).
 */
import type { AccountKind } from '../account-scope.js';
import type { Currency } from '../money.js';
import type { ResolvedPeriod } from './period.js';

/** One day's figures, summed over the entities the row covers. */
export interface PeriodDayFigures {
  totalSales: number;
  totalPayouts: number;
  listeroCommission: number;
  vendedorCommission: number;
  /** totalSales − totalPayouts − both commissions. */
  balance: number;
  totalPaid: number;
  totalCollected: number;
  remainingBalance: number;
  isSettled: boolean;
}

/** The entity a row belongs to, when the report breaks a day down by entity. */
export interface ReportEntity {
  id: string;
  name: string;
}

export interface PeriodReportRow extends PeriodDayFigures {
  date: string;
  /** Present when the scope covers several entities and the row is one entity's day. */
  entity?: ReportEntity;
}

/** `totals` over the period and `monthlyAccumulated` over the month of its end share this shape. */
export interface PeriodTotals {
  totalSales: number;
  totalPayouts: number;
  totalListeroCommission: number;
  totalVendedorCommission: number;
  totalBalance: number;
  totalPaid: number;
  totalCollected: number;
  totalRemainingBalance: number;
  settledDays: number;
  pendingDays: number;
}

export interface PeriodReportMeta extends ResolvedPeriod {
  dimension: AccountKind;
}

export interface PeriodReport {
  currency: Currency;
  meta: PeriodReportMeta;
  rows: PeriodReportRow[];
  totals: PeriodTotals;
  monthlyAccumulated: PeriodTotals;
}

/** The money fields of a row, in the order reports show them. */
export const DAY_MONEY_FIELDS = [
  'totalSales',
  'totalPayouts',
  'listeroCommission',
  'vendedorCommission',
  'balance',
  'totalPaid',
  'totalCollected',
  'remainingBalance',
] as const satisfies readonly (keyof PeriodDayFigures)[];

/** The totals field that sums each row money field (same order as DAY_MONEY_FIELDS). */
export const TOTAL_OF = {
  totalSales: 'totalSales',
  totalPayouts: 'totalPayouts',
  listeroCommission: 'totalListeroCommission',
  vendedorCommission: 'totalVendedorCommission',
  balance: 'totalBalance',
  totalPaid: 'totalPaid',
  totalCollected: 'totalCollected',
  remainingBalance: 'totalRemainingBalance',
} as const satisfies Record<(typeof DAY_MONEY_FIELDS)[number], keyof PeriodTotals>;

export type DayMoneyField = (typeof DAY_MONEY_FIELDS)[number];
