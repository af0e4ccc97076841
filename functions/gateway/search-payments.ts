import { endpoint } from '../../shared/http/endpoint.js';
import { parseSearch } from '../../shared/domain/gateway/search-grammar.js';
import { renderPayment } from '../../shared/dialects/gateway/render-payment.js';
import { searchGatewayPayments } from '../../shared/services/gateway/search-payments.js';
import { tenantSettings } from '../../shared/store/tenants.js';
import { searchQuery } from './schemas.js';

export const handler = endpoint('GET /pagos', {
  query: searchQuery,
  handle: async ({ query, principal }) => {
    const search = parseSearch(query);
    const { payments, total } = await searchGatewayPayments(principal.tenant, search);
    const { timeZone } = await tenantSettings(principal.tenant);
    return { data: { data: payments.map((p) => renderPayment(p, timeZone)), page: search.page, limit: search.limit, total } };
  },
});
