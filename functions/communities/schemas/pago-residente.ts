/** The PagoResidente body that create and update both take; `urlComprobante` must be https. */
import * as z from 'zod/mini';
import { RESIDENT_PAYMENT_STATUSES } from '../../../shared/domain/community.js';
import type { ResidentPaymentCommand } from '../../../shared/ledger/communities/resident-payments.js';
import { amount, isoDate, partyId, text } from './fields.js';

function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname !== '';
  } catch {
    return false;
  }
}

export const pagoResidenteBody = z.strictObject({
  residenteId: z.optional(partyId()),
  fechaPago: isoDate(),
  monto: amount(),
  status: z.optional(z.enum(RESIDENT_PAYMENT_STATUSES)),
  concepto: z.optional(z.nullable(text(200))),
  urlComprobante: z.optional(z.nullable(text(2048).check(z.refine(isHttpsUrl, 'Must be an https URL')))),
  nota: z.optional(z.nullable(text(500))),
}) satisfies z.ZodMiniType<ResidentPaymentCommand>;
