import { endpoint } from '../../shared/http/endpoint.js';
import { findRoute } from '../routes.js';
import * as z from 'zod/mini';
import { listWorkOrderPayments } from '../../shared/services/workorders.js';
import { toPago } from './pago.js';

const path = z.strictObject({ pendienteId: z.string().check(z.regex(/^[1-9][0-9]{0,15}$/, 'Must be a numeric id')) });

export const handler = endpoint(findRoute('GET /api/pagos/pendiente/{pendienteId}'), {
  path,
  handle: async ({ path: { pendienteId }, principal }) => ({
    data: (await listWorkOrderPayments(principal, pendienteId)).map(toPago),
    message: 'Pagos del pendiente obtenidos',
  }),
});
