/** Request schemas of receivables/get-payments. */
import * as z from 'zod/mini';
import { currencyField, dateField, listFields, queryChoice } from './fields.js';

const id = z.string().check(z.regex(/^[1-9][0-9]{0,15}$/, 'Must be a numeric id'));

const date = dateField();

export const schemas = {
  query: z.strictObject({
    since: z.optional(date),
    until: z.optional(date),
    dateBy: queryChoice(['1', '2', '3'], '1'),
    currency: z.optional(currencyField()),
    paymentMethodId: z.optional(id),
    documentId: z.optional(id),
    clientId: z.optional(id),
    clientTaxId: z.optional(z.string().check(z.minLength(1, 'Must not be empty'), z.maxLength(20, 'At most 20 characters'))),
    orderBy: queryChoice(['1', '2', '3'], '1'),
    ...listFields(),
    expandFile: queryChoice(['0', '1'], '0'),
    status: queryChoice(['0', '1', '2'], '1'),
  }),
};
