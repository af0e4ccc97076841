/** Record a work-order payment (seed 000): the whole amount applied to its work order, exactly once per key. */
import { tenantSettings } from '../../store/tenants.js';
import type { UseCaseContext } from '../context.js';
import type { Created } from '../create-once.js';
import type { Payment } from '../model.js';
import { recordPayment } from '../payments/record-payment.js';
import { workOrderAmount, type WorkOrderPaymentCommand, workOrderDraft } from './work-order-payment.js';

const IDEMPOTENCY_SCOPE = 'workorders.create-payment';

export async function recordWorkOrderPayment(ctx: UseCaseContext, command: WorkOrderPaymentCommand, idempotencyKey: string | undefined): Promise<Created<Payment>> {
  const { principal } = ctx;
  const { currency } = await tenantSettings(principal.tenant);
  // The key is bound to the normalized request: 150, 150.0 and "150.00" are one amount.
  const request = { ...command, monto: workOrderAmount(command, currency), referencia: command.referencia ?? null };
  const draft = await workOrderDraft(principal, command, currency);
  return recordPayment(ctx, {
    draft,
    idempotency: { key: idempotencyKey, scope: IDEMPOTENCY_SCOPE, request },
    audit: { action: 'PAYMENT_CREATE' },
  });
}

