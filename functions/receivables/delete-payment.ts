import { endpoint } from '../../shared/http/endpoint.js';
import { idempotencyKeyHeader } from '../../shared/http/idempotency-key.js';
import { deleteReceivablesPayment } from '../../shared/ledger/receivables/payments.js';
import { deletePaymentRoute } from './routes.js';
import { schemas } from './schemas/delete-payment.js';

/** The seed's words for what a deletePayment did (a reconciled payment is un-reconciled, any other deleted). */
const MESSAGES = { unreconciled: 'Pago desconciliado.', deleted: 'Pago eliminado.' } as const;

/** Un-reconcile or delete; the answer says which. A repeated Idempotency-Key answers the first result. */
export const handler = endpoint(deletePaymentRoute, {
  ...schemas,
  handle: async ({ body, headers, principal, log }) => {
    const { payment, outcome } = await deleteReceivablesPayment({ principal, log }, body.id, idempotencyKeyHeader(headers));
    return { data: { id: payment.id, msg: MESSAGES[outcome] } };
  },
});
