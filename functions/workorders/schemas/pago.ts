/**
 * The workorders request schemas (seed 000): the `Pago` body that create and update both take, and
 * the id path. Ids arrive as JSON numbers or digit strings and are normalized to strings.
 */
import * as z from 'zod/mini';
import { isValidDate } from '../../../shared/domain/dates.js';
import { majorAmount } from '../../../shared/http/validation.js';
import { WORK_ORDER_METHODS, type WorkOrderPaymentCommand } from '../../../shared/ledger/work-orders/work-order-payment.js';

const ID = /^[1-9][0-9]{0,15}$/;

/** An id as JSON number or digit string, normalized to a string. */
const id = () => z.pipe(
  z.union([z.number().check(z.int(), z.positive()), z.string().check(z.regex(ID))]),
  z.transform((value: number | string) => String(value)),
).check(z.refine((value) => Number.isSafeInteger(Number(value)), 'Must be a valid id'));

// Factories, not module-scope schemas: each route builds only the schemas it validates with (the id schema once).
const pagoFields = (ref = id()) => ({
  empleadoId: ref,
  clienteId: ref,
  pendienteId: ref,
  monto: majorAmount(z.union([z.number(), z.string().check(z.regex(/^\d+(\.\d+)?$/, 'Must be a decimal amount'))])),
  fechaPago: z.string().check(z.refine(isValidDate, 'Must be a date YYYY-MM-DD')),
  metodoPago: z.enum(WORK_ORDER_METHODS),
  referencia: z.optional(z.nullable(z.string().check(z.maxLength(255)))),
});

export const pagoBody = () => z.strictObject(pagoFields()) satisfies z.ZodMiniType<WorkOrderPaymentCommand>;

/** A field of the payment the server keeps (names, nested objects, status, timestamps): accepted as read, ignored. */
const readOnly = () => z.optional(z.unknown());

/**
 * An update's body: the writable fields, plus the payment as the client read it (issue 13: a
 * Spring client PUTs back the object it GOT). `id` must be the path's (checked by the handler);
 * the read-only fields are ignored; any other field is still unknown (400).
 */
export const pagoUpdateBody = (ref = id(), ignored = readOnly()) =>
  z.strictObject({
    ...pagoFields(ref),
    id: z.optional(ref),
    empleadoNombre: ignored,
    clienteNombre: ignored,
    empleado: ignored,
    cliente: ignored,
    vigente: ignored,
    fechaCreacion: ignored,
    fechaModificacion: ignored,
  });

export const idPath = () => z.strictObject({ id: z.string().check(z.regex(ID, 'Must be a numeric id')) });
