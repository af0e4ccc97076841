import { endpoint } from '../../shared/http/endpoint.js';
import { findRoute } from '../routes.js';
import { deletePayment } from '../../shared/services/workorders.js';
import { idPath, toPago } from './pago.js';

export const handler = endpoint(findRoute('DELETE /api/pagos/{id}'), {
  path: idPath,
  handle: async ({ path, principal }) => ({ data: toPago(await deletePayment(principal, path.id)), message: 'Pago eliminado' }),
});
