import { renderStatement } from '../../shared/dialects/communities/lists.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { communityStatement } from '../../shared/ledger/communities/statements.js';
import { getContractStatementRoute } from './routes.js';
import { schemas } from './schemas/get-contract-statement.js';

export const handler = endpoint(getContractStatementRoute, {
  ...schemas,
  handle: async ({ path, query, principal }) => renderStatement(await communityStatement(principal, { contractId: path.contratoId }, query)),
});
