import { tenantSettings } from '../../store/tenants.js';
import type { UseCaseContext } from '../context.js';
import { changeOnce } from '../create-once.js';
import { NotFound } from '../errors.js';
import type { Payment } from '../model.js';
import { changePayment } from '../payments/change-payment.js';
import { assertMayWrite, requireVisibleWorkOrderPayment, type WorkOrderPaymentCommand, workOrderDraft } from './work-order-payment.js';

/**
 * A full replacement (PUT): concurrent updates are applied one after another, each audited, and
 * the work orders' paid amounts always match: none is lost.
 */
export async function replaceWorkOrderPayment(ctx: UseCaseContext, id: string, command: WorkOrderPaymentCommand, idempotencyKey?: string): Promise<Payment> {
  const { principal } = ctx;
  const { currency } = await tenantSettings(principal.tenant);
  const idempotency = { key: idempotencyKey, scope: 'workorders.replace', request: { id, command } };
  return changeOnce(principal.tenant, idempotency, id, (keyRecord) => changePayment(ctx, {
    keyRecord,
    // Another employee's payment is a 404 (its existence is not revealed); a body naming another employee a 403.
    load: () => requireVisibleWorkOrderPayment(principal, id, true),
    decide: async (before) => {
      if (before.deleted) throw new NotFound('Pago');
      assertMayWrite(principal, before.employeeId ?? '');
      // The body's employee is checked once resolved (it may be named by its externalId).
      const { reference: _replaced, externalIds: _named, ...kept } = before;
      return { ...kept, ...(await workOrderDraft(principal, command, currency)) };
    },
    audit: { action: 'PAYMENT_UPDATE' },
  }));
}

