/** Item plumbing shared by the repositories: strip storage attributes, read by key. */
import { BatchGetCommand, type BatchGetCommandOutput, GetCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from './client.js';
import { QUERY_ATTRIBUTE_PREFIX } from './query/attributes.js';

const STORAGE_ATTRIBUTES = new Set(['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'pagepk', 'pagesk', 'type', 'tenant', 'expiresAt']);

export function fromItem<T>(item: Record<string, unknown>): T {
  return Object.fromEntries(
    Object.entries(item).filter(([name]) => !STORAGE_ATTRIBUTES.has(name) && !name.startsWith(QUERY_ATTRIBUTE_PREFIX)),
  ) as T;
}

export async function getItem<T>(key: { pk: string; sk: string }, consistent = false): Promise<T | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: consistent }));
  return Item ? fromItem<T>(Item) : undefined;
}

/** Reads any number of keys (100 per call), retrying unprocessed keys; returns items in key order. */
export async function batchGet<T>(itemKeys: readonly { pk: string; sk: string }[], consistent = false, attributes?: readonly string[]): Promise<(T | undefined)[]> {
  return (await batchGetStored(itemKeys, consistent, attributes)).map((item) => (item ? fromItem<T>(item) : undefined));
}

/** A ProjectionExpression returning only `attributes` (and the keys, which match items to requests). */
function projection(attributes: readonly string[] | undefined) {
  if (attributes === undefined) return {};
  const names = ['pk', 'sk', ...attributes];
  return {
    ProjectionExpression: names.map((_, i) => `#p${i}`).join(', '),
    ExpressionAttributeNames: Object.fromEntries(names.map((name, i) => [`#p${i}`, name])),
  };
}

/** As batchGet, with the items as stored (storage attributes included). */
export async function batchGetStored(
  itemKeys: readonly { pk: string; sk: string }[],
  consistent = false,
  attributes?: readonly string[],
): Promise<(Record<string, unknown> | undefined)[]> {
  const found = new Map<string, Record<string, unknown>>();
  // BatchGet refuses a request naming one key twice.
  const unique = [...new Map(itemKeys.map((k) => [`${k.pk}|${k.sk}`, k])).values()];
  for (let i = 0; i < unique.length; i += 100) {
    let pending: Record<string, unknown>[] | undefined = unique.slice(i, i + 100).map((k) => ({ ...k }));
    for (let attempt = 0; pending && pending.length > 0; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(200, 10 * 2 ** attempt)));
      const result: BatchGetCommandOutput = await db().send(new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: pending, ...(consistent ? { ConsistentRead: true } : {}), ...projection(attributes) } } }));
      for (const item of result.Responses?.[tableName()] ?? []) found.set(`${item.pk}|${item.sk}`, item);
      pending = result.UnprocessedKeys?.[tableName()]?.Keys;
    }
  }
  return itemKeys.map((k) => found.get(`${k.pk}|${k.sk}`));
}
