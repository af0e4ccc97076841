import { renderPayment } from '../../shared/dialects/gateway/render-payment.js';
import { parseSearch } from '../../shared/domain/gateway/search-grammar.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { searchGatewayPayments } from '../../shared/ledger/gateway/search-payments.js';
import { searchPaymentsRoute } from './routes.js';
import { schemas } from './schemas/search-payments.js';

export const handler = endpoint(searchPaymentsRoute, {
  ...schemas,
  handle: async ({ query, principal }) => {
    const search = parseSearch(query);
    const { payments, total, timeZone } = await searchGatewayPayments(principal, search);
    return { data: { data: payments.map((p) => renderPayment(p, timeZone)), page: search.page, limit: search.limit, total } };
  },
});
