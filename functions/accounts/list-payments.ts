import { endpoint } from '../../shared/http/endpoint.js';
import { findRoute } from '../routes.js';
import { listPayments, paymentsQuery } from '../../shared/services/accounts.js';

/** GET /api/v1/accounts/payments: history newest first; `data` is the page, `meta` the paging. */
export const handler = endpoint(findRoute('GET /api/v1/accounts/payments'), {
  query: paymentsQuery,
  handle: async ({ query, principal, log }) => {
    const { items, ...paging } = await listPayments({ principal, log }, query);
    return { data: items, meta: { ...paging, hasNextPage: paging.page < paging.totalPages } };
  },
});
