import { recordsPage, toReceivablesPayment } from '../../shared/dialects/receivables/render.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { searchReceivablesPayments } from '../../shared/ledger/receivables/search-payments.js';
import { getPaymentsRoute } from './routes.js';
import { schemas } from './schemas/get-payments.js';

/** The tenant's payments through the query planner; no filter is mandatory. `expandFile` changes nothing: Caja keeps no files. */
export const handler = endpoint(getPaymentsRoute, {
  ...schemas,
  handle: async ({ query, principal }) => {
    const { payments, total, timeZone } = await searchReceivablesPayments(principal.tenant, query);
    return { data: recordsPage(payments.map((p) => toReceivablesPayment(p, timeZone)), total, query.page, query.resultsPerPage) };
  },
});
