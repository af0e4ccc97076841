import { endpoint } from '../../shared/http/endpoint.js';
import { findRoute } from '../routes.js';
import { getCharge, idPath } from '../../shared/services/ledger.js';

export const handler = endpoint(findRoute('GET /ledger/charges/{id}'), {
  path: idPath,
  handle: async ({ path, principal }) => ({ data: await getCharge(principal.tenant, path.id) }),
});
