/**
 * Stands in for the export function until its handler exists (issue 13 item 11): the accounts
 * statement handler's plumbing, store and service, plus the period resolution and the renderers, so
 * test/bench/export-bundle.ts measures what that function will weigh.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { handler as statementHandler } from '../../functions/accounts/get-statement.js';
import { resolvePeriod } from '../../shared/domain/accounts/period.js';
import type { PeriodReport } from '../../shared/domain/accounts/period-report.js';
import { renderExport } from '../../shared/exports/render-export.js';
import type { ExportFormat } from '../../shared/exports/report-table.js';

interface StandInEvent {
  exportFormat?: ExportFormat;
  report?: PeriodReport;
}

export const handler = async (event: APIGatewayProxyEventV2 & StandInEvent, context: Parameters<typeof statementHandler>[1]) => {
  if (event.exportFormat && event.report) {
    resolvePeriod({ date: 'today' }, new Date(), 'UTC');
    const file = await renderExport(event.exportFormat, event.report);
    return { statusCode: 200, isBase64Encoded: true, body: file.body.toString('base64') };
  }
  return statementHandler(event, context);
};
