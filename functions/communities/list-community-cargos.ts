import { renderCargos } from '../../shared/dialects/communities/lists.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { listCargos } from '../../shared/ledger/communities/statements.js';
import { listCommunityCargosRoute } from './routes.js';
import { schemas } from './schemas/list-community-cargos.js';

export const handler = endpoint(listCommunityCargosRoute, {
  ...schemas,
  handle: async ({ path, query, principal }) => renderCargos(await listCargos(principal, { communityId: path.comunidadId }, query)),
});
