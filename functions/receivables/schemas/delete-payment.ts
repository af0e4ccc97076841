/** Request schemas of receivables/delete-payment (a JSON body on DELETE, as seed 004 documents). */
import * as z from 'zod/mini';
import { idField } from './fields.js';

export const schemas = { body: z.strictObject({ id: idField() }) };
