import { endpoint } from '../../shared/http/endpoint.js';
import { findRoute } from '../routes.js';
import { actorOf, idPath, voidCharge } from '../../shared/services/ledger.js';

export const handler = endpoint(findRoute('DELETE /ledger/charges/{id}'), {
  path: idPath,
  handle: async ({ path, principal }) => ({ data: await voidCharge(actorOf(principal), path.id) }),
});
