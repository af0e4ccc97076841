/**
 * The one table every export format renders (issue 13 item 11): which columns a period report has,
 * what each cell holds, and the two summary rows. Formats differ only in how they write a cell.
 */
import { formatMajor } from '../domain/money.js';
import {
  DAY_MONEY_FIELDS,
  TOTAL_OF,
  type DayMoneyField,
  type PeriodReport,
  type PeriodReportRow,
  type PeriodTotals,
} from '../domain/accounts/period-report.js';

export const EXPORT_FORMATS = ['csv', 'excel', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** What a renderer produces: the file and how to serve it. */
export interface RenderedExport {
  body: Buffer;
  contentType: string;
  fileName: string;
}

export type TableCell =
  | { kind: 'text'; value: string }
  | { kind: 'money'; minor: number }
  | { kind: 'flag'; value: boolean }
  | { kind: 'empty' };

export type ColumnKind = 'text' | 'money' | 'flag';

export interface ReportTable {
  title: string;
  /** One line saying period, dimension and currency. */
  subtitle: string;
  headers: string[];
  columnKinds: ColumnKind[];
  rows: TableCell[][];
  /** "Total" over the period, then the month of its end. */
  summaryRows: TableCell[][];
}

export const MONEY_HEADERS = {
  totalSales: 'Sales',
  totalPayouts: 'Payouts',
  listeroCommission: 'Listero commission',
  vendedorCommission: 'Vendedor commission',
  balance: 'Balance',
  totalPaid: 'Paid',
  totalCollected: 'Collected',
  remainingBalance: 'Remaining balance',
} as const satisfies Record<DayMoneyField, string>;

const DIMENSION_LABEL = { banca: 'Banca', ventana: 'Ventana', vendedor: 'Vendedor' } as const;

const text = (value: string): TableCell => ({ kind: 'text', value });
const EMPTY: TableCell = { kind: 'empty' };

/** Whether the report breaks days down by entity (then it has entity id and name columns). */
export function hasEntityColumns(report: PeriodReport): boolean {
  return report.rows.some((row) => row.entity !== undefined);
}

export function reportTable(report: PeriodReport): ReportTable {
  const { meta, currency } = report;
  const byEntity = hasEntityColumns(report);
  const dimension = DIMENSION_LABEL[meta.dimension];
  const headers = [
    'Date',
    ...(byEntity ? [`${dimension} ID`, dimension] : []),
    ...DAY_MONEY_FIELDS.map((field) => MONEY_HEADERS[field]),
    'Settled',
  ];
  const columnKinds: ColumnKind[] = [
    'text',
    ...(byEntity ? (['text', 'text'] as const) : []),
    ...DAY_MONEY_FIELDS.map(() => 'money' as const),
    'flag',
  ];
  const dayRow = (row: PeriodReportRow): TableCell[] => [
    text(row.date),
    ...(byEntity ? [text(row.entity?.id ?? ''), text(row.entity?.name ?? '')] : []),
    ...DAY_MONEY_FIELDS.map((field): TableCell => ({ kind: 'money', minor: row[field] })),
    { kind: 'flag', value: row.isSettled },
  ];
  const summaryRow = (label: string, totals: PeriodTotals): TableCell[] => [
    text(label),
    ...(byEntity ? [EMPTY, EMPTY] : []),
    ...DAY_MONEY_FIELDS.map((field): TableCell => ({ kind: 'money', minor: totals[TOTAL_OF[field]] })),
    text(`${totals.settledDays} settled, ${totals.pendingDays} pending`),
  ];
  return {
    title: `Account statements by ${meta.dimension}`,
    subtitle:
      `Period ${meta.startDate} to ${meta.endDate} (${meta.totalDays} ${meta.totalDays === 1 ? 'day' : 'days'}), ` +
      `month ${meta.month} ${meta.monthStartDate} to ${meta.monthEndDate}, amounts in ${currency}`,
    headers,
    columnKinds,
    rows: report.rows.map(dayRow),
    summaryRows: [
      summaryRow('Total', report.totals),
      summaryRow(`Month ${meta.month}`, report.monthlyAccumulated),
    ],
  };
}

/** The plain decimal of a money cell ("-1234.50"; no thousands separators). */
export function moneyText(minor: number, report: PeriodReport): string {
  return formatMajor(minor, report.currency);
}

/**
 * A money amount as a JS number for a spreadsheet's numeric cell, converted from its exact decimal
 * string at the very end (the nearest double to that decimal, which is what the cell stores anyway).
 */
export function moneyNumber(minor: number, report: PeriodReport): number {
  return Number(formatMajor(minor, report.currency));
}

export const flagText = (value: boolean): string => (value ? 'yes' : 'no');

/** `account-statements_<dimension>_<start>_<end>.<extension>`: ASCII only, safe in Content-Disposition as is. */
export function exportFileName(report: PeriodReport, extension: string): string {
  const { dimension, startDate, endDate } = report.meta;
  return `account-statements_${dimension}_${startDate}_${endDate}.${extension}`;
}
