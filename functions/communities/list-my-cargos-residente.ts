import { renderList } from '../../shared/dialects/communities/lists.js';
import { toCargoResidente } from '../../shared/dialects/communities/render-residents.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { listResidentCharges } from '../../shared/ledger/communities/resident-charges.js';
import { listMyCargosResidenteRoute } from './routes.js';
import { schemas } from './schemas/list-my-cargos-residente.js';

export const handler = endpoint(listMyCargosResidenteRoute, {
  ...schemas,
  handle: async ({ query, principal }) => renderList(await listResidentCharges(principal, { mine: true }, query), toCargoResidente),
});
