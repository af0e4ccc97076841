import { endpoint } from '../../shared/http/endpoint.js';
import { renderPayment } from '../../shared/dialects/gateway/render-payment.js';
import { transitionGatewayPayment } from '../../shared/services/gateway/transition-payment.js';
import { tenantSettings } from '../../shared/store/tenants.js';
import { idPath, transitionBody } from './schemas.js';

export const handler = endpoint('PATCH /pagos/{id}', {
  path: idPath,
  body: transitionBody,
  handle: async ({ path, body, principal }) => {
    const payment = await transitionGatewayPayment(principal, path.id, body.status, body.status_detail);
    return { data: renderPayment(payment, (await tenantSettings(principal.tenant)).timeZone) };
  },
});
