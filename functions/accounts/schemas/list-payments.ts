/** Request schemas of accounts/list-payments (named by the route table through its handler). */
import * as z from 'zod/mini';
import { dateField, dimensionQuery, pageFields } from './fields.js';

const date = dateField();

export const paymentsQuery = z.strictObject({
  ...dimensionQuery(),
  from: z.optional(date),
  to: z.optional(date),
  ...pageFields(),
});

export const schemas = { query: paymentsQuery };
