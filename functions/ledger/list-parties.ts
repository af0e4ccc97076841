import { endpoint } from '../../shared/http/endpoint.js';
import { findRoute } from '../routes.js';
import * as z from 'zod/mini';
import { idString } from '../../shared/http/validation.js';
import { listParties, pageQuery, partyKindSchema } from '../../shared/services/ledger.js';

export const handler = endpoint(findRoute('GET /ledger/parties'), {
  query: z.strictObject({ kind: z.optional(partyKindSchema), parentId: z.optional(idString()), ...pageQuery }),
  handle: async ({ query, principal }) => ({ data: await listParties(principal.tenant, query) }),
});
