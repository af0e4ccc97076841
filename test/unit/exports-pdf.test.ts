import { extractText, extractTextItems, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { groupThousands, render } from '../../shared/exports/pdf.js';
import { ExportRowLimitError, MAX_PDF_ROWS } from '../../shared/exports/response-limit.js';
import { sampleReport, totalsOf } from './fixtures/period-reports.js';

interface TextItem {
  str: string;
  x: number;
  y: number;
  width: number;
}

/** Each page's text items grouped into lines (same baseline), top to bottom, left to right. */
async function readLines(body: Buffer): Promise<{ totalPages: number; pages: TextItem[][][] }> {
  const { totalPages, items } = await extractTextItems(await getDocumentProxy(new Uint8Array(body)));
  const pages = items.map((pageItems) => {
    const byY = new Map<number, TextItem[]>();
    for (const item of pageItems.filter((i) => i.str.trim() !== '')) {
      const y = Math.round(item.y);
      byY.set(y, [...(byY.get(y) ?? []), item]);
    }
    return [...byY.entries()].sort(([a], [b]) => b - a).map(([, line]) => line.sort((a, b) => a.x - b.x));
  });
  return { totalPages, pages };
}

const texts = (line: TextItem[]) => line.map((item) => item.str);

describe('PDF export', () => {
  it('is a PDF with title, period, header, the rows and the totals, read back by pdf.js', async () => {
    const rendered = await render(sampleReport());
    expect(rendered.contentType).toBe('application/pdf');
    expect(rendered.fileName).toBe('account-statements_ventana_2026-11-01_2026-11-02.pdf');
    expect(rendered.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { totalPages, pages } = await readLines(rendered.body);
    expect(totalPages).toBe(1);
    const lines = pages[0]!.map(texts);
    expect(lines[0]).toEqual(['Account statements by ventana']);
    expect(lines[1]).toEqual(['Period 2026-11-01 to 2026-11-02 (2 days), month 2026-11 2026-11-01 to 2026-11-30, amounts in CRC']);
    // Long headers wrap onto two lines, bottom-aligned: read column by column they are whole again.
    expect(lines[2]).toEqual(['Listero', 'Vendedor', 'Remaining']);
    expect(lines[3]).toEqual(['Date', 'Ventana ID', 'Ventana', 'Sales', 'Payouts', 'commission', 'commission', 'Balance', 'Paid', 'Collected', 'balance', 'Settled']);
    lines.splice(2, 1);
    expect(lines[3]).toEqual(['2026-11-01', 'ventana-001', 'Peñas, "Centro"', '500,000.00', '250,000.00', '10,000.00', '7,500.00', '232,500.00', '100,000.00', '0.00', '132,500.00', 'yes']);
    expect(lines[4]!.slice(3, 11)).toEqual(['1,234,567.89', '0.00', '0.05', '0.00', '1,234,567.84', '0.00', '0.99', '1,234,568.83']);
    expect(lines[5]!.slice(0, 3)).toEqual(['2026-11-02', '-2+3', 'José Müller']);
    expect(lines[6]).toEqual(['Total', '1,734,567.89', '250,010.50', '10,000.05', '7,500.00', '1,467,057.34', '100,000.00', '0.99', '1,367,058.33', '1 settled, 2 pending']);
    expect(lines[7]!.slice(0, 2)).toEqual(['Month 2026-11', '1,734,568.89']);
    expect(lines[8]).toEqual(['Page 1 of 1']);
  });

  it('lays the table out readably: money right-aligned per column, no cell over its neighbour', async () => {
    const { pages } = await readLines((await render(sampleReport())).body);
    const dayLines = pages[0]!.slice(4, 7);
    for (let column = 3; column < 11; column++) {
      const rightEdges = dayLines.map((line) => line[column]!.x + line[column]!.width);
      for (const edge of rightEdges) expect(edge).toBeCloseTo(rightEdges[0]!, 0);
    }
    for (const header of pages[0]!.slice(2, 4)) expect(texts(header).join(' ')).not.toContain('…');
    for (const line of pages[0]!.slice(2)) {
      line.slice(1).forEach((item, i) => expect(item.x).toBeGreaterThanOrEqual(line[i]!.x + line[i]!.width));
    }
  });

  it('repeats the header on every page of a long report and numbers the pages', async () => {
    const sample = sampleReport();
    const rows = Array.from({ length: 120 }, (_, i) => ({ ...sample.rows[i % 3]!, date: `2026-11-${String((i % 30) + 1).padStart(2, '0')}` }));
    const report = { ...sample, rows, totals: totalsOf(rows) };
    const { totalPages, pages } = await readLines((await render(report)).body);
    expect(totalPages).toBeGreaterThan(1);
    pages.forEach((lines, i) => {
      expect(lines.some((line) => line[0]!.str === 'Date' && line[5]!.str === 'commission' && line.at(-1)!.str === 'Settled')).toBe(true);
      expect(texts(lines.at(-1)!)).toEqual([`Page ${i + 1} of ${totalPages}`]);
    });
    const dataLines = pages.flat().filter((line) => /^2026-11-\d\d$/.test(line[0]!.str));
    expect(dataLines).toHaveLength(120);
    const totalLine = pages.flat().find((line) => line[0]!.str === 'Total')!;
    expect(totalLine[1]!.str).toBe(groupThousands((report.totals.totalSales / 100).toFixed(2)));
  });

  it('draws what the standard font cannot encode as "?" and cuts long names to their column', async () => {
    const report = sampleReport();
    report.rows[0]!.entity = { id: 'ventana-001', name: '漢字 Ventana with a very long name that cannot fit in its column' };
    const { text } = await extractText(await getDocumentProxy(new Uint8Array((await render(report)).body)), { mergePages: true });
    expect(text).toContain('?? Ventana with a');
    expect(text).not.toContain('cannot fit in its column');
    expect(text).toContain('…');
  });

  it('refuses more rows than a PDF takes, naming the limit', async () => {
    const sample = sampleReport();
    const rows = Array.from({ length: MAX_PDF_ROWS + 1 }, () => sample.rows[0]!);
    const error = await render({ ...sample, rows }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExportRowLimitError);
    expect((error as Error).message).toContain(`at most ${MAX_PDF_ROWS} rows`);
  });

  it('groups thousands of plain decimals', () => {
    expect(groupThousands('0.05')).toBe('0.05');
    expect(groupThousands('-1234567.89')).toBe('-1,234,567.89');
    expect(groupThousands('999')).toBe('999');
    expect(groupThousands('1000')).toBe('1,000');
    expect(groupThousands('-100000.00')).toBe('-100,000.00');
  });
});
