import { chargeView } from '../../shared/dialects/ledger/render.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { idempotencyKeyHeader } from '../../shared/http/idempotency-key.js';
import { voidCharge } from '../../shared/ledger/charges/update-charge.js';
import { actorOf, tenantToday } from '../../shared/ledger/context.js';
import { deleteChargeRoute } from './routes.js';
import { schemas } from './schemas/delete-charge.js';

export const handler = endpoint(deleteChargeRoute, {
  ...schemas,
  handle: async ({ path, principal, headers }) => {
    const charge = await voidCharge(actorOf(principal), path.id, idempotencyKeyHeader(headers));
    return { data: chargeView(charge, await tenantToday(principal.tenant)) };
  },
});
