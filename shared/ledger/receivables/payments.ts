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

/** What a deletePayment did (SPEC §3): a reconciled payment is un-reconciled, any other deleted. */
export type DeleteOutcome = 'unreconciled' | 'deleted';

/**
 * deletePayment (SPEC §3, seed 004): a reconciled payment is un-reconciled (pending again, its
 * allocations released so its documents owe them again); a pending or discarded one is deleted (kept
 * for audit, gone from the API). Audited in the same transaction; the outcome is read off the result,
 * so a replay says it too. With an Idempotency-Key, a retry answers the first result rather than
 * taking the next step.
 */
export async function deleteReceivablesPayment(ctx: UseCaseContext, id: string, idempotencyKey?: string): Promise<{ payment: Payment; outcome: DeleteOutcome }> {
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
  const outcome: DeleteOutcome = payment.deleted ? 'deleted' : 'unreconciled';
  return { payment, outcome };
}
