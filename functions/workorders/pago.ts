/**
 * The workorders dialect (seed 000): request schema and the `Pago` rendering shared by its
 * handlers. Ids render as numbers; the flat fields the real server answers (empleadoId,
 * empleadoNombre…) and the nested objects the document describes are both present.
 */
import { isValidDate } from '../../shared/domain/dates.js';
import { toMajorNumber } from '../../shared/domain/money.js';
import type { Payment } from '../../shared/domain/payments.js';
import * as z from 'zod/mini';
import { WORK_ORDER_METHODS, type WorkOrderPaymentInput } from '../../shared/services/workorders.js';

/** An id as JSON number or digit string, normalized to a string. */
const id = z.pipe(
  z.union([z.number().check(z.int(), z.positive()), z.string().check(z.regex(/^[1-9][0-9]{0,15}$/))]),
  z.transform((value: number | string) => String(value)),
).check(z.refine((value) => Number.isSafeInteger(Number(value)), 'Must be a valid id'));

export const pagoBody = z.strictObject({
  empleadoId: id,
  clienteId: id,
  pendienteId: id,
  monto: z.union([z.number(), z.string().check(z.regex(/^\d+(\.\d+)?$/, 'Must be a decimal amount'))]),
  fechaPago: z.string().check(z.refine(isValidDate, 'Must be a date YYYY-MM-DD')),
  metodoPago: z.enum(WORK_ORDER_METHODS),
  referencia: z.optional(z.nullable(z.string().check(z.maxLength(255)))),
}) satisfies z.ZodMiniType<WorkOrderPaymentInput>;

export const idPath = z.strictObject({ id: z.string().check(z.regex(/^[1-9][0-9]{0,15}$/, 'Must be a numeric id')) });

export function toPago(payment: Payment) {
  const employeeId = Number(payment.employeeId);
  const clientId = Number(payment.payerId);
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
