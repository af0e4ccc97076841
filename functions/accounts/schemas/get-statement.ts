/** Request schemas of accounts/get-statement (named by the route table through its handler). */
import * as z from 'zod/mini';
import { dateField, dimensionFields } from './fields.js';

export const statementQuery = z.strictObject({ date: z.optional(dateField), ...dimensionFields });

export const schemas = { query: statementQuery };
