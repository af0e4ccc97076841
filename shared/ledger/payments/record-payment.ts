/**
 * Record a payment: the one way money enters the ledger, whichever dialect asks. One transaction
 * holds the idempotency key record (with the canonical payment as its first result), the payment
 * (and the aggregates the store keeps for its lists), every allocation's effect on its charge,
 * any further effect its use case plugs in (the accounts statement: ./statement-effect.ts), and
 * the audit entry; a tenant's first payments also mark it as holding money (its currency is fixed
 * from then on: store/tenants.ts). A payment may be applied to one charge or split across many (see
 * shared/domain/allocation.ts for the oldest-first split).
 */
import { allocationDeltas, type AllocationProblem, checkAllocations } from '../../domain/allocation.js';
import { auditEntry, putAudit } from '../../store/audit.js';
import { coalesceAggregates } from '../../store/aggregates/tree.js';
import { applyToCharge } from '../../store/charges.js';
import { recordPaymentItems } from '../../store/payments.js';
import { countMetric } from '../../metrics.js';
import { recordingMoney, tenantSettings } from '../../store/tenants.js';
import type { TxItems } from '../../store/tx.js';
import type { UseCaseContext } from '../context.js';
import { type Created, createOnce, type IdempotencyInput, type ResultRecord } from '../create-once.js';
import { Invalid, issue } from '../errors.js';
import { newId } from '../../ids.js';
import type { Allocation, Charge, Payment } from '../model.js';
import { transactWithinRunningTotals } from '../running-totals.js';

/** A payment as a dialect describes it; the use case adds id, lifecycle, recorder, timestamps and version. */
export type PaymentDraft = Omit<Payment, 'id' | 'status' | 'deleted' | 'reconciliation' | 'recordedBy' | 'createdAt' | 'updatedAt' | 'version'> &
  Partial<Pick<Payment, 'reconciliation'>>;

/** A draft with the charges it must not over-pay, prepared once the idempotency key is known to be new. */
export interface PreparedDraft {
  draft: PaymentDraft;
  capped?: CappedCharges | undefined;
}

export interface RecordPaymentCommand {
  /**
   * The payment, or how to prepare it: a preparation reads and checks what it pays (documents'
   * outstanding amounts…) only when the key is new, so a replay answers the first result even once
   * those documents are paid.
   */
  draft: PaymentDraft | (() => Promise<PreparedDraft>);
  idempotency?: IdempotencyInput | undefined;
  /** The audit action (dialects keep their own names) and extra context for the entry. */
  audit: { action: string; details?: Record<string, unknown> };
  /** Items of further effects in the same transaction (the accounts statement). */
  effects?: (payment: Payment, at: string) => TxItems;
}

/** An unsound split, named by its problem (`exceeds_amount`: ALLOCATION_EXCEEDS_AMOUNT). */
export function allocationError(problem: AllocationProblem): Invalid {
  const what = `${problem.problem.replace('_', ' ')}${'chargeId' in problem ? ` (charge ${problem.chargeId})` : ''}`;
  const reason = problem.problem === 'exceeds_amount' ? 'ALLOCATION_EXCEEDS_AMOUNT' : 'VALIDATION_ERROR';
  return new Invalid(`Invalid body: allocations: ${what}`, issue('allocations', what), reason);
}

/** Charges as read by the use case: their allocations are capped at what is due (see applyToCharge). */
export type CappedCharges = ReadonlyMap<string, Pick<Charge, 'amount' | 'lateFee'>>;

/** Each allocation's change to its charge's paid amount, as transaction items named `charge:{id}`. */
export function chargeEffects(tenant: string, before: readonly Allocation[], after: readonly Allocation[], capped?: CappedCharges): TxItems {
  return allocationDeltas(before, after).map((d) => [`charge:${d.chargeId}`, applyToCharge(tenant, d.chargeId, d.amount, capped?.get(d.chargeId))] as const);
}

function newPayment(draft: PaymentDraft, id: string, recordedBy: string, at: string): Payment {
  const reconciliation = draft.reconciliation ?? 'reconciled';
  return {
    ...draft,
    id,
    recordedBy,
    status: 'active',
    deleted: false,
    reconciliation,
    ...(reconciliation === 'reconciled' ? { reconciledAt: at } : {}),
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
}

/** The payment's own items: the payment (and its list aggregates) and its audit entry. */
function paymentItems(ctx: UseCaseContext, payment: Payment, audit: RecordPaymentCommand['audit'], at: string): TxItems {
  const { tenant } = ctx.principal;
  const { details } = audit;
  return [
    ...recordPaymentItems(tenant, payment),
    ['audit', putAudit(tenant, auditEntry(ctx.principal, audit.action, 'PAYMENT', payment.id, { after: payment, ...(details ? { details } : {}) }, at))],
  ];
}

export async function recordPayment(ctx: UseCaseContext, command: RecordPaymentCommand): Promise<Created<Payment>> {
  const { tenant } = ctx.principal;
  return createOnce<Payment>(
    tenant,
    command.idempotency,
    async (keyRecord, id) => {
      const { draft, capped } = typeof command.draft === 'function' ? await command.draft() : { draft: command.draft, capped: undefined };
      const problem = checkAllocations(draft.amount, draft.allocations);
      if (problem) throw allocationError(problem);
      const at = new Date().toISOString();
      const payment = newPayment(draft, id, ctx.principal.sub, at);
      const settings = await tenantSettings(tenant);
      const { consumedWriteCapacity } = await recordingMoney(settings, at, (mark) => transactWithinRunningTotals([
        ...keyRecord(payment),
        ...paymentItems(ctx, payment, command.audit, at),
        ...chargeEffects(tenant, [], payment.allocations, capped),
        ...(command.effects?.(payment, at) ?? []),
        ...mark,
      ]));
      ctx.log?.info('payment recorded', { paymentId: id, source: payment.source, consumedWriteCapacity });
      countMetric('PaymentsRecorded');
      return payment;
    },
    ctx.now,
  );
}

/**
 * Several payments in one transaction, all or none (a CFDI receipt with several Pago nodes): one
 * idempotency key for the lot, each payment audited, and the allocations of all of them applied to
 * their charges as one change per charge (a transaction touches an item once).
 */
export async function recordPayments(
  ctx: UseCaseContext,
  command: Omit<RecordPaymentCommand, 'draft' | 'effects'> & {
    drafts: () => Promise<{ drafts: PaymentDraft[]; capped: CappedCharges }>;
    /** A second key record in the same transaction (an Idempotency-Key header beside a receipt's own UUID). */
    alsoKeyRecord?: ResultRecord<Payment[]> | undefined;
  },
): Promise<Created<Payment[]>> {
  const { tenant } = ctx.principal;
  return createOnce<Payment[]>(
    tenant,
    command.idempotency,
    async (keyRecord, firstId) => {
      const { drafts, capped } = await command.drafts();
      for (const draft of drafts) {
        const problem = checkAllocations(draft.amount, draft.allocations);
        if (problem) throw allocationError(problem);
      }
      const at = new Date().toISOString();
      const payments = drafts.map((draft, i) => newPayment(draft, i === 0 ? firstId : newId(), ctx.principal.sub, at));
      const settings = await tenantSettings(tenant);
      // Payments of one day share aggregate nodes: one Update each (a transaction touches an item once).
      const { consumedWriteCapacity } = await recordingMoney(settings, at, (mark) => transactWithinRunningTotals(coalesceAggregates([
        ...keyRecord(payments),
        ...(command.alsoKeyRecord?.(payments) ?? []),
        ...payments.flatMap((payment) => paymentItems(ctx, payment, command.audit, at)),
        ...chargeEffects(tenant, [], payments.flatMap((p) => p.allocations), capped),
        ...mark,
      ])));
      ctx.log?.info('payments recorded', { paymentIds: payments.map((p) => p.id), consumedWriteCapacity });
      countMetric('PaymentsRecorded', payments.length);
      return payments;
    },
    ctx.now,
  );
}
