import { renderPayment } from '../../shared/dialects/gateway/render-payment.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { transitionGatewayPayment } from '../../shared/ledger/gateway/transition-payment.js';
import { findRoute } from '../routes.js';
import { schemas } from './schemas/update-payment.js';

export const handler = endpoint(findRoute('PATCH /pagos/{id}'), {
  ...schemas,
  handle: async ({ path, body, principal }) => {
    const { payment, timeZone } = await transitionGatewayPayment({ principal }, path.id, body.status, body.status_detail);
    return { data: renderPayment(payment, timeZone) };
  },
});
