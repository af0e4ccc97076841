import { renderPaymentAnswer } from '../../shared/dialects/receivables/answers.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { idempotencyKeyHeader } from '../../shared/http/idempotency-key.js';
import { createPaymentByTaxId } from '../../shared/ledger/receivables/create-payment.js';
import { createPaymentByTaxIdRoute } from './routes.js';
import { schemas } from './schemas/create-payment-by-tax-id.js';

/** 200 with the reconciled payment of the client found by RUT, its documents by SII code + folio. */
export const handler = endpoint(createPaymentByTaxIdRoute, {
  ...schemas,
  handle: async ({ body, headers, principal, log }) =>
    renderPaymentAnswer(principal.tenant, await createPaymentByTaxId({ principal, log }, body, idempotencyKeyHeader(headers))),
});
