import { toCargoResidente } from '../../shared/dialects/communities/render-residents.js';
import { renderCreated } from '../../shared/dialects/created.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { idempotencyKeyHeader } from '../../shared/http/idempotency-key.js';
import { actorOf } from '../../shared/ledger/context.js';
import { createResidentCharge, withResident } from '../../shared/ledger/communities/resident-charges.js';
import { createCargoResidenteRoute } from './routes.js';
import { schemas } from './schemas/create-cargo-residente.js';

export const handler = endpoint(createCargoResidenteRoute, {
  ...schemas,
  handle: async ({ body, headers, principal }) => {
    const created = await createResidentCharge(actorOf(principal), body, idempotencyKeyHeader(headers));
    const resident = await withResident(principal.tenant, body.residentId);
    return renderCreated(created, (s) => toCargoResidente({ charge: s.charge, resident }));
  },
});
