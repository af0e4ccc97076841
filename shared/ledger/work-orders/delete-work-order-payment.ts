import type { UseCaseContext } from '../context.js';
import { changeOnce } from '../create-once.js';
import type { Payment } from '../model.js';
import { changePayment } from '../payments/change-payment.js';
import { assertMayWrite, requireVisibleWorkOrderPayment } from './work-order-payment.js';

/** Soft delete: vigente=false, kept for audit; deleting a deleted payment again changes nothing. */
export async function deleteWorkOrderPayment(ctx: UseCaseContext, id: string, idempotencyKey?: string): Promise<Payment> {
  const { principal } = ctx;
  return changeOnce(principal.tenant, { key: idempotencyKey, scope: 'workorders.delete', request: { id } }, id, (keyRecord) => changePayment(ctx, {
    keyRecord,
    load: () => requireVisibleWorkOrderPayment(principal, id, true),
    decide: (before) => {
      assertMayWrite(principal, before.employeeId ?? '');
      return before.deleted ? undefined : { ...before, deleted: true, status: 'deleted' };
    },
    audit: { action: 'PAYMENT_DELETE' },
  }));
}
