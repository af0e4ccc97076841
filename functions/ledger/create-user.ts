import { idempotencyKeyHeader } from '../../shared/http/idempotency-key.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { findRoute } from '../routes.js';
import * as z from 'zod/mini';
import { idString } from '../../shared/http/validation.js';
import { actorOf, createUser, emailSchema, roleSchema } from '../../shared/services/ledger.js';
// Static on purpose: the bundler keeps only the commands used (see shared/users/directory.ts).
import { createPoolUser } from '../../shared/users/cognito.js';

export const handler = endpoint(findRoute('POST /ledger/users'), {
  body: z.strictObject({ email: emailSchema, role: roleSchema, partyId: z.optional(idString()) }),
  handle: ({ body, principal, headers }) =>
    createUser(actorOf(principal), body, { idempotencyKey: idempotencyKeyHeader(headers), pool: createPoolUser }),
});
