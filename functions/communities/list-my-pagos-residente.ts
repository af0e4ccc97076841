import { renderList } from '../../shared/dialects/communities/lists.js';
import { toPagoResidente } from '../../shared/dialects/communities/render-residents.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { listResidentPayments } from '../../shared/ledger/communities/resident-payments.js';
import { listMyPagosResidenteRoute } from './routes.js';
import { schemas } from './schemas/list-my-pagos-residente.js';

export const handler = endpoint(listMyPagosResidenteRoute, {
  ...schemas,
  handle: async ({ query, principal }) => renderList(await listResidentPayments(principal, { mine: true }, query), toPagoResidente),
});
