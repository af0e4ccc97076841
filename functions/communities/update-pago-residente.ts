import { toPagoResidente } from '../../shared/dialects/communities/render-residents.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { idempotencyKeyHeader } from '../../shared/http/idempotency-key.js';
import { updateResidentPayment } from '../../shared/ledger/communities/resident-payments.js';
import { updatePagoResidenteRoute } from './routes.js';
import { schemas } from './schemas/update-pago-residente.js';

export const handler = endpoint(updatePagoResidenteRoute, {
  ...schemas,
  handle: async ({ path, body, headers, principal, log }) => ({
    data: toPagoResidente(await updateResidentPayment({ principal, log }, path.id, body, idempotencyKeyHeader(headers))),
  }),
});
