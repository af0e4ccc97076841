import { createPayment } from '../../shared/dialects/accounts/create-payment.js';
import { idempotencyKeyOf } from '../../shared/dialects/accounts/requests.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { createPaymentRoute } from './routes.js';
import { schemas } from './schemas/create-payment.js';

/** 201 with the payment and the day's statement; a replay is 200 with meta.cached. */
export const handler = endpoint(createPaymentRoute, {
  ...schemas,
  handle: async ({ body, headers, principal, log }) => {
    const { replayed, data } = await createPayment({ principal, log }, body, idempotencyKeyOf(body.idempotencyKey, headers));
    return replayed ? { status: 200, data, meta: { cached: true } } : { status: 201, data };
  },
});
