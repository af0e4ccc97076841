import { endpoint } from '../../shared/http/endpoint.js';
import { getPayment, idPath } from '../../shared/services/ledger.js';

export const handler = endpoint('GET /ledger/payments/{id}', {
  path: idPath,
  handle: async ({ path, principal }) => ({ data: await getPayment(principal.tenant, path.id) }),
});
