import { endpoint } from '../../shared/http/endpoint.js';
import { activityBody, setActivity } from '../../shared/services/accounts.js';

/** POST /api/v1/accounts/activity (ADMIN): sets a day's sales, payouts and commission; answers the statement. */
export const handler = endpoint('POST /api/v1/accounts/activity', {
  body: activityBody,
  handle: async ({ body, principal, log }) => ({ data: await setActivity({ principal, log }, body) }),
});
