import { endpoint } from '../../shared/http/endpoint.js';
import { listAuditEntries } from '../../shared/ledger/catalogue/audit-and-payments.js';
import { listAuditRoute } from './routes.js';
import { schemas } from './schemas/list-audit.js';

export const handler = endpoint(listAuditRoute, {
  ...schemas,
  handle: async ({ query, principal }) => ({ data: await listAuditEntries(principal.tenant, query) }),
});
