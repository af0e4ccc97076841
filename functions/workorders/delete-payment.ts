import { toPago } from '../../shared/dialects/workorders/render.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { deleteWorkOrderPayment } from '../../shared/ledger/work-orders/delete-work-order-payment.js';
import { findRoute } from '../routes.js';
import { schemas } from './schemas/delete-payment.js';

export const handler = endpoint(findRoute('DELETE /api/pagos/{id}'), {
  ...schemas,
  handle: async ({ path, principal, log }) => ({ data: toPago(await deleteWorkOrderPayment({ principal, log }, path.id)), message: 'Pago eliminado' }),
});
