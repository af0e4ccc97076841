import { endpoint } from '../../shared/http/endpoint.js';
import { findRoute } from '../routes.js';
import { actorOf, deactivateParty, idPath } from '../../shared/services/ledger.js';

export const handler = endpoint(findRoute('DELETE /ledger/parties/{id}'), {
  path: idPath,
  handle: async ({ path, principal }) => ({ data: await deactivateParty(actorOf(principal), path.id) }),
});
