import { chargeView } from '../../shared/dialects/ledger/render.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { idempotencyKeyHeader } from '../../shared/http/idempotency-key.js';
import { updateCharge } from '../../shared/ledger/charges/update-charge.js';
import { actorOf, tenantToday } from '../../shared/ledger/context.js';
import { updateChargeRoute } from './routes.js';
import { schemas } from './schemas/update-charge.js';

export const handler = endpoint(updateChargeRoute, {
  ...schemas,
  handle: async ({ path, body, principal, headers }) => {
    const charge = await updateCharge(actorOf(principal), path.id, body, idempotencyKeyHeader(headers));
    return { data: chargeView(charge, await tenantToday(principal.tenant)) };
  },
});
