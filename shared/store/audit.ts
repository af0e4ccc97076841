/** Audit entries: written inside the same transaction as the change they describe. */
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { newId } from '../ids.js';
import { db, tableName } from './client.js';
import { decodeCursor, encodeCursor, KEY_NAMES } from './pagination.js';
import { indexKeys, keys } from './keys.js';
import type { TransactItem } from './tx.js';

export interface AuditEntry {
  id: string;
  at: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  /** Extra context, e.g. the reason of a reversal or the filters of a view. */
  details?: Record<string, unknown>;
}

export interface Actor {
  tenant: string;
  sub: string;
}

export function auditEntry(
  actor: Actor,
  action: string,
  entityType: string,
  entityId: string,
  change: { before?: unknown; after?: unknown; details?: Record<string, unknown> } = {},
  at = new Date().toISOString(),
): AuditEntry {
  return { id: newId(), at, actor: actor.sub, action, entityType, entityId, ...change };
}

export function putAudit(tenant: string, entry: AuditEntry): TransactItem {
  return {
    Put: {
      TableName: tableName(),
      Item: { ...keys.audit(tenant, entry.entityId, entry.id), type: 'AUDIT', tenant, ...entry },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** An entry that describes no change (a view, SPEC's activity log), written on its own. */
export async function writeAudit(tenant: string, entry: AuditEntry): Promise<void> {
  const { Put } = putAudit(tenant, entry);
  await db().send(new PutCommand({ TableName: Put!.TableName, Item: Put!.Item, ConditionExpression: Put!.ConditionExpression }));
}

export async function listAudit(tenant: string, entityId: string, limit: number, cursor?: string) {
  const partition = indexKeys.audit(tenant, entityId);
  const result = await db().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': partition },
      ScanIndexForward: false,
      Limit: limit,
      ExclusiveStartKey: decodeCursor(cursor, { partition: { pk: partition }, keyNames: KEY_NAMES.table }),
    }),
  );
  const items = (result.Items ?? []).map(({ pk: _pk, sk: _sk, type: _type, tenant: _tenant, ...entry }) => entry as AuditEntry);
  return { items, nextCursor: encodeCursor(result.LastEvaluatedKey) };
}
