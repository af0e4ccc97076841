import { renderAccountStatement, renderPayment } from '../../shared/dialects/accounts/render.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { idempotencyKeyHeader } from '../../shared/http/idempotency-key.js';
import { reverseAccountPayment } from '../../shared/ledger/accounts/reverse-account-payment.js';
import { reversePaymentRoute } from './routes.js';
import { schemas } from './schemas/reverse-payment.js';

/** The reversed payment and the restored statement. */
export const handler = endpoint(reversePaymentRoute, {
  ...schemas,
  handle: async ({ body, principal, log, headers }) => {
    const { payment, statement } = await reverseAccountPayment({ principal, log }, { ...body, idempotencyKey: idempotencyKeyHeader(headers) });
    return { data: { payment: renderPayment(payment), statement: renderAccountStatement(statement) } };
  },
});
