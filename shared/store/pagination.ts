/**
 * The one pagination module: opaque cursors, reading a query to its end, and reaching page N
 * without walking the pages before it (seekOffset: a list's maintained counts name the bucket
 * holding the offset, then only that bucket's earlier entries are skipped on a keys-only index).
 *
 * Cursors are a query's LastEvaluatedKey. Decoding checks the key belongs to this very list: the
 * tenant's partition the query reads, exactly the key attributes of the table or index, non-empty
 * values within DynamoDB's key sizes. A foreign or forged cursor is an Invalid (400) and DynamoDB
 * never sees it.
 */
import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { Invalid } from '../ledger/errors.js';
import { db, tableName } from './client.js';

type Key = Record<string, unknown>;

export function encodeCursor(key: Key | undefined): string | null {
  return key ? Buffer.from(JSON.stringify(key)).toString('base64url') : null;
}

export interface CursorScope {
  /** The partition attribute and value the query reads, e.g. `{ gsi1pk: 'T#t#PARTIES' }`. */
  partition: Record<string, string>;
  /** The key attributes a start key of this table or index has. */
  keyNames: readonly string[];
  /** A begins_with condition of the query (`{ gsi1sk: 'client#' }`): a start key outside it is refused too. */
  sortPrefix?: Record<string, string>;
}

const MAX_KEY_BYTES = 1024;

export function decodeCursor(cursor: string | undefined, scope: CursorScope): Key | undefined {
  if (cursor === undefined) return undefined;
  const invalid = () => new Invalid('Invalid cursor', [{ field: 'cursor', message: 'Invalid cursor' }]);
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (typeof key !== 'object' || key === null || Array.isArray(key)) throw invalid();
  const entries = Object.entries(key as Key);
  const names = entries.map(([name]) => name).sort();
  const expected = [...scope.keyNames].sort();
  const wellFormed =
    names.length === expected.length &&
    names.every((name, i) => name === expected[i]) &&
    entries.every(([, v]) => typeof v === 'string' && v !== '' && Buffer.byteLength(v) <= MAX_KEY_BYTES) &&
    Object.entries(scope.partition).every(([name, value]) => (key as Key)[name] === value) &&
    Object.entries(scope.sortPrefix ?? {}).every(([name, prefix]) => String((key as Key)[name]).startsWith(prefix));
  if (!wellFormed) throw invalid();
  return key as Key;
}

/** Start-key attributes of the base table and of each index (an index's key plus the table's). */
export const KEY_NAMES = {
  table: ['pk', 'sk'],
  gsi1: ['pk', 'sk', 'gsi1pk', 'gsi1sk'],
  gsi2: ['pk', 'sk', 'gsi2pk', 'gsi2sk'],
  pages: ['pk', 'sk', 'pagepk', 'pagesk'],
} as const;

/** Every item of a query, following LastEvaluatedKey. */
export async function queryAll(input: QueryCommandInput): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const result = await db().send(new QueryCommand({ ...input, ExclusiveStartKey: startKey }));
    items.push(...(result.Items ?? []));
    startKey = result.LastEvaluatedKey;
  } while (startKey);
  return items;
}

/**
 * The start key just after skipping `skip` entries of a partition of the keys-only `pages` index
 * (optionally within a sort-key range, newest first): undefined when nothing is skipped, null when
 * the partition ends before. Each skipped entry costs only its keys.
 */
export async function skipOnPagesIndex(
  partition: string,
  skip: number,
  options: { between?: readonly [string, string]; newestFirst?: boolean } = {},
): Promise<Record<string, unknown> | undefined | null> {
  let startKey: Record<string, unknown> | undefined;
  let skipped = 0;
  while (skipped < skip) {
    const result = await db().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'pages',
        KeyConditionExpression: options.between ? 'pagepk = :pk AND pagesk BETWEEN :from AND :to' : 'pagepk = :pk',
        ExpressionAttributeValues: { ':pk': partition, ...(options.between ? { ':from': options.between[0], ':to': options.between[1] } : {}) },
        ...(options.newestFirst ? { ScanIndexForward: false } : {}),
        Limit: skip - skipped,
        ExclusiveStartKey: startKey,
      }),
    );
    skipped += result.Count ?? 0;
    startKey = result.LastEvaluatedKey;
    // No LastEvaluatedKey: the range is exhausted, so nothing follows the skipped entries.
    if (!startKey) return null;
  }
  return startKey;
}

/**
 * A list's maintained counts (store/aggregates): how many entries it holds, and the leaf bucket (a
 * sort-key prefix of the list's index) holding the entry at a 0-based offset in list order, with
 * how many of that bucket's entries precede it in list order.
 */
export interface OffsetIndex {
  total: number;
  locate(offset: number): Promise<{ bucket: string; within: number } | undefined>;
}

/** A list on the keys-only `pages` index: its partition, its order, and its sort range from a bucket on. */
export interface OffsetList {
  partition: string;
  newestFirst?: boolean;
  /** The sort-key range to read, from the first entry of `bucket` (in list order) to the list's end. */
  fromBucket(bucket: string): readonly [string, string];
}

/**
 * Page N's start without reading earlier pages: the counts locate the bucket holding `offset` (a few
 * small items), then only that bucket's earlier entries are skipped (keys only). Answers the range
 * to read from and the start key within it, or null when the offset is past the end. Workorders
 * pages and accounts history share this; a list wanting page N gets an OffsetIndex, not a walk.
 */
export async function seekOffset(
  index: OffsetIndex,
  list: OffsetList,
  offset: number,
): Promise<{ between: readonly [string, string]; startKey?: Record<string, unknown> } | null> {
  if (offset >= index.total) return null;
  const at = await index.locate(offset);
  if (!at) return null;
  const between = list.fromBucket(at.bucket);
  const startKey = await skipOnPagesIndex(list.partition, at.within, { between, newestFirst: list.newestFirst === true });
  if (startKey === null) return null;
  return startKey ? { between, startKey } : { between };
}
