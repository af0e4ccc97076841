import { endpoint } from '../../shared/http/endpoint.js';
import { idempotencyKeyHeader } from '../../shared/http/idempotency-key.js';
import { actorOf } from '../../shared/ledger/context.js';
import { deleteResidentCharge } from '../../shared/ledger/communities/resident-charges.js';
import { deleteCargoResidenteRoute } from './routes.js';
import { schemas } from './schemas/delete-cargo-residente.js';

export const handler = endpoint(deleteCargoResidenteRoute, {
  ...schemas,
  handle: async ({ path, headers, principal }) => {
    await deleteResidentCharge(actorOf(principal), path.id, idempotencyKeyHeader(headers));
    return { status: 204, data: null };
  },
});
