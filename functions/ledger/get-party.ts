import { endpoint } from '../../shared/http/endpoint.js';
import { getParty, idPath } from '../../shared/services/ledger.js';

export const handler = endpoint('GET /ledger/parties/{id}', {
  path: idPath,
  handle: async ({ path, principal }) => ({ data: await getParty(principal.tenant, path.id) }),
});
