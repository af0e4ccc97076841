/** Request schemas of accounts/get-statement (named by the route table through its handler). */
import * as z from 'zod/mini';
import { dateField, dimensionQuery } from './fields.js';

export const statementQuery = z.strictObject({ date: z.optional(dateField), ...dimensionQuery });

export const schemas = { query: statementQuery };
