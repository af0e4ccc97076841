import { renderList } from '../../shared/dialects/communities/lists.js';
import { toPagoResidente } from '../../shared/dialects/communities/render-residents.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { listResidentPayments } from '../../shared/ledger/communities/resident-payments.js';
import { listCommunityPagosResidenteRoute } from './routes.js';
import { schemas } from './schemas/list-community-pagos-residente.js';

export const handler = endpoint(listCommunityPagosResidenteRoute, {
  ...schemas,
  handle: async ({ path, query, principal }) => renderList(await listResidentPayments(principal, { communityId: path.communityId }, query), toPagoResidente),
});
