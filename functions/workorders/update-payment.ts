import { toPago } from '../../shared/dialects/workorders/render.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { replaceWorkOrderPayment } from '../../shared/ledger/work-orders/replace-work-order-payment.js';
import { findRoute } from '../routes.js';
import { schemas } from './schemas/update-payment.js';

export const handler = endpoint(findRoute('PUT /api/pagos/{id}'), {
  ...schemas,
  handle: async ({ path, body, principal, log }) => ({
    data: toPago(await replaceWorkOrderPayment({ principal, log }, path.id, body)),
    message: 'Pago actualizado',
  }),
});
