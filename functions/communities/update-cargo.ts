import { toCargo } from '../../shared/dialects/communities/render.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { actorOf, tenantToday } from '../../shared/ledger/context.js';
import { updateCargo } from '../../shared/ledger/communities/community-charges.js';
import { findRoute } from '../routes.js';
import { schemas } from './schemas/update-cargo.js';

export const handler = endpoint(findRoute('PUT /api/charges/cargos/{id}'), {
  ...schemas,
  handle: async ({ path, body, principal }) => ({ data: toCargo(await updateCargo(actorOf(principal), path.id, body), await tenantToday(principal.tenant)) }),
});
