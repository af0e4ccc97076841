import { renderPayment } from '../../shared/dialects/accounts/render.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { listAccountPayments } from '../../shared/ledger/accounts/history.js';
import { listPaymentsRoute } from './routes.js';
import { schemas } from './schemas/list-payments.js';

/** History newest first; `data` is the page, `meta` the paging. */
export const handler = endpoint(listPaymentsRoute, {
  ...schemas,
  handle: async ({ query, principal, log }) => {
    const { items, ...paging } = await listAccountPayments({ principal, log }, query);
    return { data: items.map(renderPayment), meta: { ...paging, hasNextPage: paging.page < paging.totalPages } };
  },
});
