/** An entity's payment history (seed 001), newest first, by page number; the view is audited. */
import type { Dimensions } from '../../domain/account-scope.js';
import { localDateTime } from '../../domain/dates.js';
import { accountPaymentsPage } from '../../store/account-history.js';
import { tenantSettings } from '../../store/tenants.js';
import type { UseCaseContext } from '../context.js';
import { Invalid, issue } from '../errors.js';
import type { Payment } from '../model.js';
import { assertNotFuture, dimensionOf, loadEntity, requireActor } from './access.js';
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

/**
 * The payments of one day's statement (issue 13 item 8: `payment-history?date=`), newest first,
 * reversed ones included: the history of that one day, so it costs what a history page costs.
 * The day defaults to today in the tenant's time zone.
 */
export async function listDayPayments(
  ctx: UseCaseContext,
  query: Dimensions & { date?: string | undefined; page: number; pageSize: number },
): Promise<AccountHistoryPage> {
  const now = ctx.now ?? new Date();
  const { timeZone } = await tenantSettings(ctx.principal.tenant);
  const date = query.date ?? localDateTime(now, timeZone).date;
  assertNotFuture(date, undefined, now, timeZone);
  const { date: _day, ...rest } = query;
  return listAccountPayments(ctx, { ...rest, from: date, to: date });
}
