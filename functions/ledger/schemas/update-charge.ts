/** Request schemas of ledger/update-charge (named by the route table through its handler). */
import * as z from 'zod/mini';
import { idString } from '../../../shared/http/validation.js';
import { currencySchema, dateSchema, idPath, moneySchema, text } from './fields.js';

// One currency and one date schema, shared by the fields that take them.
const currency = currencySchema();
const date = dateSchema();

export const schemas = {
  path: idPath(),
  body: z.strictObject({
    amount: z.optional(moneySchema(1, currency)),
    currency: z.optional(currency),
    number: z.optional(z.nullable(text(50))),
    code: z.optional(z.nullable(text(20))),
    externalId: z.optional(z.nullable(text(100))),
    description: z.optional(z.nullable(text(500))),
    issueDate: z.optional(z.nullable(date)),
    dueDate: z.optional(z.nullable(date)),
    lateFee: z.optional(z.nullable(moneySchema(0, currency))),
    communityId: z.optional(z.nullable(idString())),
    contractId: z.optional(z.nullable(idString())),
  }),
};
