/**
 * Receivables payments (seed 004) in the one payments partition scheme: the canonical payment item
 * plus its search row and index attributes from the query catalogue (RECEIVABLES_PAYMENTS), and one
 * link item per document it pays (RECEIVABLES_DOCUMENT_PAYMENTS: the index an item can't give, since
 * a payment pays several documents), all written in the payment's own transactions. A deleted
 * payment has no row, so it leaves every search index (sparse); a released link keeps no attributes.
 *
 * The span item keeps the earliest and latest payment dates and the first creation instant, so a
 * search with an open date range knows which month buckets exist.
 */
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { formatMajor } from '../domain/money.js';
import type { Payment } from '../domain/payments.js';
import { db, tableName } from './client.js';
import { keys } from './keys.js';
import { queryAttributes } from './query/attributes.js';
import { countChanges, rebuildCounts } from './query/counts.js';
import { RECEIVABLES_DOCUMENT_PAYMENTS, RECEIVABLES_PAYMENTS } from './query/catalogue.js';
import type { Row } from './query/types.js';
import type { TxItems } from './tx.js';

/** The API's status codes (0 pending reconciliation, 1 reconciled, 2 discarded) as the row holds them. */
export const RECEIVABLES_STATUS = { pending: '0', reconciled: '1', discarded: '2' } as const satisfies Record<Payment['reconciliation'], string>;

/** What getPayments filters and sorts on; none for a payment the API no longer shows. */
export function receivablesRow(p: Payment): Row | undefined {
  if (p.source !== 'receivables' || p.deleted) return undefined;
  const row: Record<string, string | undefined> = {
    id: p.id,
    status: RECEIVABLES_STATUS[p.reconciliation],
    date: p.date,
    created: p.createdAt,
    reconciled: p.reconciledAt,
    amount: formatMajor(p.amount, p.currency),
    currency: p.currency,
    clientId: p.payerId,
    clientTaxId: p.payerTaxId?.toUpperCase(),
    method: p.method ? p.method.toLowerCase() : undefined,
  };
  return Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined)) as Row;
}

/** The search attributes of a receivables payment item (none once deleted). */
export function receivablesAttributes(tenant: string, p: Payment): Record<string, unknown> {
  const row = receivablesRow(p);
  return row ? queryAttributes(tenant, RECEIVABLES_PAYMENTS, row) : {};
}

/**
 * A receivables payment's side items for a change from `before` to `after`: its document links and
 * the counts of its counted search patterns (./query/counts.ts), in the change's own transaction.
 */
export function receivablesSideItems(tenant: string, before: Payment | undefined, after: Payment): TxItems {
  return [
    ...documentLinkItems(tenant, before, after),
    ...countChanges(tenant, RECEIVABLES_PAYMENTS, before && receivablesRow(before), receivablesRow(after)),
  ];
}

/** The link items of a payment's documents: put for `after`'s allocations, emptied for those it no longer has. */
function documentLinkItems(tenant: string, before: Payment | undefined, after: Payment): TxItems {
  const row = receivablesRow(after);
  const current = row ? after.allocations.map((a) => a.chargeId) : [];
  const dropped = (before?.allocations ?? []).map((a) => a.chargeId).filter((id) => !current.includes(id));
  const link = (chargeId: string, attributes: Record<string, unknown>) =>
    [
      'paymentDocument',
      { Put: { TableName: tableName(), Item: { ...keys.paymentDocument(tenant, after.id, chargeId), type: 'PAYMENT_DOCUMENT', tenant, ...attributes } } },
    ] as const;
  return [
    ...current.map((chargeId) => link(chargeId, queryAttributes(tenant, RECEIVABLES_DOCUMENT_PAYMENTS, { ...row, documentId: chargeId }))),
    ...dropped.map((chargeId) => link(chargeId, {})),
  ];
}

export interface ReceivablesSpan {
  dateMin?: string;
  dateMax?: string;
  createdMin?: string;
}

const SPAN = 'receivables_span';

export async function receivablesSpan(tenant: string): Promise<ReceivablesSpan> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: keys.counter(tenant, SPAN) }));
  return { ...(Item?.dateMin ? { dateMin: Item.dateMin } : {}), ...(Item?.dateMax ? { dateMax: Item.dateMax } : {}), ...(Item?.createdMin ? { createdMin: Item.createdMin } : {}) };
}

/**
 * Widens the span to cover payments dated `dates` and created from `createdAt` on, before their
 * transaction (so it always covers every committed payment; a payment that then fails leaves it
 * merely wider). Writes only when a bound moves, each a conditional update that loses harmlessly.
 */
export async function coverInSpan(tenant: string, dates: readonly string[], createdAt: string): Promise<void> {
  const span = await receivablesSpan(tenant);
  const low = [...dates].sort()[0];
  const high = [...dates].sort().at(-1);
  const moves: [string, string, '<' | '>'][] = [];
  if (low && (!span.dateMin || low < span.dateMin)) moves.push(['dateMin', low, '>']);
  if (high && (!span.dateMax || high > span.dateMax)) moves.push(['dateMax', high, '<']);
  if (!span.createdMin) moves.push(['createdMin', createdAt, '>']);
  await Promise.all(
    moves.map(async ([field, value, beyond]) => {
      try {
        await db().send(
          new UpdateCommand({
            TableName: tableName(),
            Key: keys.counter(tenant, SPAN),
            UpdateExpression: 'SET #f = :v, #type = :type, tenant = :tenant',
            ConditionExpression: `attribute_not_exists(#f) OR #f ${beyond} :v`,
            ExpressionAttributeNames: { '#f': field, '#type': 'type' },
            ExpressionAttributeValues: { ':v': value, ':type': 'COUNTER', ':tenant': tenant },
          }),
        );
      } catch (error) {
        if ((error as { name?: string }).name !== 'ConditionalCheckFailedException') throw error;
      }
    }),
  );
}

/**
 * Migration: counts every receivables payment of the tenant in its counted patterns' trees (for data
 * written before the counts existed; a search also does it on first read). Walks the tenant's
 * payments once, within its span.
 */
export async function backfillReceivablesCounts(tenant: string): Promise<void> {
  const span = await receivablesSpan(tenant);
  const history: Record<string, { lower: string; upper: string } | undefined> = {
    date: span.dateMin && span.dateMax ? { lower: span.dateMin, upper: span.dateMax } : undefined,
    created: span.createdMin ? { lower: span.createdMin, upper: new Date(Date.now() + 60_000).toISOString() } : undefined,
  };
  for (const pattern of RECEIVABLES_PAYMENTS.patterns) {
    const within = pattern.kind === 'index' && pattern.counted ? history[pattern.sort] : undefined;
    if (pattern.kind !== 'index' || !within) continue;
    for (const status of Object.values(RECEIVABLES_STATUS)) await rebuildCounts(tenant, RECEIVABLES_PAYMENTS, pattern, [status], within);
  }
}
