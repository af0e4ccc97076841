import { endpoint } from '../../shared/http/endpoint.js';
import { findRoute } from '../routes.js';
import { reversePayment, reversePaymentBody } from '../../shared/services/accounts.js';

/** POST /api/v1/accounts/reverse-payment: the reversed payment and the restored statement. */
export const handler = endpoint(findRoute('POST /api/v1/accounts/reverse-payment'), {
  body: reversePaymentBody,
  handle: async ({ body, principal, log }) => ({ data: await reversePayment({ principal, log }, body) }),
});
