import { toPagoResidente } from '../../shared/dialects/communities/render-residents.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { getResidentPayment } from '../../shared/ledger/communities/resident-payments.js';
import { getPagoResidenteRoute } from './routes.js';
import { schemas } from './schemas/get-pago-residente.js';

export const handler = endpoint(getPagoResidenteRoute, {
  ...schemas,
  handle: async ({ path, principal }) => ({ data: toPagoResidente(await getResidentPayment(principal, path.id)) }),
});
