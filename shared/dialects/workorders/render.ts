/**
 * The workorders `Pago` (seed 000). Ids render as numbers; the flat fields the real server answers
 * (empleadoId, empleadoNombre…) and the nested objects the document describes are both present.
 * Employee and client ids are the ones the client knows (their externalIds, kept on the payment).
 */
import { toMajorNumber } from '../../domain/money.js';
import { knownIdIn } from '../../domain/parties.js';
import type { Payment } from '../../domain/payments.js';
import { isId } from '../../ids.js';
import type { Created } from '../../ledger/create-once.js';
import { firstResult } from '../created.js';

/** The id the client knows for a party the payment names, as a number (an externalId that is not one renders Caja's id). */
function knownNumericId(payment: Payment, id: string | undefined): number {
  const known = id === undefined ? undefined : knownIdIn(payment, id);
  return Number(known !== undefined && isId(known) ? known : id);
}

export function toPago(payment: Payment) {
  const employeeId = knownNumericId(payment, payment.employeeId);
  const clientId = knownNumericId(payment, payment.payerId);
  return {
    id: Number(payment.id),
    empleadoId: employeeId,
    empleadoNombre: payment.employeeName ?? null,
    empleado: { id: employeeId, nombre: payment.employeeName ?? null },
    clienteId: clientId,
    clienteNombre: payment.payerName ?? null,
    cliente: { id: clientId, nombre: payment.payerName ?? null },
    pendienteId: Number(payment.allocations[0]?.chargeId),
    monto: toMajorNumber(payment.amount, payment.currency),
    fechaPago: payment.date,
    metodoPago: payment.method,
    referencia: payment.reference ?? null,
    vigente: !payment.deleted,
    fechaCreacion: payment.createdAt,
    fechaModificacion: payment.updatedAt,
  };
}

/** A create's answer, first or replayed (201 both, told apart by the message, as the original does). */
export function renderCreatedPago(created: Created<Payment>) {
  const first = firstResult(created);
  // Records kept before canonical results stored the canonical payment as their `data` already.
  const payment = 'result' in first ? first.result : (first.response.data as Payment);
  return { status: 201, data: toPago(payment), message: created.replayed ? 'Pago ya registrado' : 'Pago registrado' };
}
