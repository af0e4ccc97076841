import { endpoint } from '../../shared/http/endpoint.js';
import { idempotencyKeyHeader } from '../../shared/http/idempotency-key.js';
import { deleteResidentPayment } from '../../shared/ledger/communities/resident-payments.js';
import { deletePagoResidenteRoute } from './routes.js';
import { schemas } from './schemas/delete-pago-residente.js';

export const handler = endpoint(deletePagoResidenteRoute, {
  ...schemas,
  handle: async ({ path, headers, principal, log }) => {
    await deleteResidentPayment({ principal, log }, path.id, idempotencyKeyHeader(headers));
    return { status: 204, data: null };
  },
});
