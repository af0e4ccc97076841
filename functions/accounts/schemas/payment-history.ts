/** Request schemas of accounts/payment-history (named by the route table through its handler). */
import * as z from 'zod/mini';
import { dateField, dimensionQuery, pageFields } from './fields.js';

/** `?date=YYYY-MM-DD&(ventanaId|vendedorId)=`: one day's payments (the original also takes a banca here). */
export const paymentHistoryQuery = z.strictObject({
  date: z.optional(dateField()),
  ...dimensionQuery(),
  ...pageFields(),
});

export const schemas = { query: paymentHistoryQuery };
