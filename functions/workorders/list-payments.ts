import { toPago } from '../../shared/dialects/workorders/render.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { listWorkOrderPaymentsPage } from '../../shared/ledger/work-orders/queries.js';
import { findRoute } from '../routes.js';
import { schemas } from './schemas/list-payments.js';

/** A Spring Data page object over the active payments. */
export const handler = endpoint(findRoute('GET /api/pagos'), {
  ...schemas,
  handle: async ({ query: { page, size }, principal }) => {
    const result = await listWorkOrderPaymentsPage(principal, page, size);
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
