import { endpoint } from '../../shared/http/endpoint.js';
import { findRoute } from '../routes.js';
import * as z from 'zod/mini';
import { idString } from '../../shared/http/validation.js';
import { actorOf, currencySchema, dateSchema, idPath, moneySchema, text, updateCharge } from '../../shared/services/ledger.js';

export const handler = endpoint(findRoute('PATCH /ledger/charges/{id}'), {
  path: idPath,
  body: z.strictObject({
    amount: z.optional(moneySchema(1)),
    currency: z.optional(currencySchema),
    number: z.optional(z.nullable(text(50))),
    code: z.optional(z.nullable(text(20))),
    description: z.optional(z.nullable(text(500))),
    issueDate: z.optional(z.nullable(dateSchema)),
    dueDate: z.optional(z.nullable(dateSchema)),
    lateFee: z.optional(z.nullable(moneySchema(0))),
    communityId: z.optional(z.nullable(idString())),
    contractId: z.optional(z.nullable(idString())),
  }),
  handle: async ({ path, body, principal }) => ({ data: await updateCharge(actorOf(principal), path.id, body) }),
});
