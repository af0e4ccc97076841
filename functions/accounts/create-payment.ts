import { endpoint } from '../../shared/http/endpoint.js';
import { findRoute } from '../routes.js';
import { createPayment, createPaymentBody, idempotencyKeyOf } from '../../shared/services/accounts.js';

/** POST /api/v1/accounts/payment: 201 with the payment and the day's statement; a replay is 200 with meta.cached. */
export const handler = endpoint(findRoute('POST /api/v1/accounts/payment'), {
  body: createPaymentBody,
  handle: async ({ body, headers, principal, log }) => {
    const key = idempotencyKeyOf(body.idempotencyKey, headers);
    const { replayed, data } = await createPayment({ principal, log }, body, key);
    return replayed ? { status: 200, data, meta: { cached: true } } : { status: 201, data };
  },
});
