import { renderCreated } from '../../shared/dialects/created.js';
import { chargeView } from '../../shared/dialects/ledger/render.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { idempotencyKeyHeader } from '../../shared/http/idempotency-key.js';
import { createCharge } from '../../shared/ledger/charges/create-charge.js';
import { actorOf } from '../../shared/ledger/context.js';
import { createChargeRoute } from './routes.js';
import { schemas } from './schemas/create-charge.js';

/** 201 with the charge; a replay renders the first charge as it was then (status derived for that day). */
export const handler = endpoint(createChargeRoute, {
  ...schemas,
  handle: async ({ body, principal, headers }) =>
    renderCreated(await createCharge(actorOf(principal), body, idempotencyKeyHeader(headers)), (s) => chargeView(s.charge, s.asOf)),
});
