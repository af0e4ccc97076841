/**
 * Move a gateway payment through its life cycle (`PATCH /pagos/{id}`). The write is conditioned on
 * the version read: of two concurrent transitions one commits and the other gets a 409 (its client
 * decided on a status that no longer holds); an illegal transition is a 409 too. Audited in the
 * same transaction.
 */
import type { Principal } from '../../auth/principal.js';
import { canonicalState, type GatewayPayment, type GatewayStatus } from '../../domain/gateway/payment.js';
import { canTransition, transition } from '../../domain/gateway/transitions.js';
import { conflict } from '../../errors.js';
import { auditEntry, putAudit } from '../../store/audit.js';
import { replaceGatewayPayment } from '../../store/gateway-payments.js';
import { ConditionFailed, transact } from '../../store/tx.js';
import { requireGatewayPayment } from './get-payment.js';

export async function transitionGatewayPayment(
  principal: Principal,
  id: string,
  to: GatewayStatus,
  statusDetail?: string,
): Promise<GatewayPayment> {
  const { tenant } = principal;
  const before = await requireGatewayPayment(tenant, id, true);
  const from = before.gateway.status;
  if (!canTransition(from, to)) throw conflict(`A ${from} payment cannot become ${to}`);
  const at = new Date().toISOString();
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
    ]);
  } catch (error) {
    if (error instanceof ConditionFailed && error.on('payment')) throw conflict(`The payment changed meanwhile; it is no longer ${from}`);
    throw error;
  }
  return after;
}
