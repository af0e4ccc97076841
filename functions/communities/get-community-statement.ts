import { renderStatement } from '../../shared/dialects/communities/lists.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { communityStatement } from '../../shared/ledger/communities/statements.js';
import { getCommunityStatementRoute } from './routes.js';
import { schemas } from './schemas/get-community-statement.js';

export const handler = endpoint(getCommunityStatementRoute, {
  ...schemas,
  handle: async ({ path, query, principal }) => renderStatement(await communityStatement(principal, { communityId: path.comunidadId }, query)),
});
