/**
 * The gateway search (`GET /pagos`) on the query planner: the grammar's predicates are planned
 * against the GATEWAY_PAYMENTS catalogue (no applicable access pattern: 4501), executed with
 * Query/BatchGet only, ordered by the requested sorts (default newest request first).
 */
import type { Principal } from '../../auth/principal.js';
import type { GatewayPayment } from '../../domain/gateway/payment.js';
import { minimumFields, tooBroad } from '../../domain/gateway/errors.js';
import type { SearchQuery } from '../../domain/gateway/search-grammar.js';
import { GATEWAY_PAYMENTS } from '../../store/access-patterns.js';
import { search, SearchTooBroad } from '../../store/query/execute.js';
import { plan } from '../../store/query/planner.js';
import type { Sort } from '../../store/query/types.js';
import { tenantSettings } from '../../store/tenants.js';

const DEFAULT_SORTS: readonly Sort[] = [{ field: 'request_date', direction: 'descending' }];

export async function searchGatewayPayments(
  principal: Principal,
  query: SearchQuery,
): Promise<{ payments: GatewayPayment[]; total: number; timeZone: string }> {
  const { tenant } = principal;
  const planned = plan(GATEWAY_PAYMENTS, query.predicates);
  if (!planned.ok) throw planned.reason === 'too_broad' ? tooBroad() : minimumFields();
  try {
    const { items, total } = await search<GatewayPayment>(
      tenant,
      planned.plan,
      query.sorts.length ? query.sorts : DEFAULT_SORTS,
      (query.page - 1) * query.limit,
      query.limit,
    );
    return { payments: items, total, timeZone: (await tenantSettings(tenant)).timeZone };
  } catch (error) {
    if (error instanceof SearchTooBroad) throw tooBroad();
    throw error;
  }
}
