import { renderCreated } from '../../shared/dialects/created.js';
import { partyView } from '../../shared/dialects/ledger/render.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { idempotencyKeyHeader } from '../../shared/http/idempotency-key.js';
import { actorOf } from '../../shared/ledger/context.js';
import { createParty } from '../../shared/ledger/parties/create-party.js';
import { createPartyRoute } from './routes.js';
import { schemas } from './schemas/create-party.js';

export const handler = endpoint(createPartyRoute, {
  ...schemas,
  handle: async ({ body, principal, headers }) => renderCreated(await createParty(actorOf(principal), body, idempotencyKeyHeader(headers)), partyView),
});
