import { toCargo } from '../../shared/dialects/communities/render.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { idempotencyKeyHeader } from '../../shared/http/idempotency-key.js';
import { actorOf, tenantToday } from '../../shared/ledger/context.js';
import { updateCargo } from '../../shared/ledger/communities/community-charges.js';
import { updateCargoRoute } from './routes.js';
import { schemas } from './schemas/update-cargo.js';

export const handler = endpoint(updateCargoRoute, {
  ...schemas,
  handle: async ({ path, body, headers, principal }) => ({
    data: toCargo(await updateCargo(actorOf(principal), path.id, body, idempotencyKeyHeader(headers)), await tenantToday(principal.tenant)),
  }),
});
