/**
 * Payments: one canonical item per payment whichever API wrote it. Index attributes depend on the
 * API that created it (a mapping table, below) and on whether it is still active.
 */
import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Payment } from '../domain/payments.js';
import { db, tableName } from './client.js';
import { batchGet, fromItem, getItem } from './items.js';
import { employeeEntryItems } from './employee-payments.js';
import { COUNTERS, indexKeys, keys } from './keys.js';
import { changeActivePayments, countActivePayments } from './aggregates/active-payments.js';
import { queryAll } from './pagination.js';
import { receivablesAttributes, receivablesSideItems } from './receivables-payments.js';
import { workOrderOrderItems } from './work-order-orders.js';
import type { TransactItem, TxItems } from './tx.js';

type IndexAttributes = Record<string, unknown>;

const PAYMENT_INDEXES: Partial<Record<Payment['source'], (t: string, p: Payment) => IndexAttributes>> = {
  workorders: (t, p) => {
    const workOrder = p.allocations[0]?.chargeId;
    if (p.deleted || !workOrder) return {};
    return {
      gsi1pk: indexKeys.workOrderPayments(t, workOrder),
      gsi1sk: p.id,
      pagepk: indexKeys.activeWorkOrderPayments(t),
      pagesk: p.id,
    };
  },
  receivables: receivablesAttributes,
  // The same position twice: gsi1 reads full pages, the keys-only index skips to page N cheaply.
  accounts: (t, p) => {
    const partition = indexKeys.accountPayments(t, p.entityId ?? '');
    const position = `${p.date}T${p.time ?? '00:00'}#${p.id}`;
    return { gsi1pk: partition, gsi1sk: position, pagepk: partition, pagesk: position };
  },
  communities: (t, p) => (p.community ? communityIndexes(t, p.id, p.community, p.deleted) : {}),
};

/**
 * Communities records (see access-patterns.ts): a contract's pagos and histories or a resident's
 * pagos on gsi1, the tenant's resident pagos and histories on gsi2, a community's pagos (keys only)
 * on `pages`. Deleted resident pagos leave every list; deleted histories stay only in the tenant's
 * full list (`includeInactive`); voided community pagos stay in their statements, inactive.
 */
function communityIndexes(t: string, id: string, c: NonNullable<Payment['community']>, deleted: boolean): IndexAttributes {
  const position = `${c.record}#${id}`;
  const owner = c.record === 'resident' ? (c.residentId ?? '') : c.contractId;
  const listed = c.record === 'pago' || !deleted;
  return {
    ...(listed ? { gsi1pk: indexKeys.communityPaymentsOf(t, owner), gsi1sk: position } : {}),
    ...(c.record === 'history' || (c.record === 'resident' && listed) ? { gsi2pk: indexKeys.communityRecords(t), gsi2sk: position } : {}),
    ...(c.record === 'history'
      ? listed ? { pagepk: indexKeys.activeHistories(t), pagesk: position } : {}
      : listed ? { pagepk: indexKeys.communityPayments(t, c.communityId), pagesk: position } : {}),
  };
}

export function paymentItem(tenant: string, payment: Payment): Record<string, unknown> {
  return {
    ...keys.payment(tenant, payment.id),
    type: 'PAYMENT',
    tenant,
    ...PAYMENT_INDEXES[payment.source]?.(tenant, payment),
    ...payment,
  };
}

/** Put of a new payment: fails if the id exists. */
export function insertPayment(tenant: string, payment: Payment): TransactItem {
  return {
    Put: { TableName: tableName(), Item: paymentItem(tenant, payment), ConditionExpression: 'attribute_not_exists(pk)' },
  };
}

/** Put replacing `before` only if nobody changed it meanwhile (optimistic version) and it is not deleted. */
export function replacePayment(tenant: string, before: Payment, after: Payment): TransactItem {
  return {
    Put: {
      TableName: tableName(),
      Item: paymentItem(tenant, after),
      ConditionExpression: 'version = :version AND deleted = :false',
      ExpressionAttributeValues: { ':version': before.version, ':false': false },
    },
  };
}

/**
 * Lists whose totals and page positions the store keeps as aggregates, by the API that created the
 * payment: the aggregate items of a payment entering (+1) or leaving (−1) its source's active list.
 */
const PAYMENT_AGGREGATES: Partial<Record<Payment['source'], (tenant: string, paymentId: string, delta: 1 | -1) => TxItems>> = {
  workorders: changeActivePayments,
};

export function paymentCounterItems(tenant: string, payment: Pick<Payment, 'source' | 'id'>, delta: 1 | -1): TxItems {
  return PAYMENT_AGGREGATES[payment.source]?.(tenant, payment.id, delta) ?? [];
}

/** Items besides the payment that keep its searches, by the API that created it (before: undefined for a new payment). */
const PAYMENT_SIDE_ITEMS: Partial<Record<Payment['source'], (tenant: string, before: Payment | undefined, after: Payment) => TxItems>> = {
  receivables: receivablesSideItems,
  workorders: workOrderOrderItems,
};

/** A payment's side items for a change from `before` to `after` (none for most APIs). */
export const paymentSideItems = (tenant: string, before: Payment | undefined, after: Payment): TxItems =>
  PAYMENT_SIDE_ITEMS[after.source]?.(tenant, before, after) ?? [];

/** The items that record a new payment: the payment itself and the aggregates and side items the store keeps for its lists. */
export function recordPaymentItems(tenant: string, payment: Payment): TxItems {
  return [
    ['payment', insertPayment(tenant, payment)],
    ...paymentCounterItems(tenant, payment, 1),
    ...employeeEntryItems(tenant, undefined, payment),
    ...paymentSideItems(tenant, undefined, payment),
  ];
}

export const getPayment = (tenant: string, id: string, consistent = false) =>
  getItem<Payment>(keys.payment(tenant, id), consistent);

export const getPayments = (tenant: string, ids: readonly string[]) =>
  batchGet<Payment>(ids.map((id) => keys.payment(tenant, id)));

/** Full payments from a gsi1 partition, in sort-key order (or reversed). */
export async function queryPayments(
  tenant: string,
  q: { partition: string; between?: [string, string]; newestFirst?: boolean; limit: number; startKey?: Record<string, unknown> },
): Promise<{ items: Payment[]; lastKey?: Record<string, unknown> }> {
  const input: QueryCommandInput = {
    TableName: tableName(),
    IndexName: 'gsi1',
    KeyConditionExpression: q.between ? 'gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to' : 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': q.partition, ...(q.between ? { ':from': q.between[0], ':to': q.between[1] } : {}) },
    ScanIndexForward: !q.newestFirst,
    Limit: q.limit,
    ExclusiveStartKey: q.startKey,
  };
  const result = await db().send(new QueryCommand(input));
  return {
    items: (result.Items ?? []).map((item) => fromItem<Payment>(item)),
    ...(result.LastEvaluatedKey ? { lastKey: result.LastEvaluatedKey } : {}),
  };
}

/** The active payments of one work order (gsi1, sparse: soft-deleted ones leave it). */
export async function allWorkOrderPayments(tenant: string, workOrderId: string): Promise<Payment[]> {
  const items = await queryAll({
    TableName: tableName(),
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': indexKeys.workOrderPayments(tenant, workOrderId) },
  });
  return items.map((item) => fromItem<Payment>(item));
}

/**
 * Tenant-wide counters by name, each read from its sharded aggregate tree (no single hot item).
 * Keyed by the literal names (checked against COUNTERS): esbuild keeps a table with a computed key in
 * every bundle that imports this module, and with it every aggregate tree's reader (5-13 KB).
 */
const COUNTER_READERS = {
  wo_active_payments: countActivePayments,
} satisfies Record<(typeof COUNTERS)[keyof typeof COUNTERS], (tenant: string) => Promise<number>>;

export function readCounter(tenant: string, name: (typeof COUNTERS)[keyof typeof COUNTERS]): Promise<number> {
  return COUNTER_READERS[name](tenant);
}

export { COUNTERS };
