/** Request schemas of ledger/list-audit (named by the route table through its handler). */
import * as z from 'zod/mini';
import { entityIdSchema, pageQuery } from './fields.js';

export const schemas = { query: z.strictObject({ entityId: entityIdSchema(), ...pageQuery() }) };
