/** Request schemas of ledger/create-party (named by the route table through its handler). */
import * as z from 'zod/mini';
import { EXTERNAL_ID_MAX } from '../../../shared/domain/parties.js';
import { partyRef } from '../../../shared/http/validation.js';
import { emailSchema, partyKindSchema, text } from './fields.js';

export const schemas = {
  body: z.strictObject({
    kind: partyKindSchema(),
    name: text(200),
    taxId: z.optional(text(50)),
    email: z.optional(emailSchema()),
    parentId: z.optional(partyRef()),
    externalId: z.optional(text(EXTERNAL_ID_MAX)),
  }),
};
