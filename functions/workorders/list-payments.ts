import { endpoint } from '../../shared/http/endpoint.js';
import { findRoute } from '../routes.js';
import * as z from 'zod/mini';
import { queryInt } from '../../shared/http/validation.js';
import { listPayments } from '../../shared/services/workorders.js';
import { toPago } from './pago.js';

const query = z.strictObject({
  page: queryInt({ min: 0, max: 1_000_000, default: 0 }),
  size: queryInt({ min: 1, max: 100, default: 10 }),
});

/** A Spring Data page object over the active payments. */
export const handler = endpoint(findRoute('GET /api/pagos'), {
  query,
  handle: async ({ query: { page, size }, principal }) => {
    const result = await listPayments(principal, page, size);
    const totalPages = Math.ceil(result.totalElements / size);
    return {
      message: 'Pagos obtenidos',
      data: {
        content: result.content.map(toPago),
        totalElements: result.totalElements,
        totalPages,
        number: page,
        size,
        numberOfElements: result.content.length,
        first: page === 0,
        last: page >= totalPages - 1,
        empty: result.content.length === 0,
      },
    };
  },
});
