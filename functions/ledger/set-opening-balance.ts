import { partyView } from '../../shared/dialects/ledger/render.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { idempotencyKeyHeader } from '../../shared/http/idempotency-key.js';
import { setOpeningBalance } from '../../shared/ledger/accounts/opening-balance.js';
import { actorOf } from '../../shared/ledger/context.js';
import { setOpeningBalanceRoute } from './routes.js';
import { schemas } from './schemas/set-opening-balance.js';

/** 200 with the party and its opening balance (also when it was already that: nothing written then). */
export const handler = endpoint(setOpeningBalanceRoute, {
  ...schemas,
  handle: async ({ path, body, principal, headers }) => {
    const { party } = await setOpeningBalance(actorOf(principal), path.id, body, { idempotencyKey: idempotencyKeyHeader(headers) });
    return { data: partyView(party) };
  },
});
