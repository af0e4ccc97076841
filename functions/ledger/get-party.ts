import { endpoint } from '../../shared/http/endpoint.js';
import { findRoute } from '../routes.js';
import { getParty, idPath } from '../../shared/services/ledger.js';

export const handler = endpoint(findRoute('GET /ledger/parties/{id}'), {
  path: idPath,
  handle: async ({ path, principal }) => ({ data: await getParty(principal.tenant, path.id) }),
});
