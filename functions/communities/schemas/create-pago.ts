/** Request schemas of communities/create-pago: an explicit split (aplicaciones) or none (oldest first). */
import * as z from 'zod/mini';
import type { CommunityPaymentCommand } from '../../../shared/ledger/communities/community-payments.js';
import { amount, id, isoDate, partyPathOf, text } from './fields.js';

const monto = amount();

export const schemas = {
  path: partyPathOf('contratoId'),
  body: z.strictObject({
    montoPago: monto,
    formaDePago: text(50).check(z.minLength(1)),
    fechaDePago: isoDate(),
    aplicaciones: z.optional(z.array(z.strictObject({ cargoComunidadId: id(), montoAplicado: monto })).check(z.minLength(1), z.maxLength(100))),
  }) satisfies z.ZodMiniType<CommunityPaymentCommand>,
};
