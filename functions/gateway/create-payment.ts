import { endpoint } from '../../shared/http/endpoint.js';
import { idempotencyKeyHeader } from '../../shared/http/idempotency-key.js';
import { normalizeRequest } from '../../shared/domain/gateway/request.js';
import { renderPayment } from '../../shared/dialects/gateway/render-payment.js';
import { createGatewayPayment } from '../../shared/services/gateway/create-payment.js';
import { tenantSettings } from '../../shared/store/tenants.js';
import { createBody } from './schemas.js';

export const handler = endpoint('POST /pagos', {
  body: createBody,
  handle: async ({ body, headers, principal, log }) => {
    const { payment, replayed } = await createGatewayPayment(principal, normalizeRequest(body), idempotencyKeyHeader(headers), log);
    const { timeZone } = await tenantSettings(principal.tenant);
    return { status: replayed ? 200 : 201, data: renderPayment(payment, timeZone) };
  },
});
