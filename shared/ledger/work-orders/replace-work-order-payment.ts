import { tenantSettings } from '../../store/tenants.js';
import type { UseCaseContext } from '../context.js';
import { NotFound } from '../errors.js';
import type { Payment } from '../model.js';
import { changePayment } from '../payments/change-payment.js';
import { assertMayWrite, requireWorkOrderPayment, type WorkOrderPaymentCommand, workOrderDraft } from './work-order-payment.js';

/**
 * A full replacement (PUT): concurrent updates are applied one after another, each audited, and
 * the work orders' paid amounts always match: none is lost.
 */
export async function replaceWorkOrderPayment(ctx: UseCaseContext, id: string, command: WorkOrderPaymentCommand): Promise<Payment> {
  const { principal } = ctx;
  const { currency } = await tenantSettings(principal.tenant);
  return changePayment(ctx, {
    load: () => requireWorkOrderPayment(principal.tenant, id, true),
    decide: async (before) => {
      if (before.deleted) throw new NotFound('Pago');
      assertMayWrite(principal, before.employeeId ?? '');
      assertMayWrite(principal, command.empleadoId);
      const { reference: _replaced, ...kept } = before;
      return { ...kept, ...(await workOrderDraft(principal.tenant, command, currency)) };
    },
    audit: { action: 'PAYMENT_UPDATE' },
  });
}

