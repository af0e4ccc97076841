/**
 * Change a recorded payment (update, void/soft delete, reverse): read, decide, write, optimistic on
 * the payment's version, so concurrent changes apply one after another and none is lost. The
 * effects come from comparing before and after: allocations that stop (or start) counting move
 * their charges' paid amounts, a payment leaving its active lists moves their counters, and the
 * use case may plug in more (a reversal's statement effect). One transaction, audited.
 */
import { auditEntry, putAudit } from '../../store/audit.js';
import type { ResultRecord } from '../../store/idempotency.js';
import { employeeEntryItems } from '../../store/employee-payments.js';
import { paymentCounterItems, paymentSideItems, replacePayment } from '../../store/payments.js';
import { optimistic, type TxItems } from '../../store/tx.js';
import type { UseCaseContext } from '../context.js';
import type { Allocation, Payment } from '../model.js';
import { transactWithinRunningTotals } from '../running-totals.js';
import { type CappedCharges, chargeEffects } from './record-payment.js';

export interface PaymentChange {
  /** Reads the payment (consistently) or throws the dialect's NotFound; called again after a lost race. */
  load(): Promise<Payment>;
  /** The payment after the change, or undefined when there is nothing to change (repeating is harmless). */
  decide(before: Payment, at: string): Promise<Payment | undefined> | Payment | undefined;
  audit: { action: string; details?: Record<string, unknown> };
  /** Items of further effects in the same transaction (the accounts statement). */
  effects?: (before: Payment, after: Payment, at: string) => TxItems;
  /** The charges `decide` planned new allocations on, as read: their increases are capped (see chargeEffects). */
  capped?: () => CappedCharges | undefined;
  /** The idempotency key record of the change (changeOnce), committed with it. */
  keyRecord?: ResultRecord<Payment>;
}

const counting = (p: Payment): readonly Allocation[] => (p.status === 'active' ? p.allocations : []);

function effects(tenant: string, before: Payment, after: Payment, capped?: CappedCharges): TxItems {
  return [
    ...chargeEffects(tenant, counting(before), counting(after), capped),
    ...(!before.deleted && after.deleted ? paymentCounterItems(tenant, before, -1) : []),
    ...employeeEntryItems(tenant, before, after),
    ...paymentSideItems(tenant, before, after),
  ];
}

export async function changePayment(ctx: UseCaseContext, change: PaymentChange): Promise<Payment> {
  const { principal } = ctx;
  const { tenant } = principal;
  return optimistic('payment', async () => {
    const before = await change.load();
    const at = (ctx.now ?? new Date()).toISOString();
    const decided = await change.decide(before, at);
    if (!decided) return before;
    const after: Payment = { ...decided, updatedAt: at, version: before.version + 1 };
    const { details } = change.audit;
    await transactWithinRunningTotals([
      ['payment', replacePayment(tenant, before, after)],
      ...effects(tenant, before, after, change.capped?.()),
      ...(change.effects?.(before, after, at) ?? []),
      ['audit', putAudit(tenant, auditEntry(principal, change.audit.action, 'PAYMENT', before.id, { before, after, ...(details ? { details } : {}) }, at))],
      ...(change.keyRecord?.(after) ?? []),
    ]);
    return after;
  });
}
