/**
 * Reading and deleting receivables payments (seed 004). The API shows the payments it created; a
 * deleted one (not a discarded one) is gone from it (kept for audit), another tenant's id looks exactly like a missing one.
 */
import { getPayment } from '../../store/payments.js';
import type { UseCaseContext } from '../context.js';
import { changeOnce } from '../create-once.js';
import { NotFound } from '../errors.js';
import type { Payment } from '../model.js';
import { changePayment } from '../payments/change-payment.js';

export async function getReceivablesPayment(tenant: string, id: string, consistent = false): Promise<Payment> {
  const payment = await getPayment(tenant, id, consistent);
  if (!payment || payment.source !== 'receivables' || payment.deleted) throw new NotFound('Payment');
  return payment;
}

/** What a deletePayment did: each call moves a payment one step, reconciled → pending → discarded → deleted. */
export type DeleteOutcome = 'unreconciled' | 'discarded' | 'deleted';

/**
 * deletePayment, one step per call: a reconciled payment is un-reconciled (pending again, its
 * allocations released so its documents owe them again); a pending one is discarded (status 2: it
 * leaves the pending list but stays visible, as the seed's "Pago descartado", with getPayments?status=2
 * and getPayment); a discarded one is deleted (kept for audit, gone from the API). Audited in the
 * same transaction; the outcome is read off the result, so a replay says it too. With an
 * Idempotency-Key, a retry answers the first result rather than taking the next step.
 */
export async function deleteReceivablesPayment(ctx: UseCaseContext, id: string, idempotencyKey?: string): Promise<{ payment: Payment; outcome: DeleteOutcome }> {
  const idempotency = { key: idempotencyKey, scope: 'receivables.delete', request: { id } };
  const payment = await changeOnce<Payment>(ctx.principal.tenant, idempotency, id, (keyRecord) =>
    changePayment(ctx, {
      keyRecord,
      load: () => getReceivablesPayment(ctx.principal.tenant, id, true),
      decide: (before) => {
        if (before.reconciliation === 'pending') return { ...before, reconciliation: 'discarded' };
        if (before.reconciliation !== 'reconciled') return { ...before, deleted: true, status: 'deleted' };
        const { reconciledAt: _released, ...rest } = before;
        return { ...rest, reconciliation: 'pending', allocations: [] };
      },
      audit: { action: 'RECEIVABLES_PAYMENT_DELETE' },
    }),
  );
  const outcome: DeleteOutcome = payment.deleted ? 'deleted' : payment.reconciliation === 'discarded' ? 'discarded' : 'unreconciled';
  return { payment, outcome };
}
