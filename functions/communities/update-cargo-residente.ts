import { toCargoResidente } from '../../shared/dialects/communities/render-residents.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { idempotencyKeyHeader } from '../../shared/http/idempotency-key.js';
import { actorOf } from '../../shared/ledger/context.js';
import { updateResidentCharge, withResident } from '../../shared/ledger/communities/resident-charges.js';
import { updateCargoResidenteRoute } from './routes.js';
import { schemas } from './schemas/update-cargo-residente.js';

export const handler = endpoint(updateCargoResidenteRoute, {
  ...schemas,
  handle: async ({ path, body, headers, principal }) => {
    const charge = await updateResidentCharge(actorOf(principal), path.id, body, idempotencyKeyHeader(headers));
    return { data: toCargoResidente({ charge, resident: await withResident(principal.tenant, charge.partyId) }) };
  },
});
