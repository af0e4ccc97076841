import { endpoint } from '../../shared/http/endpoint.js';
import { findRoute } from '../routes.js';
import { getStatement, statementQuery } from '../../shared/services/accounts.js';

/** GET /api/v1/accounts/statement?date=&(bancaId|ventanaId|vendedorId)=: one day's statement. */
export const handler = endpoint(findRoute('GET /api/v1/accounts/statement'), {
  query: statementQuery,
  handle: async ({ query, principal, log }) => ({ data: await getStatement({ principal, log }, query) }),
});
