import { endpoint } from '../../shared/http/endpoint.js';
import { findRoute } from '../routes.js';
import * as z from 'zod/mini';
import { idString } from '../../shared/http/validation.js';
import { chargeKindSchema, chargeStatusSchema, listCharges, pageQuery } from '../../shared/services/ledger.js';

export const handler = endpoint(findRoute('GET /ledger/charges'), {
  query: z.strictObject({
    partyId: z.optional(idString()),
    kind: z.optional(chargeKindSchema),
    status: z.optional(chargeStatusSchema),
    ...pageQuery,
  }),
  handle: async ({ query, principal }) => ({ data: await listCharges(principal.tenant, query) }),
});
