import { renderList } from '../../shared/dialects/communities/lists.js';
import { toCargoResidente } from '../../shared/dialects/communities/render-residents.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { listResidentCharges } from '../../shared/ledger/communities/resident-charges.js';
import { listCommunityCargosResidenteRoute } from './routes.js';
import { schemas } from './schemas/list-community-cargos-residente.js';

export const handler = endpoint(listCommunityCargosResidenteRoute, {
  ...schemas,
  handle: async ({ path, query, principal }) => renderList(await listResidentCharges(principal, { communityId: path.communityId }, query), toCargoResidente),
});
