/** An entity's payment history (seed 001), newest first, by page number; the view is audited. */
import type { Dimensions } from '../../domain/account-scope.js';
import { accountPaymentsPage } from '../../store/account-history.js';
import type { UseCaseContext } from '../context.js';
import { Invalid, issue } from '../errors.js';
import type { Payment } from '../model.js';
import { dimensionOf, loadEntity, requireActor } from './access.js';
import { ACCOUNT_ACTIONS, recordView } from './statement.js';

export interface AccountHistoryQuery extends Dimensions {
  from?: string | undefined;
  to?: string | undefined;
  page: number;
  pageSize: number;
}

export interface AccountHistoryPage {
  items: Payment[];
  page: number;
  pageSize: number;
  total: number;
  totalPages: number;
}

export async function listAccountPayments(ctx: UseCaseContext, query: AccountHistoryQuery): Promise<AccountHistoryPage> {
  const { principal } = ctx;
  const { tenant } = principal;
  const now = ctx.now ?? new Date();
  const actor = requireActor(principal, 'read');
  const dim = dimensionOf(query, actor);
  if (query.from !== undefined && query.to !== undefined && query.from > query.to) {
    throw new Invalid('Invalid query: from: Must not be after to', issue('from', 'Must not be after to'));
  }
  const entity = await loadEntity(tenant, actor, dim, 'read', false);
  const { page, pageSize } = query;
  const range = { from: query.from, to: query.to };
  const [{ total, items }] = await Promise.all([
    accountPaymentsPage(tenant, entity.id, range, page, pageSize),
    recordView(principal, ACCOUNT_ACTIONS.historyView, 'PAYMENT_HISTORY', entity, { from: query.from ?? null, to: query.to ?? null, page, pageSize }, now.toISOString()),
  ]);
  return { items, page, pageSize, total, totalPages: Math.ceil(total / pageSize) };
}
