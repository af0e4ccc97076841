/**
 * Daily statements of the accounts API: one item per entity and business day,
 * `T#t#STATEMENT#{entity}` / `{date}` (see keys.ts). The item holds only that day's own figures
 * (minor units) plus bookkeeping:
 *
 * - totalSales, totalPayouts, commission: SET by the activity endpoint, guarded by `activityVersion`
 *   (optimistic, so its audit entry's `before` is exact);
 * - totalPaid, totalCollected: atomic ADDs by payments and reversals (no read-modify-write, so
 *   concurrent payments never lose an update);
 * - paymentCount: payments ever recorded on the day (reversed ones included, as the history lists
 *   them);
 * - isSaldado: set by an `isFinal` payment; every payment and activity write is conditional on it;
 * - openingBalance: SET on the day an entity's opening balance is carried in (one day per entity,
 *   the party item says which: ledger/accounts/opening-balance.ts), refused on a settled day too.
 *
 * Running balances, history totals and page starts come from the entity's aggregate tree
 * (store/aggregates/account-days.ts), written in the same transactions (store/statement-changes.ts);
 * these day items are its source of truth (a tree is rebuilt from them with `statementDaysUpTo`).
 */
import { MAX_TOTAL_MINOR } from '../domain/money.js';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AccountKind } from '../domain/account-scope.js';
import { type ActivityFigures, type DayFigures, splitCommission, ZERO_FIGURES } from '../domain/statements.js';
import type { WireItem } from './tx.js';
import { db, tableName } from './client.js';
import { indexKeys, keys } from './keys.js';
import { queryAll } from './pagination.js';
import type { TransactItem } from './tx.js';

export interface StatementDay extends DayFigures {
  /** Absent on a day nothing was ever written for. */
  id?: string;
  /** `commission` split (issue 13 item 10); a day stored before the split has it all on the entity's own kind. */
  listeroCommission: number;
  vendedorCommission: number;
  ticketCount: number;
  isSaldado: boolean;
  /** When the day was settled (absent while it is not, and on days settled before this was stored). */
  settledAt?: string;
  paymentCount: number;
  activityVersion: number;
  createdAt?: string;
  updatedAt?: string;
}

export interface StatementTarget {
  tenant: string;
  entityId: string;
  entityKind: AccountKind;
  date: string;
}

const NOT_SETTLED = '(attribute_not_exists(isSaldado) OR isSaldado = :false)';

/** Version of the per-entity day trees (store/aggregates/account-days.ts): bumped when what they keep changes. */
export const ACCOUNT_TREE_VERSION = 3;
/**
 * Stamped on every day when first written: it equals `createdAt` on a day created since the day
 * trees are at ACCOUNT_TREE_VERSION, so a day whose two differ (or that lacks it) was written
 * before, and its entity's tree must be rebuilt from the days. Earlier versions stamped
 * `treeSince` (1) and `figuresSince` (2), the same way.
 */
export const TREE_STAMP = `treeV${ACCOUNT_TREE_VERSION}Since`;

/**
 * The id a day gets when first written, from its entity and date: every writer of a new day (its
 * first payments, racing) names the same one without writing anything first, so a payment knows
 * the day it counts in (its accountStatementId) inside its one transaction. Days created before
 * keep the random id they got then.
 */
export const statementDayId = (entityId: string, date: string) => `${entityId}-${date.replaceAll('-', '')}`;

/** Attributes every write sets, so the first write of a day creates a complete item. */
function identity(s: StatementTarget, now: string) {
  return {
    expression:
      'id = if_not_exists(id, :id), #type = :type, tenant = :tenant, entityId = :entityId, entityKind = :entityKind, ' +
      '#date = :date, createdAt = if_not_exists(createdAt, :now), #stamp = if_not_exists(#stamp, :now), updatedAt = :now',
    names: { '#type': 'type', '#date': 'date', '#stamp': TREE_STAMP },
    values: {
      ':id': statementDayId(s.entityId, s.date),
      ':type': 'STATEMENT',
      ':tenant': s.tenant,
      ':entityId': s.entityId,
      ':entityKind': s.entityKind,
      ':date': s.date,
      ':now': now,
    },
  };
}

/**
 * An Update of one day that first sets its identity, so the first write creates a complete item,
 * and is refused on a settled day (plus `condition`, when given).
 */
function updateDay(
  s: StatementTarget,
  now: string,
  update: { set: string; add?: string; condition?: string; names?: Record<string, string>; values: Record<string, unknown>; returnOld?: boolean },
): TransactItem {
  const id = identity(s, now);
  return {
    Update: {
      TableName: tableName(),
      Key: keys.statement(s.tenant, s.entityId, s.date),
      UpdateExpression: `SET ${id.expression}, ${update.set}${update.add ? ` ADD ${update.add}` : ''}`,
      ConditionExpression: update.condition ? `${NOT_SETTLED} AND ${update.condition}` : NOT_SETTLED,
      ...(update.returnOld ? { ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const } : {}),
      ExpressionAttributeNames: { ...id.names, ...update.names },
      ExpressionAttributeValues: { ...id.values, ...update.values },
    },
  };
}

/**
 * A whole day item as the writes above leave it: for bulk loads (the bench's histories) and
 * fixtures, so stored shapes come from this module only.
 */
export function statementDayItem(
  s: StatementTarget,
  day: Omit<StatementDay, 'date' | 'id'>,
  now: string,
): Record<string, unknown> {
  const id = identity(s, now).values;
  return {
    ...keys.statement(s.tenant, s.entityId, s.date),
    id: id[':id'],
    type: id[':type'],
    tenant: s.tenant,
    entityId: s.entityId,
    entityKind: s.entityKind,
    date: s.date,
    createdAt: now,
    [TREE_STAMP]: now,
    updatedAt: now,
    ...day,
  };
}

/**
 * A payment's effect on its day: ADD the amount to totalPaid or totalCollected, count it, and settle
 * the day when `settle`. Fails its condition (name it `statement`) when the day is already settled.
 */
export function addPaymentToStatement(
  s: StatementTarget,
  change: { field: 'totalPaid' | 'totalCollected'; amount: number; settle: boolean },
  now: string,
): TransactItem {
  return updateDay(s, now, {
    set: change.settle ? 'isSaldado = :true, settledAt = :now' : 'isSaldado = if_not_exists(isSaldado, :false)',
    add: '#field :amount, paymentCount :one',
    // Refused on a settled day, and when the day's total would pass MAX_TOTAL_MINOR (SPEC §4 money limits).
    condition: '(attribute_not_exists(#field) OR #field <= :ceiling)',
    returnOld: true,
    names: { '#field': change.field },
    values: {
      ':amount': change.amount,
      ':ceiling': MAX_TOTAL_MINOR - change.amount,
      ':one': 1,
      ':false': false,
      ...(change.settle ? { ':true': true } : {}),
    },
  });
}

/**
 * A reversal's effect: take the amount back out (the payment stays counted: the history still
 * lists it) and, when the reversed payment was the one that settled the day, un-settle it.
 * Reversals are accepted on a settled day: they correct a mistake, they are not a new payment.
 */
export function removePaymentFromStatement(
  s: StatementTarget,
  change: { field: 'totalPaid' | 'totalCollected'; amount: number; unsettle: boolean },
  now: string,
): TransactItem {
  return {
    Update: {
      TableName: tableName(),
      Key: keys.statement(s.tenant, s.entityId, s.date),
      UpdateExpression: `ADD #field :amount SET updatedAt = :now${change.unsettle ? ', isSaldado = :false REMOVE settledAt' : ''}`,
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeNames: { '#field': change.field },
      ExpressionAttributeValues: { ':amount': -change.amount, ':now': now, ...(change.unsettle ? { ':false': false } : {}) },
    },
  };
}

/**
 * Sets a day's activity figures (SET, not ADD), only if nobody set them since `expectedVersion`
 * was read (0: never set) and the day is not settled.
 */
export function setActivityFigures(
  s: StatementTarget,
  figures: ActivityFigures,
  expectedVersion: number,
  now: string,
): TransactItem {
  return updateDay(s, now, {
    set:
      'totalSales = :sales, totalPayouts = :payouts, commission = :commission, listeroCommission = :listero, ' +
      'vendedorCommission = :vendedor, ticketCount = :tickets, isSaldado = if_not_exists(isSaldado, :false)',
    add: 'activityVersion :one',
    condition: expectedVersion === 0 ? 'attribute_not_exists(activityVersion)' : 'activityVersion = :version',
    values: {
      ':sales': figures.totalSales,
      ':payouts': figures.totalPayouts,
      ':commission': figures.commission,
      ':listero': figures.listeroCommission,
      ':vendedor': figures.vendedorCommission,
      ':tickets': figures.ticketCount,
      ':false': false,
      ':one': 1,
      ...(expectedVersion === 0 ? {} : { ':version': expectedVersion }),
    },
  });
}

/**
 * Sets the opening balance carried in on this day (0 when it moves to another day), creating the
 * day if needed. Fails its condition (name it `statement`) when the day is settled.
 */
export function setOpeningBalanceOnDay(s: StatementTarget, amount: number, now: string): TransactItem {
  return updateDay(s, now, {
    set: 'openingBalance = :opening, isSaldado = if_not_exists(isSaldado, :false)',
    returnOld: true,
    values: { ':opening': amount, ':false': false },
  });
}

const PROJECTION =
  'sk, id, entityKind, totalSales, totalPayouts, commission, listeroCommission, vendedorCommission, ticketCount, totalPaid, totalCollected, openingBalance, ' +
  'isSaldado, settledAt, paymentCount, activityVersion, createdAt, updatedAt';

function toDay(item: Record<string, unknown>): StatementDay {
  const n = (name: string) => (typeof item[name] === 'number' ? (item[name] as number) : 0);
  const text = (name: string) => (typeof item[name] === 'string' ? { [name]: item[name] as string } : {});
  const commission = n('commission');
  const split = typeof item.listeroCommission === 'number' || typeof item.vendedorCommission === 'number'
    ? { listeroCommission: n('listeroCommission'), vendedorCommission: n('vendedorCommission') }
    : splitCommission(item.entityKind as AccountKind, commission);
  return {
    date: String(item.sk),
    ...text('id'),
    ...ZERO_FIGURES,
    totalSales: n('totalSales'),
    totalPayouts: n('totalPayouts'),
    commission,
    ...split,
    ticketCount: n('ticketCount'),
    totalPaid: n('totalPaid'),
    totalCollected: n('totalCollected'),
    openingBalance: n('openingBalance'),
    isSaldado: item.isSaldado === true,
    ...text('settledAt'),
    paymentCount: n('paymentCount'),
    activityVersion: n('activityVersion'),
    ...text('createdAt'),
    ...text('updatedAt'),
  };
}

/** All stored days of an entity up to and including `date`, oldest first. */
export async function statementDaysUpTo(tenant: string, entityId: string, date: string, consistent: boolean): Promise<StatementDay[]> {
  const items = await queryAll({
    TableName: tableName(),
    KeyConditionExpression: 'pk = :pk AND sk <= :date',
    ExpressionAttributeValues: { ':pk': indexKeys.statements(tenant, entityId), ':date': date },
    ProjectionExpression: PROJECTION,
    ConsistentRead: consistent,
  });
  return items.map(toDay);
}

/** Whether the entity has days written before the aggregate trees held all their figures (see identity). */
export async function hasDaysBeforeTrees(tenant: string, entityId: string): Promise<boolean> {
  const items = await queryAll({
    TableName: tableName(),
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': indexKeys.statements(tenant, entityId) },
    ProjectionExpression: 'createdAt, #stamp',
    ExpressionAttributeNames: { '#stamp': TREE_STAMP },
    ConsistentRead: true,
  });
  return items.some((item) => item[TREE_STAMP] === undefined || item[TREE_STAMP] !== item.createdAt);
}

/** One stored day, or undefined. */
export async function statementDay(tenant: string, entityId: string, date: string, consistent: boolean): Promise<StatementDay | undefined> {
  const result = await db().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND sk = :date',
      ExpressionAttributeValues: { ':pk': indexKeys.statements(tenant, entityId), ':date': date },
      ProjectionExpression: PROJECTION,
      ConsistentRead: consistent,
    }),
  );
  const item = result.Items?.[0];
  return item ? toDay(item) : undefined;
}

/** Whether a statement item, as a failed condition returned it, is a settled day. */
export const heldSettled = (held: WireItem | undefined): boolean => held?.isSaldado?.BOOL === true;
