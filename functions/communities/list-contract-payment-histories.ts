import { renderList } from '../../shared/dialects/communities/lists.js';
import { toPaymentHistory } from '../../shared/dialects/communities/render-residents.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { listHistories } from '../../shared/ledger/communities/payment-histories.js';
import { listContractPaymentHistoriesRoute } from './routes.js';
import { schemas } from './schemas/list-contract-payment-histories.js';

export const handler = endpoint(listContractPaymentHistoriesRoute, {
  ...schemas,
  handle: async ({ path, query, principal }) => renderList(await listHistories(principal, { contractId: path.contratoId }, query), toPaymentHistory),
});
