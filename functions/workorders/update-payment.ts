import { toPago } from '../../shared/dialects/workorders/render.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { idempotencyKeyHeader } from '../../shared/http/idempotency-key.js';
import { replaceWorkOrderPayment } from '../../shared/ledger/work-orders/replace-work-order-payment.js';
import { findRoute } from '../routes.js';
import { schemas } from './schemas/update-payment.js';

export const handler = endpoint(findRoute('PUT /api/pagos/{id}'), {
  ...schemas,
  handle: async ({ path, body, principal, log, headers }) => ({
    data: toPago(await replaceWorkOrderPayment({ principal, log }, path.id, body, idempotencyKeyHeader(headers))),
    message: 'Pago actualizado',
  }),
});
