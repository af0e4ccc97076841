/** The cargo body that create and update both take. */
import * as z from 'zod/mini';
import type { CargoCommand } from '../../../shared/ledger/communities/community-charges.js';
import { amount, isoDate, text } from './fields.js';

const monto = amount();

export const cargoBody = z.strictObject({
  montoCargo: monto,
  fechaDePago: isoDate(),
  montoRecargos: z.optional(z.nullable(monto)),
  notas: z.optional(z.nullable(text(500))),
}) satisfies z.ZodMiniType<CargoCommand>;
