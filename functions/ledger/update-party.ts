import { partyView } from '../../shared/dialects/ledger/render.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { idempotencyKeyHeader } from '../../shared/http/idempotency-key.js';
import { actorOf } from '../../shared/ledger/context.js';
import { updateParty } from '../../shared/ledger/parties/update-party.js';
import { updatePartyRoute } from './routes.js';
import { schemas } from './schemas/update-party.js';

export const handler = endpoint(updatePartyRoute, {
  ...schemas,
  handle: async ({ path, body, principal, headers }) => ({ data: partyView(await updateParty(actorOf(principal), path.id, body, idempotencyKeyHeader(headers))) }),
});
