import { renderPayment } from '../../shared/dialects/gateway/render-payment.js';
import { normalizeRequest } from '../../shared/domain/gateway/request.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { idempotencyKeyHeader } from '../../shared/http/idempotency-key.js';
import { createGatewayPayment } from '../../shared/ledger/gateway/create-payment.js';
import { createPaymentRoute } from './routes.js';
import { schemas } from './schemas/create-payment.js';

export const handler = endpoint(createPaymentRoute, {
  ...schemas,
  handle: async ({ body, headers, principal, log }) => {
    const { payment, replayed, timeZone } = await createGatewayPayment({ principal, log }, normalizeRequest(body), idempotencyKeyHeader(headers));
    return { status: replayed ? 200 : 201, data: renderPayment(payment, timeZone) };
  },
});
