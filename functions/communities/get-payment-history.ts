import { toPaymentHistory } from '../../shared/dialects/communities/render-residents.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { getHistory } from '../../shared/ledger/communities/payment-histories.js';
import { getPaymentHistoryRoute } from './routes.js';
import { schemas } from './schemas/get-payment-history.js';

export const handler = endpoint(getPaymentHistoryRoute, {
  ...schemas,
  handle: async ({ path, principal }) => ({ data: toPaymentHistory(await getHistory(principal, path.id)) }),
});
