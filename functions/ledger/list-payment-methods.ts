import { pageView, paymentMethodView } from '../../shared/dialects/ledger/render.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { listPaymentMethods } from '../../shared/ledger/catalogue/payment-methods.js';
import { listPaymentMethodsRoute } from './routes.js';
import { schemas } from './schemas/list-payment-methods.js';

export const handler = endpoint(listPaymentMethodsRoute, {
  ...schemas,
  handle: async ({ query, principal }) => ({ data: pageView(await listPaymentMethods(principal.tenant, query), paymentMethodView) }),
});
