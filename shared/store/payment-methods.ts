/**
 * The per-tenant payment-method catalogue: one item per method under `T#t#PAYMENT_METHODS`, sort key
 * = code (keys.paymentMethod). A tenant with none stored reads the default catalogue; its first own
 * method is written together with the defaults (one transaction), so adding one never hides the rest.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { byCode, DEFAULT_PAYMENT_METHODS, type PaymentMethod } from '../domain/payment-methods.js';
import { Conflict } from '../ledger/errors.js';
import { type Actor, auditEntry, putAudit } from './audit.js';
import { db, tableName } from './client.js';
import { decodeCursor, encodeCursor, KEY_NAMES } from './pagination.js';
import { indexKeys, keys } from './keys.js';
import { ConditionFailed, transact, type TransactItem, type TxItems } from './tx.js';

export const PAYMENT_METHOD_ENTITY = 'PAYMENT_METHOD';

/** The audit trail's entity id of a method (codes are not ids, so they get their own namespace). */
export const paymentMethodEntityId = (code: string) => `payment-method:${code}`;

function toMethod(item: Record<string, unknown>): PaymentMethod {
  return {
    code: String(item.code),
    name: String(item.name),
    ...(typeof item.dialect === 'string' ? { dialect: item.dialect as PaymentMethod['dialect'] } : {}),
  };
}

function putMethod(tenant: string, method: PaymentMethod, now: string): TransactItem {
  return {
    Put: {
      TableName: tableName(),
      Item: { ...keys.paymentMethod(tenant, method.code), type: 'PAYMENT_METHOD', tenant, ...method, createdAt: now },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** The cursor's key, checked to be one of this catalogue's (anything else is a 400, never a DynamoDB error). */
function startKey(tenant: string, cursor: string | undefined) {
  return decodeCursor(cursor, { partition: { pk: indexKeys.paymentMethods(tenant) }, keyNames: KEY_NAMES.table });
}

async function queryStored(tenant: string, limit: number, start?: Record<string, unknown>, consistent = false) {
  const result = await db().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': indexKeys.paymentMethods(tenant) },
      Limit: limit,
      ExclusiveStartKey: start,
      ConsistentRead: consistent,
    }),
  );
  return { items: (result.Items ?? []).map(toMethod), lastKey: result.LastEvaluatedKey };
}

async function hasStored(tenant: string): Promise<boolean> {
  return (await queryStored(tenant, 1, undefined, true)).items.length > 0;
}

/** One page of the catalogue in code order: the stored methods, or the defaults when none are stored. */
export async function listPaymentMethods(
  tenant: string,
  page: { limit: number; cursor?: string },
): Promise<{ items: PaymentMethod[]; nextCursor: string | null }> {
  const start = startKey(tenant, page.cursor);
  if (await hasStored(tenant)) {
    const { items, lastKey } = await queryStored(tenant, page.limit, start);
    return { items, nextCursor: encodeCursor(lastKey) };
  }
  // The defaults as if stored: same order, same cursor shape.
  const rest = [...DEFAULT_PAYMENT_METHODS].sort(byCode).filter((m) => start === undefined || m.code > String(start.sk));
  const items = rest.slice(0, page.limit).map((m) => ({ ...m }));
  const last = items[items.length - 1];
  const nextCursor = rest.length > page.limit && last ? encodeCursor(keys.paymentMethod(tenant, last.code)) : null;
  return { items, nextCursor };
}

/** The whole catalogue (for dialects that list or resolve methods). */
export async function allPaymentMethods(tenant: string): Promise<PaymentMethod[]> {
  const all: PaymentMethod[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const { items, lastKey } = await queryStored(tenant, 100, start);
    all.push(...items);
    start = lastKey;
  } while (start);
  return all.length > 0 ? all : DEFAULT_PAYMENT_METHODS.map((m) => ({ ...m })).sort(byCode);
}

/**
 * Adds a method with its audit entry (and `extra` items, e.g. an idempotency key record) in one
 * transaction; 409 if the code exists. The tenant's first method materializes the defaults with it.
 */
export async function insertPaymentMethod(actor: Actor, method: PaymentMethod, extra: TxItems = []): Promise<PaymentMethod> {
  const { tenant } = actor;
  const exists = () => new Conflict(`Payment method ${method.code} already exists`);
  for (let attempt = 1; ; attempt++) {
    const now = new Date().toISOString();
    const seeded = await hasStored(tenant);
    const defaults = seeded ? [] : DEFAULT_PAYMENT_METHODS;
    if (defaults.some((m) => m.code === method.code)) throw exists();
    const audit = auditEntry(actor, 'PAYMENT_METHOD_CREATE', PAYMENT_METHOD_ENTITY, paymentMethodEntityId(method.code), {
      after: method,
      ...(defaults.length ? { details: { seededDefaults: defaults.map((m) => m.code) } } : {}),
    }, now);
    try {
      await transact([
        ['paymentMethod', putMethod(tenant, method, now)],
        ['audit', putAudit(tenant, audit)],
        ...defaults.map((m) => [`default:${m.code}`, putMethod(tenant, m, now)] as const),
        ...extra,
      ]);
      return method;
    } catch (error) {
      if (!(error instanceof ConditionFailed)) throw error;
      // Someone else's condition (an idempotency key record) is the caller's to answer.
      if (error.failed.some((name) => name !== 'paymentMethod' && !name.startsWith('default:'))) throw error;
      if (error.on('paymentMethod')) throw exists();
      // Another request seeded the defaults meanwhile: go again as a seeded tenant.
      if (attempt < 3 && error.failed.every((name) => name.startsWith('default:'))) continue;
      throw error;
    }
  }
}
