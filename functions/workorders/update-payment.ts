import { endpoint } from '../../shared/http/endpoint.js';
import { findRoute } from '../routes.js';
import { updatePayment } from '../../shared/services/workorders.js';
import { idPath, pagoBody, toPago } from './pago.js';

export const handler = endpoint(findRoute('PUT /api/pagos/{id}'), {
  path: idPath,
  body: pagoBody,
  handle: async ({ path, body, principal }) => ({
    data: toPago(await updatePayment(principal, path.id, body)),
    message: 'Pago actualizado',
  }),
});
