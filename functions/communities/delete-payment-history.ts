import { endpoint } from '../../shared/http/endpoint.js';
import { idempotencyKeyHeader } from '../../shared/http/idempotency-key.js';
import { deleteHistory } from '../../shared/ledger/communities/payment-histories.js';
import { deletePaymentHistoryRoute } from './routes.js';
import { schemas } from './schemas/delete-payment-history.js';

export const handler = endpoint(deletePaymentHistoryRoute, {
  ...schemas,
  handle: async ({ path, headers, principal, log }) => {
    await deleteHistory({ principal, log }, path.id, idempotencyKeyHeader(headers));
    return { status: 204, data: null };
  },
});
