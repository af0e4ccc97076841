/** Period statements in accounts terms (issue 13 item 9): the original's shape, money as major-unit numbers. */
import { type AccountKind, DIMENSION_FIELD } from '../../domain/account-scope.js';
import { BREAKDOWN_FIELD, type DayStatement } from '../../domain/accounts/period-statements.js';
import type { PeriodDayFigures, PeriodTotals } from '../../domain/accounts/period-report.js';
import { type Currency, sumMinor, toMajorNumber } from '../../domain/money.js';
import type { PeriodStatementsResult } from '../../ledger/accounts/period-statements.js';

const NAME_FIELD = { banca: 'bancaName', ventana: 'ventanaName', vendedor: 'vendedorName' } as const satisfies Record<AccountKind, string>;

function figures(f: PeriodDayFigures, currency: Currency) {
  const major = (minor: number) => toMajorNumber(minor, currency);
  return {
    totalSales: major(f.totalSales),
    totalPayouts: major(f.totalPayouts),
    commission: major(sumMinor([f.listeroCommission, f.vendedorCommission])),
    listeroCommission: major(f.listeroCommission),
    vendedorCommission: major(f.vendedorCommission),
    balance: major(f.balance),
    totalPaid: major(f.totalPaid),
    totalCollected: major(f.totalCollected),
    totalPaymentsCollections: major(sumMinor([f.totalPaid, f.totalCollected])),
    remainingBalance: major(f.remainingBalance),
    isSettled: f.isSettled,
  };
}

function totals(t: PeriodTotals, currency: Currency) {
  const major = (minor: number) => toMajorNumber(minor, currency);
  const { settledDays, pendingDays, ...money } = t;
  return { ...Object.fromEntries(Object.entries(money).map(([field, minor]) => [field, major(minor)])), settledDays, pendingDays };
}

const entityFields = (dimension: AccountKind, entity: { id: string; name: string }) => ({
  [DIMENSION_FIELD[dimension]]: entity.id,
  [NAME_FIELD[dimension]]: entity.name,
});

/** `{statements, totals, monthlyAccumulated, meta}`. */
export function renderPeriodStatements(result: PeriodStatementsResult) {
  const { currency, dimension, report, single } = result;
  const statement = (day: DayStatement) => ({
    date: day.date,
    month: day.date.slice(0, 7),
    ...(single ? entityFields(dimension, single) : {}),
    ...figures(day, currency),
    ...(day.breakdown
      ? { [BREAKDOWN_FIELD[dimension]]: day.breakdown.map((row) => ({ ...entityFields(dimension, row.entity!), ...figures(row, currency) })) }
      : {}),
  });
  const { month, startDate, endDate, totalDays, monthStartDate, monthEndDate } = report.meta;
  return {
    statements: result.statements.map(statement),
    totals: totals(report.totals, currency),
    monthlyAccumulated: totals(report.monthlyAccumulated, currency),
    meta: { month, startDate, endDate, dimension, totalDays, monthStartDate, monthEndDate },
  };
}
