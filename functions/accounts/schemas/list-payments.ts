/** Request schemas of accounts/list-payments (named by the route table through its handler). */
import * as z from 'zod/mini';
import { queryInt } from '../../../shared/http/validation.js';
import { dateField, dimensionQuery } from './fields.js';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export const paymentsQuery = z.strictObject({
  ...dimensionQuery,
  from: z.optional(dateField),
  to: z.optional(dateField),
  page: queryInt({ min: 1, max: 1_000_000, default: 1 }),
  pageSize: queryInt({ min: 1, max: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE }),
});

export const schemas = { query: paymentsQuery };
