import { renderCreatedPago } from '../../shared/dialects/workorders/render.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { idempotencyKeyHeader } from '../../shared/http/idempotency-key.js';
import { recordWorkOrderPayment } from '../../shared/ledger/work-orders/record-work-order-payment.js';
import { createPaymentRoute } from './routes.js';
import { schemas } from './schemas/create-payment.js';

export const handler = endpoint(createPaymentRoute, {
  ...schemas,
  handle: async ({ body, headers, principal, log }) =>
    renderCreatedPago(await recordWorkOrderPayment({ principal, log }, body, idempotencyKeyHeader(headers))),
});
