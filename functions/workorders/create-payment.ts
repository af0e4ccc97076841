import { endpoint } from '../../shared/http/endpoint.js';
import { findRoute } from '../routes.js';
import { createPayment } from '../../shared/services/workorders.js';
import { idempotencyKeyHeader } from '../../shared/http/idempotency-key.js';
import { pagoBody, toPago } from './pago.js';

export const handler = endpoint(findRoute('POST /api/pagos'), {
  body: pagoBody,
  handle: async ({ body, headers, principal, log }) => {
    const { payment, replayed } = await createPayment(principal, body, idempotencyKeyHeader(headers), log);
    return { status: 201, data: toPago(payment), message: replayed ? 'Pago ya registrado' : 'Pago registrado' };
  },
});
