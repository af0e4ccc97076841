import { endpoint } from '../../shared/http/endpoint.js';
import { findRoute } from '../routes.js';
import * as z from 'zod/mini';
import { actorOf, emailSchema, idPath, text, updateParty } from '../../shared/services/ledger.js';

export const handler = endpoint(findRoute('PATCH /ledger/parties/{id}'), {
  path: idPath,
  body: z.strictObject({
    name: z.optional(text(200)),
    taxId: z.optional(z.nullable(text(50))),
    email: z.optional(z.nullable(emailSchema)),
    externalId: z.optional(z.nullable(text(100))),
    active: z.optional(z.boolean({ error: 'Must be true or false' })),
  }),
  handle: async ({ path, body, principal }) => ({ data: await updateParty(actorOf(principal), path.id, body) }),
});
