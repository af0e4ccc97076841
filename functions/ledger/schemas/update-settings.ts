/** Request schemas of ledger/update-settings (named by the route table through its handler). */
import * as z from 'zod/mini';
import { tenantProfileFields } from './fields.js';

const { name, currency, timeZone, country, taxId } = tenantProfileFields();

export const schemas = {
  body: z.strictObject({
    name: z.optional(name),
    currency: z.optional(currency),
    timeZone: z.optional(timeZone),
    country: z.optional(country),
    taxId: z.optional(z.nullable(taxId)),
  }),
};
