/**
 * CSV export: RFC 4180 (comma, CRLF, quotes doubled), UTF-8 WITH a byte-order mark, a header row,
 * plain decimals ("1234.50": a dot, no thousands separators).
 *
 * Why the BOM: Excel, the program most of these files are opened in, reads a CSV without one in the
 * machine's legacy code page, so "Peñas" or "José" come out garbled; with the BOM it reads UTF-8.
 * Parsers that do not expect it (csv-parse: `bom: true`, Python: `utf-8-sig`) have a switch for it.
 *
 * Formula injection (OWASP "CSV Injection"): a text cell that starts with = + - @, a tab or a
 * carriage return is prefixed with a single quote so a spreadsheet shows it as text instead of
 * evaluating it. Only text cells (entity names and ids, labels) are touched: money cells are numbers
 * the export wrote itself, and "-150.00" must stay a negative number.
 */
import type { PeriodReport } from '../domain/accounts/period-report.js';
import { exportFileName, flagText, moneyText, reportTable, type RenderedExport, type TableCell } from './report-table.js';

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';
const BOM = '\uFEFF';
const FORMULA_TRIGGER = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** A text cell made inert for spreadsheets (OWASP CSV injection). */
export function neutralizeFormula(value: string): string {
  return FORMULA_TRIGGER.test(value) ? `'${value}` : value;
}

/** One field, quoted when RFC 4180 requires it. */
export function quoteField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function cellText(cell: TableCell, report: PeriodReport): string {
  switch (cell.kind) {
    case 'text':
      return neutralizeFormula(cell.value);
    case 'money':
      return moneyText(cell.minor, report);
    case 'flag':
      return flagText(cell.value);
    case 'empty':
      return '';
  }
}

export async function render(report: PeriodReport): Promise<RenderedExport> {
  const table = reportTable(report);
  const lines = [
    table.headers.map((header) => quoteField(neutralizeFormula(header))).join(','),
    ...[...table.rows, ...table.summaryRows].map((cells) => cells.map((cell) => quoteField(cellText(cell, report))).join(',')),
  ];
  return {
    body: Buffer.from(BOM + lines.join('\r\n') + '\r\n', 'utf8'),
    contentType: CSV_CONTENT_TYPE,
    fileName: exportFileName(report, 'csv'),
  };
}
