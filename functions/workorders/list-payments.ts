import { toPago } from '../../shared/dialects/workorders/render.js';
import { springPage } from '../../shared/dialects/workorders/spring-page.js';
import { endpoint } from '../../shared/http/endpoint.js';
import { listWorkOrderPaymentsPage } from '../../shared/ledger/work-orders/queries.js';
import { listPaymentsRoute } from './routes.js';
import { schemas } from './schemas/list-payments.js';

/** A Spring Data page object over the active payments, oldest first unless `sort` names an order. */
export const handler = endpoint(listPaymentsRoute, {
  ...schemas,
  handle: async ({ query: { page, size, sort }, principal }) => {
    const result = await listWorkOrderPaymentsPage(principal, page, size, sort);
    return {
      message: 'Pagos obtenidos',
      data: springPage(result.content.map(toPago), { number: page, size, totalElements: result.totalElements, sorted: sort !== undefined }),
    };
  },
});
