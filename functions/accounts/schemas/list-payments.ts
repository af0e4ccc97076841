/** Request schemas of accounts/list-payments (named by the route table through its handler). */
import * as z from 'zod/mini';
import { dateField, dimensionQuery, pageFields } from './fields.js';

export const paymentsQuery = z.strictObject({
  ...dimensionQuery(),
  from: z.optional(dateField()),
  to: z.optional(dateField()),
  ...pageFields(),
});

export const schemas = { query: paymentsQuery };
