/** Request schemas of ledger/list-parties (named by the route table through its handler). */
import * as z from 'zod/mini';
import { EXTERNAL_ID_MAX } from '../../../shared/domain/parties.js';
import { partyRef } from '../../../shared/http/validation.js';
import { pageQuery, partyKindSchema, text } from './fields.js';

export const schemas = {
  query: z.strictObject({
    kind: z.optional(partyKindSchema()),
    /** Caja's id of the parent, or (with `kind`) the parent kind's externalId. */
    parentId: z.optional(partyRef()),
    /** The party of `kind` with this externalId (0 or 1 items): requires `kind`, not with parentId. */
    externalId: z.optional(text(EXTERNAL_ID_MAX)),
    ...pageQuery(),
  }),
};
