import { toPagoComunidad } from '../../shared/dialects/communities/render.js';
import { renderCreated } from '../../shared/dialects/created.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { idempotencyKeyHeader } from '../../shared/http/idempotency-key.js';
import { recordCommunityPayment } from '../../shared/ledger/communities/community-payments.js';
import { createPagoRoute } from './routes.js';
import { schemas } from './schemas/create-pago.js';

export const handler = endpoint(createPagoRoute, {
  ...schemas,
  handle: async ({ path, body, headers, principal, log }) =>
    renderCreated(await recordCommunityPayment({ principal, log }, path.contratoId, body, idempotencyKeyHeader(headers)), toPagoComunidad),
});
