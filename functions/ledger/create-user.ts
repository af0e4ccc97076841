import { renderCreated } from '../../shared/dialects/created.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { idempotencyKeyHeader } from '../../shared/http/idempotency-key.js';
import { createUser } from '../../shared/ledger/catalogue/users.js';
import { actorOf } from '../../shared/ledger/context.js';
import { createPoolUser } from '../../shared/users/cognito.js';
import { createUserRoute } from './routes.js';
import { schemas } from './schemas/create-user.js';

/** 201 with the user (as the directory created it). */
export const handler = endpoint(createUserRoute, {
  ...schemas,
  handle: async ({ body, principal, headers }) =>
    renderCreated(await createUser(actorOf(principal), body, { idempotencyKey: idempotencyKeyHeader(headers), pool: createPoolUser }), (user) => user),
});
