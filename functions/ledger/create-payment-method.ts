import { renderCreated } from '../../shared/dialects/created.js';
import { paymentMethodView } from '../../shared/dialects/ledger/render.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { idempotencyKeyHeader } from '../../shared/http/idempotency-key.js';
import { createPaymentMethod } from '../../shared/ledger/catalogue/payment-methods.js';
import { actorOf } from '../../shared/ledger/context.js';
import { createPaymentMethodRoute } from './routes.js';
import { schemas } from './schemas/create-payment-method.js';

export const handler = endpoint(createPaymentMethodRoute, {
  ...schemas,
  handle: async ({ body, principal, headers }) =>
    renderCreated(await createPaymentMethod(actorOf(principal), body, idempotencyKeyHeader(headers)), paymentMethodView),
});
