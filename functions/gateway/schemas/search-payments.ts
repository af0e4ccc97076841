/** Request schemas of gateway/search-payments: any string parameters; the search grammar checks them (its own messages and codes). */
import * as z from 'zod/mini';

export const schemas = { query: z.record(z.string(), z.string()) };
