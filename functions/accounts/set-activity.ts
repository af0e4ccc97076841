import { renderAccountStatement } from '../../shared/dialects/accounts/render.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { idempotencyKeyHeader } from '../../shared/http/idempotency-key.js';
import { setActivity } from '../../shared/ledger/accounts/set-activity.js';
import { setActivityRoute } from './routes.js';
import { schemas } from './schemas/set-activity.js';

/** ADMIN: sets a day's sales, payouts and commission; answers the statement. */
export const handler = endpoint(setActivityRoute, {
  ...schemas,
  handle: async ({ body, principal, log, headers }) => ({ data: renderAccountStatement(await setActivity({ principal, log }, { ...body, idempotencyKey: idempotencyKeyHeader(headers) })) }),
});
