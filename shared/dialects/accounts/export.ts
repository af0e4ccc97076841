/** The accounts export's file (issue 13 item 11): a period report rendered in one format, its limits as 400s naming them. */
import type { PeriodReport } from '../../domain/accounts/period-report.js';
import { renderExport } from '../../exports/render-export.js';
import type { ExportFormat, RenderedExport } from '../../exports/report-table.js';
import { ExportRowLimitError, ExportTooLargeError } from '../../exports/response-limit.js';
import { Invalid, issue } from '../../ledger/errors.js';

export async function exportFile(format: ExportFormat, report: PeriodReport): Promise<RenderedExport> {
  try {
    return await renderExport(format, report);
  } catch (error) {
    if (error instanceof ExportTooLargeError || error instanceof ExportRowLimitError) {
      throw new Invalid(error.message, issue('format', error.message), error.code);
    }
    throw error;
  }
}
