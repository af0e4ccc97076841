import { endpoint } from '../../shared/http/endpoint.js';
import { idempotencyKeyHeader } from '../../shared/http/idempotency-key.js';
import { actorOf } from '../../shared/ledger/context.js';
import { deleteCargo } from '../../shared/ledger/communities/community-charges.js';
import { deleteCargoRoute } from './routes.js';
import { schemas } from './schemas/delete-cargo.js';

export const handler = endpoint(deleteCargoRoute, {
  ...schemas,
  handle: async ({ path, headers, principal }) => {
    await deleteCargo(actorOf(principal), path.id, idempotencyKeyHeader(headers));
    return { status: 204, data: null };
  },
});
