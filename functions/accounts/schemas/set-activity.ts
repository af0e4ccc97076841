/** Request schemas of accounts/set-activity (named by the route table through its handler). */
import * as z from 'zod/mini';
import { dateField, dimensionFields, money, nullAsAbsent } from './fields.js';

export const MAX_TICKET_COUNT = 1_000_000_000;

/**
 * The documented `commission`, or the original's `listeroCommission` and `vendedorCommission`
 * (commission is their sum; a body naming all three must agree: the use case checks, 400 otherwise).
 */
export const activityBody = z.strictObject({
  date: dateField(),
  ...dimensionFields(),
  totalSales: money('non-negative'),
  totalPayouts: money('non-negative'),
  commission: nullAsAbsent(money('non-negative')),
  listeroCommission: nullAsAbsent(money('non-negative')),
  vendedorCommission: nullAsAbsent(money('non-negative')),
  ticketCount: nullAsAbsent(
    z.int('Must be a whole number').check(z.gte(0, 'Must not be negative'), z.lte(MAX_TICKET_COUNT, `Must be at most ${MAX_TICKET_COUNT}`)),
  ),
});

export const schemas = { body: activityBody };
