import { chargeView } from '../../shared/dialects/ledger/render.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { getCharge } from '../../shared/ledger/charges/get-charge.js';
import { tenantToday } from '../../shared/ledger/context.js';
import { getChargeRoute } from './routes.js';
import { schemas } from './schemas/get-charge.js';

export const handler = endpoint(getChargeRoute, {
  ...schemas,
  handle: async ({ path, principal }) => {
    const [charge, today] = await Promise.all([getCharge(principal.tenant, path.id), tenantToday(principal.tenant)]);
    return { data: chargeView(charge, today) };
  },
});
