import { renderPayment } from '../../shared/dialects/gateway/render-payment.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { getGatewayPayment } from '../../shared/ledger/gateway/get-payment.js';
import { getPaymentRoute } from './routes.js';
import { schemas } from './schemas/get-payment.js';

export const handler = endpoint(getPaymentRoute, {
  ...schemas,
  handle: async ({ path, principal }) => {
    const { payment, timeZone } = await getGatewayPayment(principal, path.id);
    return { data: renderPayment(payment, timeZone) };
  },
});
