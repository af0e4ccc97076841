/** The PaymentHistory bodies: create names the contract, update every other field. */
import * as z from 'zod/mini';
import { HISTORY_METHODS, HISTORY_STATES } from '../../../shared/domain/community.js';
import type { HistoryCommand } from '../../../shared/ledger/communities/payment-histories.js';
import { amount, isoDate, partyId, text } from './fields.js';

const fields = () => ({
  monto: amount(),
  fechaPago: isoDate(),
  metodoPago: z.enum(HISTORY_METHODS),
  referenciaPago: z.optional(z.nullable(text(100))),
  estadoPago: z.enum(HISTORY_STATES),
  notas: z.optional(z.nullable(text(500))),
});

export const historyUpdateBody = () => z.strictObject(fields()) satisfies z.ZodMiniType<HistoryCommand>;
export const historyCreateBody = () => z.strictObject({ contratoId: partyId(), ...fields() });
