import { toPagoResidente } from '../../shared/dialects/communities/render-residents.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { getResidentPayment } from '../../shared/ledger/communities/resident-payments.js';
import { findRoute } from '../routes.js';
import { schemas } from './schemas/get-pago-residente.js';

export const handler = endpoint(findRoute('GET /api/PagosResidente/{id}'), {
  ...schemas,
  handle: async ({ path, principal }) => ({ data: toPagoResidente(await getResidentPayment(principal, path.id)) }),
});
