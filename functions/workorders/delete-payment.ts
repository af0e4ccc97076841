import { toPago } from '../../shared/dialects/workorders/render.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { idempotencyKeyHeader } from '../../shared/http/idempotency-key.js';
import { deleteWorkOrderPayment } from '../../shared/ledger/work-orders/delete-work-order-payment.js';
import { findRoute } from '../routes.js';
import { schemas } from './schemas/delete-payment.js';

export const handler = endpoint(findRoute('DELETE /api/pagos/{id}'), {
  ...schemas,
  handle: async ({ path, principal, log, headers }) => ({ data: toPago(await deleteWorkOrderPayment({ principal, log }, path.id, idempotencyKeyHeader(headers))), message: 'Pago eliminado' }),
});
