/**
 * Community charges and payments as the communities API shows them (seed 003): camelCase, amounts
 * as JSON numbers in the tenant currency, dates as ISO 8601, plus Caja's montoPagado, saldo and
 * montoNoAplicado. Statuses are derived here, for the tenant's date the use case read them on.
 */
import { amountDue, type Charge } from '../../domain/charges.js';
import { cargoStatus } from '../../domain/community.js';
import { toMajorNumber } from '../../domain/money.js';
import { knownIdIn } from '../../domain/parties.js';
import type { Payment } from '../../domain/payments.js';

/** A business date as the ASP.NET original renders a DateTime: `2024-03-15T00:00:00`. */
export const isoDate = (date: string | undefined) => (date ? (date.length === 10 ? `${date}T00:00:00` : date) : null);

/** Allocations that count: a voided or cancelled payment has released its applications. */
export const liveAllocations = (payment: Payment) => (payment.status === 'active' ? payment.allocations : []);

export function toCargo(charge: Charge, today: string) {
  const money = (minor: number) => toMajorNumber(minor, charge.currency);
  const paid = charge.paidAmount ?? 0;
  return {
    id: charge.id,
    contratoId: knownIdIn(charge, charge.contractId ?? charge.partyId),
    comunidadId: charge.communityId ? knownIdIn(charge, charge.communityId) : null,
    montoCargo: money(charge.amount),
    fechaDePago: isoDate(charge.dueDate),
    montoRecargos: money(charge.lateFee ?? 0),
    estatus: cargoStatus({ ...charge, paidAmount: paid }, today),
    notas: charge.description ?? null,
    isActive: !charge.voided,
    createdAt: charge.createdAt,
    updatedAt: charge.updatedAt,
    montoPagado: money(paid),
    saldo: money(Math.max(0, amountDue(charge) - paid)),
  };
}

export function toPagoComunidad(payment: Payment) {
  const money = (minor: number) => toMajorNumber(minor, payment.currency);
  const applied = liveAllocations(payment);
  return {
    id: payment.id,
    montoPago: money(payment.amount),
    formaDePago: payment.method,
    fechaDePago: isoDate(payment.date),
    isActive: !payment.deleted,
    createdAt: payment.createdAt,
    updatedAt: payment.updatedAt,
    updatedByUserId: payment.community?.updatedBy ?? payment.recordedBy,
    // An application is identified by its payment and cargo (a cargo appears once per payment).
    pagoCargos: applied.map((a) => ({
      id: `${payment.id}-${a.chargeId}`,
      pagoComunidadId: payment.id,
      cargosComunidadId: a.chargeId,
      montoAplicado: money(a.amount),
      createdAt: payment.createdAt,
    })),
    montoNoAplicado: money(payment.amount - applied.reduce((sum, a) => sum + a.amount, 0)),
  };
}
