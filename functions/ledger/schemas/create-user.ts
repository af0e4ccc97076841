/** Request schemas of ledger/create-user (named by the route table through its handler). */
import * as z from 'zod/mini';
import { partyRef } from '../../../shared/http/validation.js';
import { emailSchema, roleSchema } from './fields.js';

export const schemas = {
  body: z.strictObject({ email: emailSchema(), role: roleSchema(), partyId: z.optional(partyRef()) }),
};
