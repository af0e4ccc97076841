/** Request schemas of ledger/set-opening-balance (named by the route table through its handler). */
import * as z from 'zod/mini';
import { MAX_AMOUNT_MINOR } from '../../../shared/domain/money.js';
import { currencySchema, dateSchema, idPath } from './fields.js';

export const schemas = {
  path: idPath(),
  body: z.strictObject({
    /** Signed: what the entity owes (negative: what it is owed). */
    amount: z.int({ error: 'Must be an integer amount in minor units' }).check(
      z.gte(-MAX_AMOUNT_MINOR, `Must be at least -${MAX_AMOUNT_MINOR} minor units`),
      z.lte(MAX_AMOUNT_MINOR, `Must be at most ${MAX_AMOUNT_MINOR} minor units`),
    ),
    currency: z.optional(currencySchema()),
    date: dateSchema(),
  }),
};
