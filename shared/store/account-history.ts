/**
 * Accounts payment history (seed 001): an entity's payments newest first (date, time, then id),
 * reversed ones included, by page number. Pages stay cheap: the day page N starts on comes from the
 * statements' per-day payment counts (one small item per day, also giving the total), so only that
 * day's earlier entries are skipped, on the keys-only `pages` index, before one page is read.
 */
import { locateOffset } from '../domain/statements.js';
import type { Payment } from '../domain/payments.js';
import { indexKeys } from './keys.js';
import { skipOnPagesIndex } from './pagination.js';
import { queryPayments } from './payments.js';
import { paymentCountsByDay } from './statements.js';

export async function accountPaymentsPage(
  tenant: string,
  entityId: string,
  range: { from?: string | undefined; to?: string | undefined },
  page: number,
  pageSize: number,
): Promise<{ total: number; items: Payment[] }> {
  const counts = await paymentCountsByDay(tenant, entityId, range);
  const total = counts.reduce((sum, day) => sum + day.count, 0);
  const start = locateOffset(counts, (page - 1) * pageSize);
  if (!start) return { total, items: [] };
  const partition = indexKeys.accountPayments(tenant, entityId);
  const between: [string, string] = [range.from ?? '0', `${start.date}T~`];
  let startKey: Record<string, unknown> | undefined;
  if (start.skipWithinDay > 0) {
    // Each payment sits at the same position in gsi1 and in the keys-only `pages` index.
    const skipped = await skipOnPagesIndex(partition, start.skipWithinDay, { between, newestFirst: true });
    if (!skipped) return { total, items: [] };
    const { pk, sk, pagepk, pagesk } = skipped;
    startKey = { pk, sk, gsi1pk: pagepk, gsi1sk: pagesk };
  }
  const result = await queryPayments(tenant, { partition, between, newestFirst: true, limit: pageSize, ...(startKey ? { startKey } : {}) });
  return { total, items: result.items };
}
