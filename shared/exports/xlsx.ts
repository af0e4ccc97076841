/**
 * XLSX export (write-excel-file, lazily loaded): sheet "Statements" with the day rows and the two
 * summary rows, sheet "Period" with what the report covers. Money cells are numeric cells with a
 * number format of the currency's decimals; text cells are stored as strings, which a spreadsheet
 * never evaluates as formulas, so they need no CSV-style neutralizing.
 */
import type { Cell, Row, SheetData } from 'write-excel-file/node';
import { CURRENCY_DECIMALS } from '../domain/money.js';
import type { PeriodReport } from '../domain/accounts/period-report.js';
import { exportFileName, moneyNumber, reportTable, type ColumnKind, type RenderedExport, type TableCell } from './report-table.js';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** `#,##0.00` for a currency with two decimals, `#,##0` for CLP: display only, the cell keeps the number. */
export function moneyFormat(report: PeriodReport): string {
  const decimals = CURRENCY_DECIMALS[report.currency];
  return decimals === 0 ? '#,##0' : `#,##0.${'0'.repeat(decimals)}`;
}

const COLUMN_WIDTH: Record<ColumnKind, number> = { text: 14, money: 16, flag: 9 };

function sheetCell(cell: TableCell, report: PeriodReport, bold: boolean): Cell {
  const weight = bold ? { fontWeight: 'bold' as const } : {};
  switch (cell.kind) {
    case 'text':
      return { value: cell.value, type: String, ...weight };
    case 'money':
      return { value: moneyNumber(cell.minor, report), type: Number, format: moneyFormat(report), ...weight };
    case 'flag':
      return { value: cell.value, type: Boolean, ...weight };
    case 'empty':
      return null;
  }
}

export async function render(report: PeriodReport): Promise<RenderedExport> {
  const { default: writeXlsxFile } = await import('write-excel-file/node');
  const table = reportTable(report);
  const statements: SheetData = [
    table.headers.map((header): Cell => ({ value: header, type: String, fontWeight: 'bold' })),
    ...table.rows.map((cells): Row => cells.map((cell) => sheetCell(cell, report, false))),
    ...table.summaryRows.map((cells): Row => cells.map((cell) => sheetCell(cell, report, true))),
  ];
  const { meta } = report;
  const period: SheetData = [
    [{ value: table.title, type: String, fontWeight: 'bold' }],
    ...(
      [
        ['Dimension', meta.dimension],
        ['Start date', meta.startDate],
        ['End date', meta.endDate],
        ['Days', meta.totalDays],
        ['Month', meta.month],
        ['Month start date', meta.monthStartDate],
        ['Month end date', meta.monthEndDate],
        ['Currency', report.currency],
      ] as const
    ).map(([label, value]): Row => [label, value]),
  ];
  const body = await writeXlsxFile([
    {
      data: statements,
      sheet: 'Statements',
      stickyRowsCount: 1,
      columns: table.columnKinds.map((kind) => ({ width: COLUMN_WIDTH[kind] })),
    },
    { data: period, sheet: 'Period', columns: [{ width: 18 }, { width: 28 }] },
  ]).toBuffer();
  return { body, contentType: XLSX_CONTENT_TYPE, fileName: exportFileName(report, 'xlsx') };
}
