import { renderAccountStatement } from '../../shared/dialects/accounts/render.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { getAccountStatement } from '../../shared/ledger/accounts/statement.js';
import { findRoute } from '../routes.js';
import { schemas } from './schemas/get-statement.js';

/** ?date=&(bancaId|ventanaId|vendedorId)=: one day's statement. */
export const handler = endpoint(findRoute('GET /api/v1/accounts/statement'), {
  ...schemas,
  handle: async ({ query, principal, log }) => ({ data: renderAccountStatement(await getAccountStatement({ principal, log }, query)) }),
});
