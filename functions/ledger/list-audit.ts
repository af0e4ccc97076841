import { endpoint } from '../../shared/http/endpoint.js';
import { findRoute } from '../routes.js';
import * as z from 'zod/mini';
import { entityIdSchema, listAuditEntries, pageQuery } from '../../shared/services/ledger.js';

export const handler = endpoint(findRoute('GET /ledger/audit'), {
  query: z.strictObject({ entityId: entityIdSchema, ...pageQuery }),
  handle: async ({ query, principal }) => ({ data: await listAuditEntries(principal.tenant, query) }),
});
