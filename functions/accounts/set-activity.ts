import { endpoint } from '../../shared/http/endpoint.js';
import { findRoute } from '../routes.js';
import { activityBody, setActivity } from '../../shared/services/accounts.js';

/** POST /api/v1/accounts/activity (ADMIN): sets a day's sales, payouts and commission; answers the statement. */
export const handler = endpoint(findRoute('POST /api/v1/accounts/activity'), {
  body: activityBody,
  handle: async ({ body, principal, log }) => ({ data: await setActivity({ principal, log }, body) }),
});
