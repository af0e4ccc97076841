/**
 * PDF export (pdf-lib, lazily loaded): landscape A4, title and period, the table of day rows with
 * its header repeated on every page, the two summary rows in bold, "page N of M" at the foot.
 * Helvetica is one of the 14 standard PDF fonts: nothing to embed or bundle but its metrics, which
 * pdf-lib carries in JS. Standard fonts cover WinAnsi (Latin-1 and a few more), so a character
 * outside it (a name in another script) is drawn as "?" instead of failing the export.
 */
import type { PDFFont, PDFPage } from 'pdf-lib';
import type { PeriodReport } from '../domain/accounts/period-report.js';
import { exportFileName, flagText, moneyText, reportTable, type ColumnKind, type RenderedExport, type TableCell } from './report-table.js';
import { ExportRowLimitError, MAX_PDF_ROWS } from './response-limit.js';

export const PDF_CONTENT_TYPE = 'application/pdf';

const PAGE: [number, number] = [841.89, 595.28]; // A4 landscape, points
const MARGIN = 36;
const FONT_SIZE = 7;
const ROW_HEIGHT = 11;
const CELL_PADDING = 3;
/** Width in points of the text and flag columns (the first, the date, is DATE_WIDTH); money columns share what is left. */
const FIXED_WIDTH: Record<Exclude<ColumnKind, 'money'>, number> = { text: 70, flag: 80 };
const DATE_WIDTH = 56;

/** "1234567.89" → "1,234,567.89": thousands grouped for reading (the CSV keeps plain decimals). */
export function groupThousands(plain: string): string {
  const [whole = '', fraction] = plain.split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const grouped = whole.replace('-', '').replace(/\B(?=(\d{3})+$)/g, ',');
  return sign + grouped + (fraction === undefined ? '' : `.${fraction}`);
}

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  encodable: Set<number>;
}

/** `value` with what the standard font cannot encode replaced, cut with "…" to fit `width`. */
function fitText(value: string, font: PDFFont, encodable: Set<number>, width: number): string {
  let safe = [...value].map((ch) => (encodable.has(ch.codePointAt(0)!) ? ch : '?')).join('');
  if (font.widthOfTextAtSize(safe, FONT_SIZE) <= width) return safe;
  while (safe.length > 0 && font.widthOfTextAtSize(`${safe}…`, FONT_SIZE) > width) safe = safe.slice(0, -1);
  return `${safe}…`;
}

function cellText(cell: TableCell, report: PeriodReport): string {
  switch (cell.kind) {
    case 'text':
      return cell.value;
    case 'money':
      return groupThousands(moneyText(cell.minor, report));
    case 'flag':
      return flagText(cell.value);
    case 'empty':
      return '';
  }
}

function columnWidths(kinds: readonly ColumnKind[]): number[] {
  const tableWidth = PAGE[0] - 2 * MARGIN;
  const fixed = kinds.map((kind, i) => (i === 0 ? DATE_WIDTH : kind === 'money' ? 0 : FIXED_WIDTH[kind]));
  const moneyColumns = kinds.filter((kind) => kind === 'money').length;
  const moneyWidth = (tableWidth - fixed.reduce((a, b) => a + b, 0)) / moneyColumns;
  return kinds.map((kind, i) => (kind === 'money' ? moneyWidth : fixed[i]!));
}

/** Words of `text` on as few lines as fit `width` (a word longer than that gets a line of its own). */
function wrapWords(text: string, font: PDFFont, width: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && font.widthOfTextAtSize(`${last} ${word}`, FONT_SIZE) <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

function drawRow(
  page: PDFPage,
  y: number,
  texts: readonly string[],
  kinds: readonly ColumnKind[],
  widths: readonly number[],
  font: PDFFont,
  fonts: Fonts,
  overflow = true,
) {
  let x = MARGIN;
  texts.forEach((value, i) => {
    const width = widths[i]!;
    // A text may run on over the empty cells after it (the summary labels over the entity columns).
    let room = width;
    for (let next = i + 1; overflow && kinds[i] !== 'money' && texts[next] === ''; next++) room += widths[next]!;
    const fitted = fitText(value, font, fonts.encodable, room - 2 * CELL_PADDING);
    const textWidth = font.widthOfTextAtSize(fitted, FONT_SIZE);
    const left = kinds[i] === 'money' ? x + width - CELL_PADDING - textWidth : x + CELL_PADDING;
    page.drawText(fitted, { x: left, y, size: FONT_SIZE, font });
    x += width;
  });
}

export async function render(report: PeriodReport): Promise<RenderedExport> {
  if (report.rows.length > MAX_PDF_ROWS) throw new ExportRowLimitError(report.rows.length, MAX_PDF_ROWS, 'PDF');
  const { PDFDocument, StandardFonts, rgb } = await import('pdf-lib');
  const table = reportTable(report);
  const doc = await PDFDocument.create();
  doc.setTitle(`${table.title}, ${report.meta.startDate} to ${report.meta.endDate}`);
  doc.setCreator('Caja');
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const fonts: Fonts = { regular, bold: await doc.embedFont(StandardFonts.HelveticaBold), encodable: new Set(regular.getCharacterSet()) };
  const widths = columnWidths(table.columnKinds);
  const line = (page: PDFPage, y: number) =>
    page.drawLine({ start: { x: MARGIN, y }, end: { x: PAGE[0] - MARGIN, y }, thickness: 0.5, color: rgb(0.6, 0.6, 0.6) });

  let page = doc.addPage(PAGE);
  let y = PAGE[1] - MARGIN;
  page.drawText(fitText(table.title, fonts.bold, fonts.encodable, PAGE[0]), { x: MARGIN, y: y - 14, size: 14, font: fonts.bold });
  page.drawText(table.subtitle, { x: MARGIN, y: y - 28, size: 9, font: fonts.regular });
  y -= 48;

  // Headers wrap onto as many lines as the widest needs, bottom-aligned over their column.
  const headerLines = table.headers.map((header, i) => wrapWords(header, fonts.bold, widths[i]! - 2 * CELL_PADDING));
  const headerHeight = Math.max(...headerLines.map((lines) => lines.length));
  const startTableOnPage = () => {
    for (let level = 0; level < headerHeight; level++) {
      const texts = headerLines.map((lines) => lines[lines.length - headerHeight + level] ?? '');
      drawRow(page, y, texts, table.columnKinds, widths, fonts.bold, fonts, false);
      y -= ROW_HEIGHT - 2;
    }
    line(page, y + ROW_HEIGHT - 5);
    y -= 4;
  };
  const ensureRoom = () => {
    if (y >= MARGIN + ROW_HEIGHT) return;
    page = doc.addPage(PAGE);
    y = PAGE[1] - MARGIN - 10;
    startTableOnPage();
  };

  startTableOnPage();
  for (const cells of table.rows) {
    ensureRoom();
    drawRow(page, y, cells.map((cell) => cellText(cell, report)), table.columnKinds, widths, fonts.regular, fonts);
    y -= ROW_HEIGHT;
  }
  ensureRoom();
  line(page, y + ROW_HEIGHT - 3);
  for (const cells of table.summaryRows) {
    ensureRoom();
    drawRow(page, y, cells.map((cell) => cellText(cell, report)), table.columnKinds, widths, fonts.bold, fonts);
    y -= ROW_HEIGHT;
  }

  const pages = doc.getPages();
  pages.forEach((p, i) => {
    const label = `Page ${i + 1} of ${pages.length}`;
    p.drawText(label, { x: PAGE[0] - MARGIN - fonts.regular.widthOfTextAtSize(label, FONT_SIZE), y: MARGIN / 2, size: FONT_SIZE, font: fonts.regular });
  });
  const body = Buffer.from(await doc.save());
  return { body, contentType: PDF_CONTENT_TYPE, fileName: exportFileName(report, 'pdf') };
}
