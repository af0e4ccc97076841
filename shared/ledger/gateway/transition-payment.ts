/**
 * Move a gateway payment through its life cycle (`PATCH /pagos/{id}`). The write is conditioned on
 * the version read: of two concurrent transitions one commits and the other gets a Conflict (its client
 * decided on a status that no longer holds); an illegal transition is a Conflict too. Audited in the
 * same transaction.
 */
import { canonicalState, type GatewayPayment, type GatewayStatus } from '../../domain/gateway/payment.js';
import { canTransition, transition } from '../../domain/gateway/transitions.js';
import { auditEntry, putAudit } from '../../store/audit.js';
import { replaceGatewayPayment } from '../../store/gateway-payments.js';
import { ConditionFailed, transact } from '../../store/tx.js';
import { tenantSettings } from '../../store/tenants.js';
import type { UseCaseContext } from '../context.js';
import { changeOnce } from '../create-once.js';
import { Conflict } from '../errors.js';
import { type GatewayPaymentView, requireGatewayPayment } from './get-payment.js';

export async function transitionGatewayPayment(
  { principal, now = new Date() }: UseCaseContext,
  id: string,
  to: GatewayStatus,
  statusDetail?: string,
  idempotencyKey?: string,
): Promise<GatewayPaymentView> {
  const { tenant } = principal;
  const idempotency = { key: idempotencyKey, scope: 'gateway.transition', request: { id, to, statusDetail } };
  const payment = await changeOnce<GatewayPayment>(tenant, idempotency, id, async (keyRecord) => {
  const before = await requireGatewayPayment(tenant, id, true);
  const from = before.gateway.status;
  if (!canTransition(from, to)) throw new Conflict(`A ${from} payment cannot become ${to}`);
  const at = now.toISOString();
  const record = transition(before.gateway, to, at, statusDetail);
  const after: GatewayPayment = {
    ...before,
    ...canonicalState(record),
    ...(record.status === 'refunded' ? { reversal: { by: principal.sub, at, reason: statusDetail ?? 'refunded' } } : {}),
    gateway: record,
    updatedAt: at,
    version: before.version + 1,
  };
  try {
    await transact([
      ['payment', replaceGatewayPayment(tenant, before, after)],
      ['audit', putAudit(tenant, auditEntry(principal, 'PAYMENT_STATUS_CHANGE', 'PAYMENT', id, { before, after, details: { from, to } }, at))],
      ...keyRecord(after),
    ]);
  } catch (error) {
    if (error instanceof ConditionFailed && error.on('payment')) throw new Conflict(`The payment changed meanwhile; it is no longer ${from}`);
    throw error;
  }
  return after;
  });
  return { payment, timeZone: (await tenantSettings(tenant)).timeZone };
}
