/**
 * Community payments (seed 003 pagos): ledger payments of a contract applied across its cargos in
 * one transaction with the idempotency record and the audit entry. An explicit split names cargos of
 * that contract, each at most its outstanding amount; with none, the oldest outstanding cargos (by
 * due date) are covered first, and what is left is `montoNoAplicado`. Every application is a
 * conditional write on its cargo, so concurrent payments never over-apply one; a payment that loses
 * such a race plans again on the fresh cargos.
 */
import { allocateOldestFirst, type AllocationProblem, checkAllocations } from '../../domain/allocation.js';
import { outstanding } from '../../domain/charges.js';
import { toMinorUnits } from '../../domain/money.js';
import { chargesOfParty } from '../../store/access-patterns.js';
import { charges } from '../../store/charges.js';
import { readFirst } from '../../store/paged-lists.js';
import { getPayment } from '../../store/payments.js';
import { tenantSettings } from '../../store/tenants.js';
import { type ConditionFailed, optimistic } from '../../store/tx.js';
import type { UseCaseContext } from '../context.js';
import { changeOnce, type Created } from '../create-once.js';
import { Conflict, Invalid, issue, NotFound } from '../errors.js';
import type { Allocation, Charge, Payment } from '../model.js';
import { changePayment } from '../payments/change-payment.js';
import { allocationError, type CappedCharges, type PaymentDraft, recordPayment } from '../payments/record-payment.js';
import { communityOf, knownIdsOfContract, requireParty } from './scope.js';

/** Allocations planned on charges as read: each application is capped at what the charge had room for. */
export interface AllocationPlanned {
  allocations: Allocation[];
  /** The charges as read when planning. */
  plannedOn: readonly Charge[];
}

/** The charges a plan was made on, for record-payment's capped charge updates. */
export const cappedOn = (planned: AllocationPlanned): CappedCharges => new Map(planned.plannedOn.map((c) => [c.id, c]));

/** A draft whose allocations are planned once the idempotency key is known to be new (a replay plans nothing). */
export const plannedDraft = (draft: PaymentDraft, plan: () => Promise<AllocationPlanned>) => async () => {
  const planned = await plan();
  return { draft: { ...draft, allocations: planned.allocations }, capped: cappedOn(planned) };
};

/**
 * A capped application failed: another payment took the charge's room since it was read. The payment
 * plans again on the fresh charges (optimistic), so concurrent payments never over-apply one.
 */
export const lostChargeRace = (failed: ConditionFailed) => failed.failed.some((name) => name.startsWith('charge:'));

/** How many open cargos an automatic split looks at: oldest created first, a bounded working set. */
export const OPEN_CHARGES_CAP = 200;

export interface CommunityPaymentCommand {
  montoPago: number;
  formaDePago: string;
  fechaDePago: string;
  aplicaciones?: { cargoComunidadId: string; montoAplicado: number }[] | undefined;
}

/** An unsound explicit split: over a cargo's outstanding amount is a 409, anything else a 400. */
function splitError(problem: AllocationProblem, index: (chargeId: string) => number) {
  if (problem.problem !== 'exceeds_outstanding') return allocationError(problem);
  const field = `aplicaciones.${index(problem.chargeId)}.montoAplicado`;
  return new Conflict(`Cargo ${problem.chargeId} has only ${problem.outstanding} minor units outstanding`, 'ALLOCATION_EXCEEDS_AMOUNT', issue(field, 'Exceeds the cargo outstanding amount'));
}

/**
 * Splits `amount` over the open charges oldest first. `current` are the allocations the payment
 * already holds (a confirmed payment being changed): they count as released while planning.
 */
export function planOldestFirst(amount: number, open: readonly Charge[], current: readonly Allocation[] = []): AllocationPlanned {
  const released = new Map(current.map((a) => [a.chargeId, a.amount]));
  const candidates = open.filter((c) => !c.voided && outstanding({ ...c, paidAmount: c.paidAmount ?? 0 }) + (released.get(c.id) ?? 0) > 0);
  const plan = allocateOldestFirst(
    amount,
    candidates.map((c) => ({ id: c.id, outstanding: outstanding({ ...c, paidAmount: c.paidAmount ?? 0 }) + (released.get(c.id) ?? 0), dueDate: c.dueDate, issueDate: c.issueDate })),
  );
  return { allocations: plan.allocations, plannedOn: candidates };
}

/** Reads the named cargos (consistently) and checks the split against them. */
async function planExplicit(tenant: string, contractId: string, amount: number, split: readonly Allocation[]): Promise<AllocationPlanned> {
  const read = await Promise.all(split.map((a) => charges.get(tenant, a.chargeId, true)));
  read.forEach((charge, i) => {
    if (!charge || charge.kind !== 'community_charge' || charge.contractId !== contractId) {
      throw new Invalid(`Invalid body: aplicaciones.${i}.cargoComunidadId: not a cargo of this contract`, issue(`aplicaciones.${i}.cargoComunidadId`, 'Not a cargo of this contract'));
    }
    if (charge.voided) throw new Conflict(`Cargo ${charge.id} is inactive`);
  });
  const plannedOn = read as Charge[];
  const outstandingOf = (id: string) => {
    const charge = plannedOn.find((c) => c.id === id);
    return charge ? outstanding({ ...charge, paidAmount: charge.paidAmount ?? 0 }) : undefined;
  };
  const problem = checkAllocations(amount, split, outstandingOf);
  if (problem) throw splitError(problem, (id) => split.findIndex((a) => a.chargeId === id));
  return { allocations: [...split], plannedOn };
}

export async function recordCommunityPayment(ctx: UseCaseContext, contractId: string, command: CommunityPaymentCommand, idempotencyKey?: string): Promise<Created<Payment>> {
  const { tenant } = ctx.principal;
  const contract = await requireParty(tenant, 'contract', contractId);
  const { currency } = await tenantSettings(tenant);
  const amount = toMinorUnits(command.montoPago, currency, 'montoPago', 'positive');
  const split = command.aplicaciones?.map((a, i) => ({
    chargeId: a.cargoComunidadId,
    amount: toMinorUnits(a.montoAplicado, currency, `aplicaciones.${i}.montoAplicado`, 'positive'),
  }));
  // Unsound on its face (repeated cargo, parts above the payment): 400 before reading anything.
  const shape = split && checkAllocations(amount, split);
  if (shape) throw allocationError(shape);
  const plan = split
    ? () => planExplicit(tenant, contract.id, amount, split)
    : async () => planOldestFirst(amount, await readFirst<Charge, { partyId: string; kind: 'community_charge' }>(
          tenant, chargesOfParty, { partyId: contract.id, kind: 'community_charge' }, OPEN_CHARGES_CAP));
  const draft: PaymentDraft = {
    source: 'communities',
    amount,
    currency,
    date: command.fechaDePago,
    method: command.formaDePago,
    direction: 'in',
    payerId: contract.id,
    payerName: contract.name,
    allocations: [],
    community: { record: 'pago', communityId: communityOf(contract), contractId: contract.id },
    ...(await knownIdsOfContract(tenant, contract)),
  };
  return optimistic(lostChargeRace, () =>
    recordPayment(ctx, {
      draft: plannedDraft(draft, plan),
      idempotency: { key: idempotencyKey, scope: 'communities.pago', request: { contractId: contract.id, ...command, montoPago: amount, aplicaciones: split ?? null } },
      audit: { action: 'PAGO_CREATE' },
    }),
  );
}

/** A communities payment of the given record kind in the tenant, or 404. */
export async function requireCommunityPayment(tenant: string, id: string, record: 'pago' | 'resident' | 'history', consistent = false): Promise<Payment> {
  const payment = await getPayment(tenant, id, consistent);
  if (!payment || payment.source !== 'communities' || payment.community?.record !== record) throw new NotFound('Pago');
  return payment;
}

/**
 * DELETE of any communities payment: it is voided (kept, inactive, audited) and its applications are
 * released in the same transaction; deleting it again changes nothing. With an Idempotency-Key, once
 * per key.
 */
export function voidCommunityRecord(ctx: UseCaseContext, id: string, record: 'pago' | 'resident' | 'history', action: string, idempotencyKey?: string): Promise<Payment> {
  const { principal } = ctx;
  return changeOnce(principal.tenant, { key: idempotencyKey, scope: `communities.${record}.delete`, request: { id } }, id, (keyRecord) =>
    changePayment(ctx, {
      keyRecord,
      load: () => requireCommunityPayment(principal.tenant, id, record, true),
      decide: (before) =>
        before.deleted ? undefined : { ...before, deleted: true, status: 'deleted', community: { ...before.community!, updatedBy: principal.sub } },
      audit: { action },
    }),
  );
}

export const voidCommunityPayment = (ctx: UseCaseContext, id: string, idempotencyKey?: string) => voidCommunityRecord(ctx, id, 'pago', 'PAGO_VOID', idempotencyKey);
