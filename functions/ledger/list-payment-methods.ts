import { pageView, paymentMethodView } from '../../shared/dialects/ledger/render.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { listPaymentMethods } from '../../shared/ledger/catalogue/payment-methods.js';
import { findRoute } from '../routes.js';
import { schemas } from './schemas/list-payment-methods.js';

export const handler = endpoint(findRoute('GET /ledger/payment-methods'), {
  ...schemas,
  handle: async ({ query, principal }) => ({ data: pageView(await listPaymentMethods(principal.tenant, query), paymentMethodView) }),
});
