/** Request schemas of receivables/get-payment-methods. */
import * as z from 'zod/mini';
import { listFields, queryChoice } from './fields.js';

export const schemas = { query: z.strictObject({ orderBy: queryChoice(['1', '2'], '1'), ...listFields() }) };
