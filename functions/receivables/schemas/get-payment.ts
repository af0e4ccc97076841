/** Request schemas of receivables/get-payment. */
import * as z from 'zod/mini';
import { queryChoice } from './fields.js';

export const schemas = {
  query: z.strictObject({
    id: z.string().check(z.regex(/^[1-9][0-9]{0,15}$/, 'Must be a numeric id')),
    expandFile: z.optional(queryChoice(['0', '1'], '0')),
  }),
};
