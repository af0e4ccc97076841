import { toPago } from '../../shared/dialects/workorders/render.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { getWorkOrderPayment } from '../../shared/ledger/work-orders/queries.js';
import { getPaymentRoute } from './routes.js';
import { schemas } from './schemas/get-payment.js';

export const handler = endpoint(getPaymentRoute, {
  ...schemas,
  handle: async ({ path, principal }) => ({ data: toPago(await getWorkOrderPayment(principal, path.id)), message: 'Pago obtenido' }),
});
