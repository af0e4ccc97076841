/** Request schemas of accounts/payment-history (named by the route table through its handler). */
import * as z from 'zod/mini';
import { queryInt } from '../../../shared/http/validation.js';
import { dateField, dimensionQuery } from './fields.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './list-payments.js';

/** `?date=YYYY-MM-DD&(ventanaId|vendedorId)=`: one day's payments (the original also takes a banca here). */
export const paymentHistoryQuery = z.strictObject({
  date: z.optional(dateField),
  ...dimensionQuery,
  page: queryInt({ min: 1, max: 1_000_000, default: 1 }),
  pageSize: queryInt({ min: 1, max: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE }),
});

export const schemas = { query: paymentHistoryQuery };
