import { endpoint } from '../../shared/http/endpoint.js';
import { findRoute } from '../routes.js';
import * as z from 'zod/mini';
import { listPaymentMethods, pageQuery } from '../../shared/services/ledger.js';

export const handler = endpoint(findRoute('GET /ledger/payment-methods'), {
  query: z.strictObject({ ...pageQuery }),
  handle: async ({ query, principal }) => ({ data: await listPaymentMethods(principal.tenant, query) }),
});
