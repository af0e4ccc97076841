/**
 * Record a payment: the one way money enters the ledger, whichever dialect asks. One transaction
 * holds the idempotency key record (with the canonical payment as its first result), the payment
 * (and the aggregates the store keeps for its lists), every allocation's effect on its charge,
 * any further effect its use case plugs in (the accounts statement: ./statement-effect.ts), and
 * the audit entry. A payment may be applied to one charge or split across many (see
 * shared/domain/allocation.ts for the oldest-first split).
 */
import { allocationDeltas, type AllocationProblem, checkAllocations } from '../../domain/allocation.js';
import { auditEntry, putAudit } from '../../store/audit.js';
import { applyToCharge, applyWithinDue, CHARGE_ROOM } from '../../store/charges.js';
import { recordPaymentItems } from '../../store/payments.js';
import { transact, type TxItems } from '../../store/tx.js';
import type { UseCaseContext } from '../context.js';
import { type Created, createOnce, type IdempotencyInput } from '../create-once.js';
import { Invalid, issue } from '../errors.js';
import type { Allocation, Charge, Payment } from '../model.js';

/** A payment as a dialect describes it; the use case adds id, lifecycle, recorder, timestamps and version. */
export type PaymentDraft = Omit<Payment, 'id' | 'status' | 'deleted' | 'reconciliation' | 'recordedBy' | 'createdAt' | 'updatedAt' | 'version'> &
  Partial<Pick<Payment, 'reconciliation'>>;

export interface RecordPaymentCommand {
  draft: PaymentDraft;
  idempotency?: IdempotencyInput | undefined;
  /** The audit action (dialects keep their own names) and extra context for the entry. */
  audit: { action: string; details?: Record<string, unknown> };
  /** Items of further effects in the same transaction (the accounts statement). */
  effects?: (payment: Payment, at: string) => TxItems;
  /**
   * Plans the allocations on charges as read now (run after the idempotency check, so a replay plans
   * nothing). Each planned application must still fit its charge when the transaction commits, else it
   * fails as CHARGE_ROOM and the caller plans again: concurrent payments never over-apply a charge.
   */
  plan?: () => Promise<AllocationPlanned>;
}

export interface AllocationPlanned {
  allocations: Allocation[];
  /** The charges as read when planning. */
  plannedOn: readonly Charge[];
}

/** An unsound split, named by its problem (`exceeds_amount`: ALLOCATION_EXCEEDS_AMOUNT). */
export function allocationError(problem: AllocationProblem): Invalid {
  const what = `${problem.problem.replace('_', ' ')}${'chargeId' in problem ? ` (charge ${problem.chargeId})` : ''}`;
  const reason = problem.problem === 'exceeds_amount' ? 'ALLOCATION_EXCEEDS_AMOUNT' : 'VALIDATION_ERROR';
  return new Invalid(`Invalid body: allocations: ${what}`, issue('allocations', what), reason);
}

/**
 * Each allocation's change to its charge's paid amount, as transaction items named `charge:{id}`;
 * an increase on a charge of `plannedOn` is conditioned on still fitting it (named CHARGE_ROOM).
 */
export function chargeEffects(tenant: string, before: readonly Allocation[], after: readonly Allocation[], plannedOn: readonly Charge[] = []): TxItems {
  return allocationDeltas(before, after).map((d) => {
    const seen = d.amount > 0 ? plannedOn.find((c) => c.id === d.chargeId) : undefined;
    return seen ? ([CHARGE_ROOM, applyWithinDue(tenant, seen, d.amount)] as const) : ([`charge:${d.chargeId}`, applyToCharge(tenant, d.chargeId, d.amount)] as const);
  });
}

export async function recordPayment(ctx: UseCaseContext, command: RecordPaymentCommand): Promise<Created<Payment>> {
  const { principal } = ctx;
  const { tenant } = principal;
  const { draft } = command;
  const problem = checkAllocations(draft.amount, draft.allocations);
  if (problem) throw allocationError(problem);

  return createOnce<Payment>(
    tenant,
    command.idempotency,
    async (keyRecord, id) => {
      const planned = command.plan ? await command.plan() : { allocations: draft.allocations, plannedOn: [] };
      const replanProblem = command.plan ? checkAllocations(draft.amount, planned.allocations) : undefined;
      if (replanProblem) throw allocationError(replanProblem);
      const at = new Date().toISOString();
      const payment: Payment = {
        ...draft,
        allocations: planned.allocations,
        id,
        recordedBy: principal.sub,
        status: 'active',
        deleted: false,
        reconciliation: draft.reconciliation ?? 'reconciled',
        createdAt: at,
        updatedAt: at,
        version: 1,
      };
      const { details } = command.audit;
      const { consumedWriteCapacity } = await transact([
        ...keyRecord(payment),
        ...recordPaymentItems(tenant, payment),
        ...chargeEffects(tenant, [], payment.allocations, planned.plannedOn),
        ...(command.effects?.(payment, at) ?? []),
        ['audit', putAudit(tenant, auditEntry(principal, command.audit.action, 'PAYMENT', id, { after: payment, ...(details ? { details } : {}) }, at))],
      ]);
      ctx.log?.info('payment recorded', { paymentId: id, source: payment.source, consumedWriteCapacity });
      return payment;
    },
    ctx.now,
  );
}
