/** Request schemas of ledger/create-payment-method (named by the route table through its handler). */
import * as z from 'zod/mini';
import { dialectSchema, paymentMethodCodeSchema, text } from './fields.js';

export const schemas = {
  body: z.strictObject({ code: paymentMethodCodeSchema(), name: text(255), dialect: z.optional(dialectSchema()) }),
};
