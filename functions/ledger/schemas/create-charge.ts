/** Request schemas of ledger/create-charge (named by the route table through its handler). */
import * as z from 'zod/mini';
import { idString } from '../../../shared/http/validation.js';
import { chargeKindSchema, currencySchema, dateSchema, moneySchema, text } from './fields.js';

// One currency and one date schema, shared by the fields that take them.
const currency = currencySchema();
const date = dateSchema();

export const schemas = {
  body: z.strictObject({
    kind: chargeKindSchema(),
    partyId: idString(),
    amount: moneySchema(1, currency),
    currency: z.optional(currency),
    number: z.optional(text(50)),
    code: z.optional(text(20)),
    externalId: z.optional(text(100)),
    description: z.optional(text(500)),
    issueDate: z.optional(date),
    dueDate: z.optional(date),
    lateFee: z.optional(moneySchema(0, currency)),
    communityId: z.optional(idString()),
    contractId: z.optional(idString()),
  }),
};
