/** Request schemas of communities/list-payment-histories. */
import * as z from 'zod/mini';
import { pageQuery } from './fields.js';

export const schemas = {
  query: z.extend(pageQuery(), { includeInactive: z._default(z.enum(['true', 'false']), 'false') }),
};
