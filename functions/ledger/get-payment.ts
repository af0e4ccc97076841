import { paymentView } from '../../shared/dialects/ledger/render.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { getCanonicalPayment } from '../../shared/ledger/catalogue/audit-and-payments.js';
import { getPaymentRoute } from './routes.js';
import { schemas } from './schemas/get-payment.js';

export const handler = endpoint(getPaymentRoute, {
  ...schemas,
  handle: async ({ path, principal }) => ({ data: paymentView(await getCanonicalPayment(principal.tenant, path.id)) }),
});
