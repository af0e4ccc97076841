import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { render } from '../../shared/exports/xlsx.js';
import { sampleReport, totalsOf } from './fixtures/period-reports.js';

/** The workbook read back by an independent reader (exceljs). */
async function readWorkbook(body: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  return workbook;
}

function rowValues(sheet: ExcelJS.Worksheet, rowNumber: number): unknown[] {
  const row = sheet.getRow(rowNumber);
  return Array.from({ length: sheet.columnCount }, (_, i) => row.getCell(i + 1).value ?? null);
}

describe('XLSX export', () => {
  it('is a workbook with the statements and the period, served as a download', async () => {
    const rendered = await render(sampleReport());
    expect(rendered.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(rendered.fileName).toBe('account-statements_ventana_2026-11-01_2026-11-02.xlsx');
    expect(rendered.body.subarray(0, 2).toString('latin1')).toBe('PK');
    const workbook = await readWorkbook(rendered.body);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Statements', 'Period']);
    const period = workbook.getWorksheet('Period')!;
    expect(rowValues(period, 3)).toEqual(['Start date', '2026-11-01']);
    expect(rowValues(period, 5)).toEqual(['Days', 2]);
    expect(rowValues(period, 9)).toEqual(['Currency', 'CRC']);
  });

  it('writes money as numeric cells with the currency decimals as number format', async () => {
    const sheet = (await readWorkbook((await render(sampleReport())).body)).getWorksheet('Statements')!;
    expect(rowValues(sheet, 1)).toEqual([
      'Date', 'Ventana ID', 'Ventana', 'Sales', 'Payouts', 'Listero commission', 'Vendedor commission',
      'Balance', 'Paid', 'Collected', 'Remaining balance', 'Settled',
    ]);
    expect(rowValues(sheet, 2)).toEqual(['2026-11-01', 'ventana-001', 'Peñas, "Centro"', 500000, 250000, 10000, 7500, 232500, 100000, 0, 132500, true]);
    expect(rowValues(sheet, 3).slice(3)).toEqual([1234567.89, 0, 0.05, 0, 1234567.84, 0, 0.99, 1234568.83, false]);
    expect(rowValues(sheet, 4).slice(0, 3)).toEqual(['2026-11-02', '-2+3', 'José Müller']);
    expect(rowValues(sheet, 4)[7]).toBe(-10.5);
    for (let column = 4; column <= 11; column++) {
      const cell = sheet.getRow(3).getCell(column);
      expect(cell.type).toBe(ExcelJS.ValueType.Number);
      expect(cell.numFmt).toBe('#,##0.00');
    }
    // Stored as a string, which Excel never evaluates: no prefix needed (unlike CSV).
    expect(sheet.getRow(3).getCell(3).value).toBe('=HYPERLINK("http://x","y")');
    expect(sheet.getRow(3).getCell(3).type).toBe(ExcelJS.ValueType.String);
  });

  it('ends with the period totals and the month, in bold', async () => {
    const report = sampleReport();
    const sheet = (await readWorkbook((await render(report)).body)).getWorksheet('Statements')!;
    expect(sheet.rowCount).toBe(1 + 3 + 2);
    expect(rowValues(sheet, 5)).toEqual(['Total', null, null, 1734567.89, 250010.5, 10000.05, 7500, 1467057.34, 100000, 0.99, 1367058.33, '1 settled, 2 pending']);
    expect(rowValues(sheet, 6).slice(0, 4)).toEqual(['Month 2026-11', null, null, 1734568.89]);
    expect(sheet.getRow(5).getCell(4).font?.bold).toBe(true);
    // The totals agree with the day cells as a spreadsheet would add them (in minor units).
    for (let column = 4; column <= 11; column++) {
      const dayCells = [2, 3, 4].map((r) => Math.round((sheet.getRow(r).getCell(column).value as number) * 100));
      expect(Math.round((sheet.getRow(5).getCell(column).value as number) * 100)).toBe(dayCells.reduce((a, b) => a + b, 0));
    }
  });

  it('uses whole numbers and a format without decimals for a currency without decimals', async () => {
    const report = { ...sampleReport(), currency: 'CLP' as const };
    const sheet = (await readWorkbook((await render(report)).body)).getWorksheet('Statements')!;
    expect(rowValues(sheet, 3).slice(3, 5)).toEqual([123456789, 0]);
    expect(sheet.getRow(3).getCell(4).numFmt).toBe('#,##0');
    expect(rowValues(sheet, 5)[3]).toBe(totalsOf(report.rows).totalSales);
  });

  it('keeps large amounts exact (cents of a billion)', async () => {
    const report = sampleReport();
    report.rows[0]!.totalSales = 1_234_567_890_134;
    const sheet = (await readWorkbook((await render(report)).body)).getWorksheet('Statements')!;
    expect(sheet.getRow(2).getCell(4).value).toBe(12345678901.34);
  });
});
