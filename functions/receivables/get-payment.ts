import { renderPaymentAnswer } from '../../shared/dialects/receivables/answers.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { getReceivablesPayment } from '../../shared/ledger/receivables/payments.js';
import { getPaymentRoute } from './routes.js';
import { schemas } from './schemas/get-payment.js';

/** One payment; unknown, deleted or another tenant's: 404. `expandFile` changes nothing: Caja keeps no files. */
export const handler = endpoint(getPaymentRoute, {
  ...schemas,
  handle: async ({ query, principal }) => renderPaymentAnswer(principal.tenant, await getReceivablesPayment(principal.tenant, query.id)),
});
