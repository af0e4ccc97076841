/** Request schemas of ledger/list-payment-methods (named by the route table through its handler). */
import * as z from 'zod/mini';
import { pageQuery } from './fields.js';

export const schemas = { query: z.strictObject({ ...pageQuery() }) };
