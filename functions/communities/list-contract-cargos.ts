import { renderCargos } from '../../shared/dialects/communities/lists.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { listCargos } from '../../shared/ledger/communities/statements.js';
import { findRoute } from '../routes.js';
import { schemas } from './schemas/list-contract-cargos.js';

export const handler = endpoint(findRoute('GET /api/charges/contrato/{contratoId}/cargos'), {
  ...schemas,
  handle: async ({ path, query, principal }) => renderCargos(await listCargos(principal, { contractId: path.contratoId }, query)),
});
