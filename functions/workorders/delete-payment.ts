import { endpoint } from '../../shared/http/endpoint.js';
import { idempotencyKeyHeader } from '../../shared/http/idempotency-key.js';
import { deleteWorkOrderPayment } from '../../shared/ledger/work-orders/delete-work-order-payment.js';
import { deletePaymentRoute } from './routes.js';
import { schemas } from './schemas/delete-payment.js';

/** The original answers a delete with `data: null` (issue 13: a deliberate change from the deleted Pago). */
export const handler = endpoint(deletePaymentRoute, {
  ...schemas,
  handle: async ({ path, principal, log, headers }) => {
    await deleteWorkOrderPayment({ principal, log }, path.id, idempotencyKeyHeader(headers));
    return { data: null, message: 'Pago eliminado' };
  },
});
