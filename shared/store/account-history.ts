/**
 * Accounts payment history (seed 001): an entity's payments newest first (date, time, then id),
 * reversed ones included, by page number. Page N costs the same whatever the history: the total and
 * the day page N starts on come from the entity's aggregate tree (store/aggregates/account-days.ts),
 * and seekOffset skips only that day's earlier entries on the keys-only `pages` index before one
 * page is read.
 */
import type { Payment } from '../domain/payments.js';
import { accountHistoryIndex } from './aggregates/account-days.js';
import { indexKeys } from './keys.js';
import { seekOffset } from './pagination.js';
import { queryPayments } from './payments.js';

export async function accountPaymentsPage(
  tenant: string,
  entityId: string,
  range: { from?: string | undefined; to?: string | undefined },
  page: number,
  pageSize: number,
): Promise<{ total: number; items: Payment[] }> {
  const partition = indexKeys.accountPayments(tenant, entityId);
  const index = await accountHistoryIndex(tenant, entityId, range);
  const list = { partition, newestFirst: true, fromBucket: (date: string) => [range.from ?? '0', `${date}T~`] as const };
  const start = await seekOffset(index, list, (page - 1) * pageSize);
  if (!start) return { total: index.total, items: [] };
  // Each payment sits at the same position in gsi1 and in the keys-only `pages` index.
  const at = start.startKey;
  const startKey = at ? { pk: at.pk, sk: at.sk, gsi1pk: at.pagepk, gsi1sk: at.pagesk } : undefined;
  const between: [string, string] = [start.between[0], start.between[1]];
  const result = await queryPayments(tenant, { partition, between, newestFirst: true, limit: pageSize, ...(startKey ? { startKey } : {}) });
  return { total: index.total, items: result.items };
}
