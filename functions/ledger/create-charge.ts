import { idempotencyKeyHeader } from '../../shared/http/idempotency-key.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { findRoute } from '../routes.js';
import * as z from 'zod/mini';
import { idString } from '../../shared/http/validation.js';
import {
  actorOf,
  chargeKindSchema,
  createCharge,
  currencySchema,
  dateSchema,
  moneySchema,
  text,
} from '../../shared/services/ledger.js';

export const handler = endpoint(findRoute('POST /ledger/charges'), {
  body: z.strictObject({
    kind: chargeKindSchema,
    partyId: idString(),
    amount: moneySchema(1),
    currency: z.optional(currencySchema),
    number: z.optional(text(50)),
    code: z.optional(text(20)),
    description: z.optional(text(500)),
    issueDate: z.optional(dateSchema),
    dueDate: z.optional(dateSchema),
    lateFee: z.optional(moneySchema(0)),
    communityId: z.optional(idString()),
    contractId: z.optional(idString()),
  }),
  handle: ({ body, principal, headers }) => createCharge(actorOf(principal), body, { idempotencyKey: idempotencyKeyHeader(headers) }),
});
