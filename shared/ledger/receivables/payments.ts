/**
 * Reading and deleting receivables payments (seed 004). The API shows the payments it created; a
 * deleted one is gone from it (kept for audit), another tenant's id looks exactly like a missing one.
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

/**
 * deletePayment: a reconciled payment is un-reconciled (pending again, its allocations released so
 * its documents owe them again); a pending or discarded one is deleted. Audited in the same
 * transaction; `unreconciled` says which happened (read off the result, so a replay says it too).
 * With an Idempotency-Key, a retry answers the first result rather than the 404 of a deleted payment
 * or a second step (deleting what the first call un-reconciled).
 */
export async function deleteReceivablesPayment(ctx: UseCaseContext, id: string, idempotencyKey?: string): Promise<{ payment: Payment; unreconciled: boolean }> {
  const idempotency = { key: idempotencyKey, scope: 'receivables.delete', request: { id } };
  const payment = await changeOnce<Payment>(ctx.principal.tenant, idempotency, id, (keyRecord) =>
    changePayment(ctx, {
      keyRecord,
      load: () => getReceivablesPayment(ctx.principal.tenant, id, true),
      decide: (before) => {
        if (before.reconciliation !== 'reconciled') return { ...before, deleted: true, status: 'deleted' };
        const { reconciledAt: _released, ...rest } = before;
        return { ...rest, reconciliation: 'pending', allocations: [] };
      },
      audit: { action: 'RECEIVABLES_PAYMENT_DELETE' },
    }),
  );
  return { payment, unreconciled: !payment.deleted };
}
