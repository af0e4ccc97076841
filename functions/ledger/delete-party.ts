import { partyView } from '../../shared/dialects/ledger/render.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { idempotencyKeyHeader } from '../../shared/http/idempotency-key.js';
import { actorOf } from '../../shared/ledger/context.js';
import { deactivateParty } from '../../shared/ledger/parties/update-party.js';
import { deletePartyRoute } from './routes.js';
import { schemas } from './schemas/delete-party.js';

export const handler = endpoint(deletePartyRoute, {
  ...schemas,
  handle: async ({ path, principal, headers }) => ({ data: partyView(await deactivateParty(actorOf(principal), path.id, idempotencyKeyHeader(headers))) }),
});
