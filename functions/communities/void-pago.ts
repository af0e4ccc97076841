import { endpoint } from '../../shared/http/endpoint.js';
import { idempotencyKeyHeader } from '../../shared/http/idempotency-key.js';
import { voidCommunityPayment } from '../../shared/ledger/communities/community-payments.js';
import { voidPagoRoute } from './routes.js';
import { schemas } from './schemas/void-pago.js';

export const handler = endpoint(voidPagoRoute, {
  ...schemas,
  handle: async ({ path, headers, principal, log }) => {
    await voidCommunityPayment({ principal, log }, path.id, idempotencyKeyHeader(headers));
    return { status: 204, data: null };
  },
});
