/**
 * Period statements (issue 13 item 9), pure: from each entity's day figures over the period (as the
 * day aggregates hold them) to one statement per calendar day summed over the scope, the entity
 * breakdowns, `totals` over the period and `monthlyAccumulated` over the month of its end. All
 * amounts integer minor units.
 *
 * - A day row sums every entity of the scope; its remainingBalance is every entity's remaining
 *   balance at the end of that day (carried on days without activity). Its breakdown lists the
 *   entities with anything stored that day.
 * - A day is settled when at least one entity has anything that day and every such entity's day is
 *   settled; `pendingDays` = days − `settledDays`.
 * - `totalRemainingBalance` is the remaining balance at the end of the span (the period, or the
 *   month through monthEndDate), summed over the entities: what is still owed then.
 */
import type { AccountKind } from '../account-scope.js';
import type { Currency } from '../money.js';
import { sumMinor } from '../money.js';
import { addDays } from './period.js';
import type { PeriodDayFigures, PeriodReport, PeriodReportMeta, PeriodReportRow, PeriodTotals, ReportEntity } from './period-report.js';

/** One entity's stored figures of one day (the day tree's measures, minor units). */
export interface DayMeasures {
  totalSales: number;
  totalPayouts: number;
  listeroCommission: number;
  vendedorCommission: number;
  totalPaid: number;
  totalCollected: number;
  /** What the day adds to the running balance. */
  net: number;
  settled: boolean;
}

/** One entity's input: its remaining balance before the first day read, and its days with anything stored. */
export interface EntityPeriodInput {
  entity: ReportEntity;
  balanceBefore: number;
  /** From the first day read (the period's start or the month's 1st, whichever is first) through the last. */
  days: ReadonlyMap<string, DayMeasures>;
}

export type PeriodSort = 'asc' | 'desc';

export interface DayStatement extends PeriodDayFigures {
  date: string;
  /** The entities with anything that day (present when the scope covers several entities). */
  breakdown?: PeriodReportRow[];
}

export interface PeriodStatements {
  statements: DayStatement[];
  /** The same as rows for the export: one per entity-day with anything (several entities), or one per day. */
  report: PeriodReport;
}

const ZERO: DayMeasures = {
  totalSales: 0, totalPayouts: 0, listeroCommission: 0, vendedorCommission: 0, totalPaid: 0, totalCollected: 0, net: 0, settled: false,
};

function figuresOf(m: DayMeasures, remainingBalance: number, isSettled: boolean): PeriodDayFigures {
  return {
    totalSales: m.totalSales,
    totalPayouts: m.totalPayouts,
    listeroCommission: m.listeroCommission,
    vendedorCommission: m.vendedorCommission,
    balance: sumMinor([m.totalSales, -m.totalPayouts, -m.listeroCommission, -m.vendedorCommission]),
    totalPaid: m.totalPaid,
    totalCollected: m.totalCollected,
    remainingBalance,
    isSettled,
  };
}

const MONEY = ['totalSales', 'totalPayouts', 'listeroCommission', 'vendedorCommission', 'balance', 'totalPaid', 'totalCollected', 'remainingBalance'] as const;

function sumFigures(rows: readonly PeriodDayFigures[], isSettled: boolean): PeriodDayFigures {
  const sums = Object.fromEntries(MONEY.map((field) => [field, sumMinor(rows.map((row) => row[field]))])) as Record<(typeof MONEY)[number], number>;
  return { ...sums, isSettled };
}

function totalsOf(rows: readonly (PeriodDayFigures & { date: string })[]): PeriodTotals {
  const last = rows.reduce<(typeof rows)[number] | undefined>((latest, row) => (!latest || row.date > latest.date ? row : latest), undefined);
  const sum = (field: (typeof MONEY)[number]) => sumMinor(rows.map((row) => row[field]));
  const settledDays = rows.filter((row) => row.isSettled).length;
  return {
    totalSales: sum('totalSales'),
    totalPayouts: sum('totalPayouts'),
    totalListeroCommission: sum('listeroCommission'),
    totalVendedorCommission: sum('vendedorCommission'),
    totalBalance: sum('balance'),
    totalPaid: sum('totalPaid'),
    totalCollected: sum('totalCollected'),
    totalRemainingBalance: last?.remainingBalance ?? 0,
    settledDays,
    pendingDays: rows.length - settledDays,
  };
}

/** Every date from `start` to `end`, both included. */
function datesBetween(start: string, end: string): string[] {
  const dates: string[] = [];
  for (let date = start; date <= end; date = addDays(date, 1)) dates.push(date);
  return dates;
}

/**
 * The period's statements. `entities` hold their days from min(startDate, monthStartDate) through
 * max(endDate, monthEndDate); `breakdowns` says whether the scope covers several entities.
 */
export function buildPeriodStatements(input: {
  meta: PeriodReportMeta;
  currency: Currency;
  sort: PeriodSort;
  breakdowns: boolean;
  entities: readonly EntityPeriodInput[];
}): PeriodStatements {
  const { meta, entities } = input;
  const first = meta.startDate < meta.monthStartDate ? meta.startDate : meta.monthStartDate;
  const last = meta.endDate > meta.monthEndDate ? meta.endDate : meta.monthEndDate;
  const remaining = entities.map((e) => e.balanceBefore);
  const days: (DayStatement & { entityRows: PeriodReportRow[] })[] = [];
  for (const date of datesBetween(first, last)) {
    const entityRows: PeriodReportRow[] = [];
    const all: PeriodDayFigures[] = [];
    entities.forEach((e, i) => {
      const stored = e.days.get(date);
      remaining[i] = sumMinor([remaining[i]!, stored?.net ?? 0]);
      const figures = figuresOf(stored ?? ZERO, remaining[i]!, stored?.settled ?? false);
      all.push(figures);
      if (stored) entityRows.push({ date, entity: e.entity, ...figures });
    });
    const isSettled = entityRows.length > 0 && entityRows.every((row) => row.isSettled);
    days.push({ date, ...sumFigures(all, isSettled), entityRows });
  }
  const within = (from: string, to: string) => days.filter((d) => d.date >= from && d.date <= to);
  const period = within(meta.startDate, meta.endDate);
  const order = (a: { date: string }, b: { date: string }) => (input.sort === 'asc' ? a.date.localeCompare(b.date) : b.date.localeCompare(a.date));
  const statements = period
    .map(({ entityRows, ...day }): DayStatement => (input.breakdowns ? { ...day, breakdown: entityRows } : day))
    .sort(order);
  const rows: PeriodReportRow[] = input.breakdowns
    ? period.flatMap((d) => d.entityRows).sort(order)
    : period.map(({ entityRows: _rows, ...day }) => day).sort(order);
  const totals = totalsOf(period);
  return {
    statements,
    report: {
      currency: input.currency,
      meta,
      rows,
      totals,
      monthlyAccumulated: totalsOf(within(meta.monthStartDate, meta.monthEndDate)),
    },
  };
}

/** The breakdown field of a dimension: `byVendedor`… */
export const BREAKDOWN_FIELD = { banca: 'byBanca', ventana: 'byVentana', vendedor: 'byVendedor' } as const satisfies Record<AccountKind, string>;
