import { toPagoResidente } from '../../shared/dialects/communities/render-residents.js';
import { renderCreated } from '../../shared/dialects/created.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { idempotencyKeyHeader } from '../../shared/http/idempotency-key.js';
import { recordResidentPayment } from '../../shared/ledger/communities/resident-payments.js';
import { createPagoResidenteRoute } from './routes.js';
import { schemas } from './schemas/create-pago-residente.js';

export const handler = endpoint(createPagoResidenteRoute, {
  ...schemas,
  handle: async ({ body, headers, principal, log }) =>
    renderCreated(await recordResidentPayment({ principal, log }, body, idempotencyKeyHeader(headers)), toPagoResidente),
});
