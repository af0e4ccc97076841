/** Request schemas of ledger/update-party (named by the route table through its handler). */
import * as z from 'zod/mini';
import { EXTERNAL_ID_MAX } from '../../../shared/domain/parties.js';
import { emailSchema, idPath, text } from './fields.js';

export const schemas = {
  path: idPath(),
  body: z.strictObject({
    name: z.optional(text(200)),
    taxId: z.optional(z.nullable(text(50))),
    email: z.optional(z.nullable(emailSchema())),
    externalId: z.optional(z.nullable(text(EXTERNAL_ID_MAX))),
    active: z.optional(z.boolean({ error: 'Must be true or false' })),
  }),
};
