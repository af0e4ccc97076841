import { renderPayment } from '../../shared/dialects/accounts/render.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { listDayPayments } from '../../shared/ledger/accounts/history.js';
import { paymentHistoryRoute } from './routes.js';
import { schemas } from './schemas/payment-history.js';

/** The payments of one day's statement, newest first, reversed ones included (issue 13 item 8). */
export const handler = endpoint(paymentHistoryRoute, {
  ...schemas,
  handle: async ({ query, principal, log }) => {
    const { items, total, page, pageSize } = await listDayPayments({ principal, log }, query);
    return { data: items.map(renderPayment), meta: { total, page, pageSize } };
  },
});
