import { renderPaymentAnswer } from '../../shared/dialects/receivables/answers.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { idempotencyKeyHeader } from '../../shared/http/idempotency-key.js';
import { createPayment } from '../../shared/ledger/receivables/create-payment.js';
import { createPaymentRoute } from './routes.js';
import { schemas } from './schemas/create-payment.js';

/** 200 with the reconciled payment; a replay (same Idempotency-Key) answers the first payment. */
export const handler = endpoint(createPaymentRoute, {
  ...schemas,
  handle: async ({ body, headers, principal, log }) =>
    renderPaymentAnswer(principal.tenant, await createPayment({ principal, log }, body, idempotencyKeyHeader(headers))),
});
