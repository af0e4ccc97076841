/**
 * Reading and deleting receivables payments (seed 004). The API shows the payments it created; a
 * deleted one is gone from it (kept for audit), another tenant's id looks exactly like a missing one.
 */
import { getPayment } from '../../store/payments.js';
import type { UseCaseContext } from '../context.js';
import { NotFound } from '../errors.js';
import type { Payment } from '../model.js';
import { changePayment } from '../payments/change-payment.js';

export async function getReceivablesPayment(tenant: string, id: string, consistent = false): Promise<Payment> {
  const payment = await getPayment(tenant, id, consistent);
  if (!payment || payment.source !== 'receivables' || payment.deleted) throw new NotFound('Payment');
  return payment;
}

/**
 * deletePayment: a reconciled payment is un-reconciled (pending again, its allocations released so
 * its documents owe them again); a pending or discarded one is deleted. Audited in the same
 * transaction; `unreconciled` says which happened.
 */
export async function deleteReceivablesPayment(ctx: UseCaseContext, id: string): Promise<{ payment: Payment; unreconciled: boolean }> {
  let unreconciled = false;
  const payment = await changePayment(ctx, {
    load: () => getReceivablesPayment(ctx.principal.tenant, id, true),
    decide: (before) => {
      unreconciled = before.reconciliation === 'reconciled';
      if (!unreconciled) return { ...before, deleted: true, status: 'deleted' };
      const { reconciledAt: _released, ...rest } = before;
      return { ...rest, reconciliation: 'pending', allocations: [] };
    },
    audit: { action: 'RECEIVABLES_PAYMENT_DELETE' },
  });
  return { payment, unreconciled };
}
