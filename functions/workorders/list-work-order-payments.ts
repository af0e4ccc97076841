import { toPago } from '../../shared/dialects/workorders/render.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { listPaymentsOfWorkOrder } from '../../shared/ledger/work-orders/queries.js';
import { findRoute } from '../routes.js';
import { schemas } from './schemas/list-work-order-payments.js';

export const handler = endpoint(findRoute('GET /api/pagos/pendiente/{pendienteId}'), {
  ...schemas,
  handle: async ({ path: { pendienteId }, principal }) => ({
    data: (await listPaymentsOfWorkOrder(principal, pendienteId)).map(toPago),
    message: 'Pagos del pendiente obtenidos',
  }),
});
