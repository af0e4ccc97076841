import { renderPayment } from '../../shared/dialects/gateway/render-payment.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { idempotencyKeyHeader } from '../../shared/http/idempotency-key.js';
import { transitionGatewayPayment } from '../../shared/ledger/gateway/transition-payment.js';
import { updatePaymentRoute } from './routes.js';
import { schemas } from './schemas/update-payment.js';

export const handler = endpoint(updatePaymentRoute, {
  ...schemas,
  handle: async ({ path, body, principal, headers }) => {
    const { payment, timeZone } = await transitionGatewayPayment({ principal }, path.id, body.status, body.status_detail, idempotencyKeyHeader(headers));
    return { data: renderPayment(payment, timeZone) };
  },
});
