import { idempotencyKeyHeader } from '../../shared/http/idempotency-key.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { findRoute } from '../routes.js';
import * as z from 'zod/mini';
import { idString } from '../../shared/http/validation.js';
import { actorOf, createParty, emailSchema, partyKindSchema, text } from '../../shared/services/ledger.js';

export const handler = endpoint(findRoute('POST /ledger/parties'), {
  body: z.strictObject({
    kind: partyKindSchema,
    name: text(200),
    taxId: z.optional(text(50)),
    email: z.optional(emailSchema),
    parentId: z.optional(idString()),
    externalId: z.optional(text(100)),
  }),
  handle: ({ body, principal, headers }) => createParty(actorOf(principal), body, { idempotencyKey: idempotencyKeyHeader(headers) }),
});
