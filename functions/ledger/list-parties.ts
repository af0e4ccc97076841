import { pageView, partyView } from '../../shared/dialects/ledger/render.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { listParties } from '../../shared/ledger/parties/list-parties.js';
import { listPartiesRoute } from './routes.js';
import { schemas } from './schemas/list-parties.js';

export const handler = endpoint(listPartiesRoute, {
  ...schemas,
  handle: async ({ query, principal }) => ({ data: pageView(await listParties(principal.tenant, query), partyView) }),
});
