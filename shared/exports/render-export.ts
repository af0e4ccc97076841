/**
 * Renders a period report in one format. Each format's module (and with it its library) is imported
 * only when that format is asked for: a CSV export never loads the XLSX or PDF code.
 */
import type { PeriodReport } from '../domain/accounts/period-report.js';
import type { ExportFormat, RenderedExport } from './report-table.js';
import { assertWithinResponseLimit } from './response-limit.js';

type Renderer = { render(report: PeriodReport): Promise<RenderedExport> };

const RENDERERS: Record<ExportFormat, () => Promise<Renderer>> = {
  csv: () => import('./csv.js'),
  excel: () => import('./xlsx.js'),
  pdf: () => import('./pdf.js'),
};

/** The file of `report` in `format`; throws ExportTooLargeError past the Lambda response limit. */
export async function renderExport(format: ExportFormat, report: PeriodReport): Promise<RenderedExport> {
  const rendered = await (await RENDERERS[format]()).render(report);
  assertWithinResponseLimit(rendered.body);
  return rendered;
}

/** `Content-Disposition` of a download (the file names are ASCII, see exportFileName). */
export function attachmentDisposition(fileName: string): string {
  return `attachment; filename="${fileName}"`;
}
