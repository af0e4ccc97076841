/** Request schemas of workorders/list-work-order-payments (named by the route table through its handler). */
import * as z from 'zod/mini';

export const schemas = {
  path: z.strictObject({ pendienteId: z.string().check(z.regex(/^[1-9][0-9]{0,15}$/, 'Must be a numeric id')) }),
};
