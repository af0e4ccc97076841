import { renderCargos } from '../../shared/dialects/communities/lists.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { listCargos } from '../../shared/ledger/communities/statements.js';
import { listContractCargosRoute } from './routes.js';
import { schemas } from './schemas/list-contract-cargos.js';

export const handler = endpoint(listContractCargosRoute, {
  ...schemas,
  handle: async ({ path, query, principal }) => renderCargos(await listCargos(principal, { contractId: path.contratoId }, query)),
});
