import { toPaymentHistory } from '../../shared/dialects/communities/render-residents.js';
import { renderCreated } from '../../shared/dialects/created.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { idempotencyKeyHeader } from '../../shared/http/idempotency-key.js';
import { recordHistory } from '../../shared/ledger/communities/payment-histories.js';
import { createPaymentHistoryRoute } from './routes.js';
import { schemas } from './schemas/create-payment-history.js';

export const handler = endpoint(createPaymentHistoryRoute, {
  ...schemas,
  handle: async ({ body: { contratoId, ...history }, headers, principal, log }) =>
    renderCreated(await recordHistory({ principal, log }, contratoId, history, idempotencyKeyHeader(headers)), toPaymentHistory),
});
