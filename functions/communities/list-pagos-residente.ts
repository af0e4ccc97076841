import { renderList } from '../../shared/dialects/communities/lists.js';
import { toPagoResidente } from '../../shared/dialects/communities/render-residents.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { listResidentPayments } from '../../shared/ledger/communities/resident-payments.js';
import { listPagosResidenteRoute } from './routes.js';
import { schemas } from './schemas/list-pagos-residente.js';

export const handler = endpoint(listPagosResidenteRoute, {
  ...schemas,
  handle: async ({ query, principal }) => renderList(await listResidentPayments(principal, { tenant: true }, query), toPagoResidente),
});
