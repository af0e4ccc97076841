import { endpoint } from '../../shared/http/endpoint.js';
import { findRoute } from '../routes.js';
import { getPayment, idPath } from '../../shared/services/ledger.js';

export const handler = endpoint(findRoute('GET /ledger/payments/{id}'), {
  path: idPath,
  handle: async ({ path, principal }) => ({ data: await getPayment(principal.tenant, path.id) }),
});
