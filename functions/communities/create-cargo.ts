import { toCargo } from '../../shared/dialects/communities/render.js';
import { renderCreated } from '../../shared/dialects/created.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { idempotencyKeyHeader } from '../../shared/http/idempotency-key.js';
import { actorOf } from '../../shared/ledger/context.js';
import { createCargo } from '../../shared/ledger/communities/community-charges.js';
import { createCargoRoute } from './routes.js';
import { schemas } from './schemas/create-cargo.js';

export const handler = endpoint(createCargoRoute, {
  ...schemas,
  handle: async ({ path, body, headers, principal }) =>
    renderCreated(await createCargo(actorOf(principal), path.contratoId, body, idempotencyKeyHeader(headers)), (s) => toCargo(s.charge, s.asOf)),
});
