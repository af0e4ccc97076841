import { toPaymentHistory } from '../../shared/dialects/communities/render-residents.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { idempotencyKeyHeader } from '../../shared/http/idempotency-key.js';
import { updateHistory } from '../../shared/ledger/communities/payment-histories.js';
import { updatePaymentHistoryRoute } from './routes.js';
import { schemas } from './schemas/update-payment-history.js';

export const handler = endpoint(updatePaymentHistoryRoute, {
  ...schemas,
  handle: async ({ path, body, headers, principal, log }) => ({
    data: toPaymentHistory(await updateHistory({ principal, log }, path.id, body, idempotencyKeyHeader(headers))),
  }),
});
