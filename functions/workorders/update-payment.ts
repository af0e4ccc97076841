import { toPago } from '../../shared/dialects/workorders/render.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { invalidRequest } from '../../shared/http/errors.js';
import { idempotencyKeyHeader } from '../../shared/http/idempotency-key.js';
import { replaceWorkOrderPayment } from '../../shared/ledger/work-orders/replace-work-order-payment.js';
import { updatePaymentRoute } from './routes.js';
import { schemas } from './schemas/update-payment.js';

export const handler = endpoint(updatePaymentRoute, {
  ...schemas,
  handle: async ({ path, body, principal, log, headers }) => {
    // The payment as the client read it: its id must be this one; the read-only fields are ignored.
    const { id, empleadoNombre, clienteNombre, empleado, cliente, vigente, fechaCreacion, fechaModificacion, ...command } = body;
    if (id !== undefined && id !== path.id) {
      throw invalidRequest('Invalid body: id: Must be the id in the path', [{ field: 'id', message: 'Must be the id in the path' }]);
    }
    return {
      data: toPago(await replaceWorkOrderPayment({ principal, log }, path.id, command, idempotencyKeyHeader(headers))),
      message: 'Pago actualizado',
    };
  },
});
