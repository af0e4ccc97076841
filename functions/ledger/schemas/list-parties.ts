/** Request schemas of ledger/list-parties (named by the route table through its handler). */
import * as z from 'zod/mini';
import { idString } from '../../../shared/http/validation.js';
import { pageQuery, partyKindSchema } from './fields.js';

export const schemas = {
  query: z.strictObject({ kind: z.optional(partyKindSchema), parentId: z.optional(idString()), ...pageQuery }),
};
