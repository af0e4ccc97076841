import { endpoint } from '../../shared/http/endpoint.js';
import { findRoute } from '../routes.js';
import { getWorkOrderPayment } from '../../shared/services/workorders.js';
import { idPath, toPago } from './pago.js';

export const handler = endpoint(findRoute('GET /api/pagos/{id}'), {
  path: idPath,
  handle: async ({ path, principal }) => ({ data: toPago(await getWorkOrderPayment(principal, path.id)), message: 'Pago obtenido' }),
});
