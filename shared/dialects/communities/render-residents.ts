/** Resident charges and payments, and payment histories, as the communities API shows them (seed 003). */
import { residentChargeStatus } from '../../domain/community.js';
import { toMajorNumber } from '../../domain/money.js';
import { knownIdIn } from '../../domain/parties.js';
import type { Payment } from '../../domain/payments.js';
import type { ResidentCharge } from '../../ledger/communities/resident-charges.js';
import { isoDate, liveAllocations } from './render.js';

export function toCargoResidente({ charge, resident }: ResidentCharge) {
  return {
    id: charge.id,
    residentId: charge.partyId,
    residentName: resident?.name ?? null,
    residentNumber: resident?.externalId ?? null,
    fecha: isoDate(charge.issueDate),
    descripcion: charge.description ?? null,
    monto: toMajorNumber(charge.amount, charge.currency),
    estatus: residentChargeStatus(charge),
    createdAt: charge.createdAt,
    updatedAt: charge.updatedAt,
    createdByUserId: charge.createdBy ?? null,
    updatedByUserId: charge.updatedBy ?? charge.createdBy ?? null,
    montoPagado: toMajorNumber(charge.paidAmount ?? 0, charge.currency),
  };
}

export function toPagoResidente(payment: Payment) {
  const details = payment.community;
  return {
    id: payment.id,
    residenteId: details?.residentId ?? payment.payerId ?? null,
    residentName: payment.payerName ?? null,
    residentNumber: details?.residentNumber ?? null,
    fechaPago: isoDate(payment.date),
    monto: toMajorNumber(payment.amount, payment.currency),
    status: details?.status ?? null,
    concepto: details?.concepto ?? null,
    urlComprobante: details?.urlComprobante ?? null,
    nota: payment.notes ?? null,
    createdAt: payment.createdAt,
    updatedAt: payment.updatedAt,
    createdByUserId: payment.recordedBy,
    updatedByUserId: details?.updatedBy ?? payment.recordedBy,
    aplicaciones: liveAllocations(payment).map((a) => ({ cargoResidenteId: a.chargeId, montoAplicado: toMajorNumber(a.amount, payment.currency) })),
  };
}

/** The contract a history names, by the id its client knows (kept at record time). */
function contractIdOf(payment: Payment) {
  const id = payment.community?.contractId ?? payment.payerId;
  return id === undefined ? null : knownIdIn(payment, id);
}

export function toPaymentHistory(payment: Payment) {
  return {
    id: payment.id,
    contratoId: contractIdOf(payment),
    monto: toMajorNumber(payment.amount, payment.currency),
    fechaPago: isoDate(payment.date),
    metodoPago: payment.method,
    referenciaPago: payment.reference ?? null,
    estadoPago: payment.community?.status ?? null,
    notas: payment.notes ?? null,
    isActive: !payment.deleted,
    createdAt: payment.createdAt,
    updatedAt: payment.updatedAt,
    updatedByUserId: payment.community?.updatedBy ?? payment.recordedBy,
  };
}
