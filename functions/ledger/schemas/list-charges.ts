/** Request schemas of ledger/list-charges (named by the route table through its handler). */
import * as z from 'zod/mini';
import { idString } from '../../../shared/http/validation.js';
import { chargeKindSchema, chargeStatusSchema, pageQuery } from './fields.js';

export const schemas = {
  query: z.strictObject({
    partyId: z.optional(idString()),
    kind: z.optional(chargeKindSchema()),
    status: z.optional(chargeStatusSchema()),
    ...pageQuery(),
  }),
};
