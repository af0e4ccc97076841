import { chargeView, pageView } from '../../shared/dialects/ledger/render.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { listCharges } from '../../shared/ledger/charges/list-charges.js';
import { tenantToday } from '../../shared/ledger/context.js';
import { listChargesRoute } from './routes.js';
import { schemas } from './schemas/list-charges.js';

export const handler = endpoint(listChargesRoute, {
  ...schemas,
  handle: async ({ query, principal }) => {
    const today = await tenantToday(principal.tenant);
    return { data: pageView(await listCharges(principal.tenant, today, query), (c) => chargeView(c, today)) };
  },
});
