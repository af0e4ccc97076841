import { endpoint } from '../../shared/http/endpoint.js';
import { renderPayment } from '../../shared/dialects/gateway/render-payment.js';
import { requireGatewayPayment } from '../../shared/services/gateway/get-payment.js';
import { tenantSettings } from '../../shared/store/tenants.js';
import { idPath } from './schemas.js';

export const handler = endpoint('GET /pagos/{id}', {
  path: idPath,
  handle: async ({ path, principal }) => {
    const payment = await requireGatewayPayment(principal.tenant, path.id);
    return { data: renderPayment(payment, (await tenantSettings(principal.tenant)).timeZone) };
  },
});
