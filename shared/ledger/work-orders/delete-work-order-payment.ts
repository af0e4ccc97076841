import type { UseCaseContext } from '../context.js';
import type { Payment } from '../model.js';
import { changePayment } from '../payments/change-payment.js';
import { assertMayWrite, requireWorkOrderPayment } from './work-order-payment.js';

/** Soft delete: vigente=false, kept for audit; deleting a deleted payment again changes nothing. */
export async function deleteWorkOrderPayment(ctx: UseCaseContext, id: string): Promise<Payment> {
  const { principal } = ctx;
  return changePayment(ctx, {
    load: () => requireWorkOrderPayment(principal.tenant, id, true),
    decide: (before) => {
      assertMayWrite(principal, before.employeeId ?? '');
      return before.deleted ? undefined : { ...before, deleted: true, status: 'deleted' };
    },
    audit: { action: 'PAYMENT_DELETE' },
  });
}
