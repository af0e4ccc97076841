import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY_MONEY_FIELDS, TOTAL_OF, type PeriodReport } from '../../shared/domain/accounts/period-report.js';
import { parseMajor } from '../../shared/domain/money.js';
import { neutralizeFormula, quoteField, render } from '../../shared/exports/csv.js';
import { renderExport } from '../../shared/exports/render-export.js';
import {
  assertWithinResponseLimit,
  base64Length,
  ExportTooLargeError,
  LAMBDA_RESPONSE_LIMIT_BYTES,
  MAX_EXPORT_FILE_BYTES,
} from '../../shared/exports/response-limit.js';
import { periodReportArbitrary, sampleReport, totalsOf } from './fixtures/period-reports.js';

const FORMULA_START = /^[=+\-@\t\r]/;

/** The CSV read back by an independent RFC 4180 parser (csv-parse), BOM handled as Excel does. */
function readCsv(body: Buffer): string[][] {
  return parse(body, { bom: true, relax_column_count: false }) as string[][];
}

function minorOf(cell: string, report: PeriodReport): number {
  // Totals, not request fields: read back up to 2^53, past the amount maximum.
  const parsed = parseMajor(cell, report.currency, Number.MAX_SAFE_INTEGER);
  if (!parsed.ok) throw new Error(`not an amount: ${cell}`);
  return parsed.minor;
}

describe('CSV export', () => {
  it('is UTF-8 with a BOM, a header row, CRLF lines and the download metadata', async () => {
    const rendered = await render(sampleReport());
    expect([...rendered.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(rendered.contentType).toBe('text/csv; charset=utf-8');
    expect(rendered.fileName).toBe('account-statements_ventana_2026-11-01_2026-11-02.csv');
    const text = rendered.body.toString('utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/"[^"]*"/g, '').split('\n').every((line, i, all) => i === all.length - 1 || line.endsWith('\r'))).toBe(true);
    expect(readCsv(rendered.body)[0]).toEqual([
      'Date', 'Ventana ID', 'Ventana', 'Sales', 'Payouts', 'Listero commission', 'Vendedor commission',
      'Balance', 'Paid', 'Collected', 'Remaining balance', 'Settled',
    ]);
  });

  it('writes plain decimals of the currency, day rows, then the period and month totals', async () => {
    const rows = readCsv((await render(sampleReport())).body);
    expect(rows).toHaveLength(1 + 3 + 2);
    expect(rows[1]).toEqual([
      '2026-11-01', 'ventana-001', 'Peñas, "Centro"', '500000.00', '250000.00', '10000.00', '7500.00', '232500.00', '100000.00', '0.00', '132500.00', 'yes',
    ]);
    expect(rows[2]!.slice(3, 11)).toEqual(['1234567.89', '0.00', '0.05', '0.00', '1234567.84', '0.00', '0.99', '1234568.83']);
    expect(rows[3]!.slice(0, 4)).toEqual(['2026-11-02', "'-2+3", 'José Müller', '0.00']);
    expect(rows[3]![7]).toBe('-10.50'); // a negative amount stays a number: no formula prefix
    expect(rows[4]).toEqual(['Total', '', '', '1734567.89', '250010.50', '10000.05', '7500.00', '1467057.34', '100000.00', '0.99', '1367058.33', '1 settled, 2 pending']);
    expect(rows[5]![0]).toBe('Month 2026-11');
    expect(rows[5]![3]).toBe('1734568.89');
    expect(rows[5]![11]).toBe('5 settled, 2 pending');
  });

  it('neutralizes text cells that a spreadsheet would run as a formula (OWASP), never numbers', async () => {
    const rows = readCsv((await render(sampleReport())).body);
    expect(rows[2]![2]).toBe(`'=HYPERLINK("http://x","y")`);
    for (const trigger of ['=', '+', '-', '@', '\t', '\r']) expect(neutralizeFormula(`${trigger}1+1`)).toBe(`'${trigger}1+1`);
    expect(neutralizeFormula('a=1')).toBe('a=1');
    expect(neutralizeFormula('')).toBe('');
    for (const row of rows) for (const cell of row) expect(FORMULA_START.test(cell) && !/^-\d+(\.\d+)?$/.test(cell)).toBe(false);
  });

  it('quotes fields as RFC 4180 says', () => {
    expect(quoteField('plain')).toBe('plain');
    expect(quoteField('a,b')).toBe('"a,b"');
    expect(quoteField('say "hi"')).toBe('"say ""hi"""');
    expect(quoteField('two\nlines')).toBe('"two\nlines"');
    expect(quoteField('cr\r')).toBe('"cr\r"');
  });

  it('has no entity columns when the rows are the whole scope summed per day', async () => {
    const report = sampleReport();
    report.rows = report.rows.map(({ entity: _entity, ...row }) => row);
    const rows = readCsv((await render(report)).body);
    expect(rows[0]!.slice(0, 2)).toEqual(['Date', 'Sales']);
    expect(rows.every((row) => row.length === 10)).toBe(true);
  });

  it('round-trips every figure of any report (property)', async () => {
    await fc.assert(
      fc.asyncProperty(periodReportArbitrary, async (report) => {
        const rows = readCsv((await render(report)).body);
        const byEntity = report.rows.some((row) => row.entity);
        const firstMoney = byEntity ? 3 : 1;
        expect(rows).toHaveLength(1 + report.rows.length + 2);
        report.rows.forEach((expected, i) => {
          const cells = rows[i + 1]!;
          expect(cells[0]).toBe(expected.date);
          if (expected.entity) {
            expect(cells[1]).toBe(neutralizeFormula(expected.entity.id));
            expect(cells[2]).toBe(neutralizeFormula(expected.entity.name));
          }
          DAY_MONEY_FIELDS.forEach((field, k) => expect(minorOf(cells[firstMoney + k]!, report)).toBe(expected[field]));
          expect(cells.at(-1)).toBe(expected.isSettled ? 'yes' : 'no');
        });
        const totalCells = rows[report.rows.length + 1]!;
        const totals = totalsOf(report.rows);
        DAY_MONEY_FIELDS.forEach((field, k) => expect(minorOf(totalCells[firstMoney + k]!, report)).toBe(totals[TOTAL_OF[field]]));
      }),
      { numRuns: 150 },
    );
  });
});

describe('response size limit', () => {
  it('leaves room for headers once base64-encoded in a 6 MB Lambda response', () => {
    expect(base64Length(MAX_EXPORT_FILE_BYTES)).toBe(6_000_000);
    expect(base64Length(MAX_EXPORT_FILE_BYTES)).toBeLessThan(LAMBDA_RESPONSE_LIMIT_BYTES);
  });

  it('accepts a file at the limit and rejects one byte more, naming the limit', () => {
    expect(() => assertWithinResponseLimit(new Uint8Array(MAX_EXPORT_FILE_BYTES))).not.toThrow();
    const tooLarge = new Uint8Array(MAX_EXPORT_FILE_BYTES + 1);
    expect(() => assertWithinResponseLimit(tooLarge)).toThrow(ExportTooLargeError);
    expect(() => assertWithinResponseLimit(tooLarge)).toThrow(/limit is 4\.50 MB/);
  });

  it('renderExport refuses a CSV past the limit', async () => {
    const sample = sampleReport();
    const rows = Array.from({ length: 60_000 }, (_, i) => ({ ...sample.rows[i % 3]!, entity: { id: `vendedor-${i}`, name: `Vendedor número ${i}` } }));
    const report = { ...sample, rows, totals: totalsOf(rows) };
    const error = await renderExport('csv', report).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExportTooLargeError);
    expect((error as ExportTooLargeError).fileBytes).toBeGreaterThan(MAX_EXPORT_FILE_BYTES);
    expect((error as ExportTooLargeError).code).toBe('EXPORT_TOO_LARGE');
  });
});
