import { recordsPage } from '../../shared/dialects/receivables/render.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { receivablesPaymentMethods } from '../../shared/ledger/receivables/payment-methods.js';
import { getPaymentMethodsRoute } from './routes.js';
import { schemas } from './schemas/get-payment-methods.js';

const byId = (a: { code: string }, b: { code: string }) => Number(a.code) - Number(b.code);
const byName = (a: { name: string; code: string }, b: { name: string; code: string }) => a.name.localeCompare(b.name, 'es') || byId(a, b);

/** The tenant's catalogue as `{id, name}`, ordered by id (1) or name (2), DESC by default. */
export const handler = endpoint(getPaymentMethodsRoute, {
  ...schemas,
  handle: async ({ query, principal }) => {
    const methods = (await receivablesPaymentMethods(principal.tenant)).sort(query.orderBy === '2' ? byName : byId);
    if (query.order === 'DESC') methods.reverse();
    const start = (query.page - 1) * query.resultsPerPage;
    const items = methods.slice(start, start + query.resultsPerPage).map((m) => ({ id: m.code, name: m.name }));
    return { data: recordsPage(items, methods.length, query.page, query.resultsPerPage) };
  },
});
