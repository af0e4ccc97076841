import { renderList } from '../../shared/dialects/communities/lists.js';
import { toPaymentHistory } from '../../shared/dialects/communities/render-residents.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { listHistories } from '../../shared/ledger/communities/payment-histories.js';
import { listPaymentHistoriesRoute } from './routes.js';
import { schemas } from './schemas/list-payment-histories.js';

export const handler = endpoint(listPaymentHistoriesRoute, {
  ...schemas,
  handle: async ({ query: { includeInactive, ...page }, principal }) =>
    renderList(await listHistories(principal, { includeInactive: includeInactive === 'true' }, page), toPaymentHistory),
});
