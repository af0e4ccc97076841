import { toPago } from '../../shared/dialects/workorders/render.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { listPaymentsOfWorkOrder } from '../../shared/ledger/work-orders/queries.js';
import { listWorkOrderPaymentsRoute } from './routes.js';
import { schemas } from './schemas/list-work-order-payments.js';

export const handler = endpoint(listWorkOrderPaymentsRoute, {
  ...schemas,
  handle: async ({ path: { pendienteId }, principal }) => ({
    data: (await listPaymentsOfWorkOrder(principal, pendienteId)).map(toPago),
    message: 'Pagos del pendiente obtenidos',
  }),
});
