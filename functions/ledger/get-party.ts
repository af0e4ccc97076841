import { partyView } from '../../shared/dialects/ledger/render.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { getParty } from '../../shared/ledger/parties/get-party.js';
import { getPartyRoute } from './routes.js';
import { schemas } from './schemas/get-party.js';

export const handler = endpoint(getPartyRoute, {
  ...schemas,
  handle: async ({ path, principal }) => ({ data: partyView(await getParty(principal.tenant, path.id)) }),
});
