import { renderStatement } from '../../shared/dialects/communities/lists.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { communityStatement } from '../../shared/ledger/communities/statements.js';
import { findRoute } from '../routes.js';
import { schemas } from './schemas/get-community-statement.js';

export const handler = endpoint(findRoute('GET /api/charges/comunidad/{comunidadId}'), {
  ...schemas,
  handle: async ({ path, query, principal }) => renderStatement(await communityStatement(principal, { communityId: path.comunidadId }, query)),
});
