import { endpoint } from '../../shared/http/endpoint.js';
import { deleteReceivablesPayment } from '../../shared/ledger/receivables/payments.js';
import { findRoute } from '../routes.js';
import { schemas } from './schemas/delete-payment.js';

/** A reconciled payment is un-reconciled, any other deleted; the answer says which. */
export const handler = endpoint(findRoute('DELETE /v1/deletePayment'), {
  ...schemas,
  handle: async ({ body, principal, log }) => {
    const { payment, unreconciled } = await deleteReceivablesPayment({ principal, log }, body.id);
    return { data: { id: payment.id, msg: unreconciled ? 'Pago desconciliado.' : 'Pago eliminado.' } };
  },
});
