import { exportFile } from '../../shared/dialects/accounts/export.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { getPeriodStatements } from '../../shared/ledger/accounts/period-statements.js';
import { exportRoute } from './routes.js';
import { schemas } from './schemas/export.js';

/**
 * `?format=csv|excel|pdf` with a period's filters: the period statements as a download. The XLSX
 * and PDF libraries are imported only when their format is asked for (shared/exports/render-export.ts).
 */
export const handler = endpoint(exportRoute, {
  ...schemas,
  handle: async ({ query, principal, log }) => {
    const { format, ...period } = query;
    const { report } = await getPeriodStatements({ principal, log }, period);
    return { data: null, file: await exportFile(format, report) };
  },
});
