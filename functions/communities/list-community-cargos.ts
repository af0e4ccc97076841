import { renderCargos } from '../../shared/dialects/communities/lists.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { listCargos } from '../../shared/ledger/communities/statements.js';
import { findRoute } from '../routes.js';
import { schemas } from './schemas/list-community-cargos.js';

export const handler = endpoint(findRoute('GET /api/charges/comunidad/{comunidadId}/cargos'), {
  ...schemas,
  handle: async ({ path, query, principal }) => renderCargos(await listCargos(principal, { communityId: path.comunidadId }, query)),
});
