/** Request schemas of workorders/list-payments (named by the route table through its handler). */
import * as z from 'zod/mini';
import { queryInt } from '../../../shared/http/validation.js';

export const schemas = {
  query: z.strictObject({
    page: queryInt({ min: 0, max: 1_000_000, default: 0 }),
    size: queryInt({ min: 1, max: 100, default: 10 }),
  }),
};
