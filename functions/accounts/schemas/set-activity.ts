/** Request schemas of accounts/set-activity (named by the route table through its handler). */
import * as z from 'zod/mini';
import { dateField, dimensionFields, money } from './fields.js';

export const activityBody = z.strictObject({
  date: dateField,
  ...dimensionFields,
  totalSales: money('non-negative'),
  totalPayouts: money('non-negative'),
  commission: money('non-negative'),
});

export const schemas = { body: activityBody };
