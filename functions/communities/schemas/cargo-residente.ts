/** The CargoResidente body that create and update both take. */
import * as z from 'zod/mini';
import { RESIDENT_CHARGE_STATUSES } from '../../../shared/domain/community.js';
import type { ResidentChargeCommand } from '../../../shared/ledger/communities/resident-charges.js';
import { amount, isoDate, partyId, text } from './fields.js';

export const cargoResidenteBody = z.strictObject({
  residentId: partyId(),
  fecha: isoDate(),
  descripcion: text(500).check(z.minLength(1)),
  monto: amount(),
  estatus: z.optional(z.enum(RESIDENT_CHARGE_STATUSES)),
}) satisfies z.ZodMiniType<ResidentChargeCommand>;
