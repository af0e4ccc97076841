/**
 * One idempotency mechanism for every create in Caja (SPEC §4). A key is scoped to the tenant and
 * the operation, kept 48 h (TTL), and stored with a hash of the normalized request. The key record
 * is put inside the creating transaction with attribute_not_exists, so concurrent duplicates
 * produce exactly one effect; the losers read the winner's record and replay its first answer.
 *
 * The record keeps the canonical first result (`result`: the created entity or the snapshot its
 * answer was rendered from), never a dialect's rendering. Records written before that kept the
 * rendered response (`response`); they replay as they are until they expire.
 */
import { createHash } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { Conflict, IdempotencyMismatch } from '../ledger/errors.js';
import { countMetric } from '../metrics.js';
import { db, tableName } from './client.js';
import { keys } from './keys.js';
import { ConditionFailed, KEY_RECORD, type TransactItem, type TxItems } from './tx.js';

const RETENTION_SECONDS = 48 * 3600;
/** Retention of keys that must never be reused (about a century: DynamoDB's TTL never reaches them). */
export const KEEP_FOR_GOOD_SECONDS = 100 * 365 * 86_400;

export interface IdempotencyKey {
  tenant: string;
  /** The operation the key belongs to, e.g. `accounts.payment`. */
  scope: string;
  key: string;
  requestHash: string;
  /** How long the key is kept; default 48 h. A document's own identity (a CFDI UUID) is kept for good. */
  retentionSeconds?: number;
}

/** A rendered answer, as records written before canonical results kept it. */
export interface StoredResponse {
  status: number;
  data: unknown;
  meta?: Record<string, unknown>;
  message?: string;
}

interface IdempotencyRecord {
  requestHash: string;
  resourceId: string;
  result?: unknown;
  /** Records written before canonical results: the rendered first response. */
  response?: StoredResponse;
  expiresAt: number;
}

/** What a replay answers from: the canonical first result, or a legacy record's rendered response. */
export type FirstAnswer<T> = { result: T } | { response: StoredResponse };

/** A stable hash of the normalized request: key order does not matter, values do. */
export function requestHash(request: unknown): string {
  return createHash('sha256').update(stableJson(request)).digest('hex');
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function putRecord(k: IdempotencyKey, resourceId: string, result: unknown, now: Date): TransactItem {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  return {
    Put: {
      TableName: tableName(),
      Item: {
        ...keys.idempotency(k.tenant, k.scope, k.key),
        type: 'IDEMPOTENCY',
        tenant: k.tenant,
        requestHash: k.requestHash,
        resourceId,
        result,
        createdAt: now.toISOString(),
        expiresAt: nowSeconds + (k.retentionSeconds ?? RETENTION_SECONDS),
      },
      // An expired record that TTL has not swept yet no longer counts.
      ConditionExpression: 'attribute_not_exists(pk) OR expiresAt < :now',
      ExpressionAttributeValues: { ':now': nowSeconds },
    },
  };
}

async function readRecord(k: IdempotencyKey, now: Date): Promise<IdempotencyRecord | undefined> {
  const { Item } = await db().send(
    new GetCommand({ TableName: tableName(), Key: keys.idempotency(k.tenant, k.scope, k.key), ConsistentRead: true }),
  );
  const record = Item as IdempotencyRecord | undefined;
  return record && record.expiresAt >= Math.floor(now.getTime() / 1000) ? record : undefined;
}

export { KEY_RECORD };

/** Builds the key record's transaction items around the canonical result to keep (none without a key). */
export type ResultRecord<T> = (result: T) => TxItems;

export type IdempotentOutcome<R> = { replayed: false; response: R } | { replayed: true; first: FirstAnswer<R> };

/**
 * Runs `create` at most once per key. `create` must put `keyRecord(result)` in its transaction,
 * where `result` is the canonical first result: the key record, the change and its audit entry
 * commit together, and nothing is written afterwards. A replay gets it back (a dialect may complete
 * it with live data, e.g. the accounts statement); the same key with a different request is an
 * IdempotencyMismatch.
 */
export async function idempotent<R>(
  k: IdempotencyKey | undefined,
  create: (keyRecord: ResultRecord<R>, resourceId: string) => Promise<R>,
  newResourceId: () => string,
  now = new Date(),
): Promise<IdempotentOutcome<R>> {
  const resourceId = newResourceId();
  if (!k) return { replayed: false, response: await create(() => [], resourceId) };

  const existing = await readRecord(k, now);
  if (existing) return replayed(k, existing);

  try {
    const keyRecord: ResultRecord<R> = (result) => [[KEY_RECORD, putRecord(k, resourceId, result, now)]];
    return { replayed: false, response: await create(keyRecord, resourceId) };
  } catch (error) {
    // A concurrent duplicate may have committed first: its key record failed ours, or this attempt
    // decided on the state it left (a reversal finds the payment already reversed; the documents it
    // paid no longer owe), so any failure is checked against the record. Answer what it stored.
    const lostKeyRace = error instanceof ConditionFailed && error.on(KEY_RECORD);
    let winner: IdempotencyRecord | undefined;
    try {
      winner = await readRecord(k, now);
    } catch (readError) {
      // The record is there but unreadable now (the store is down, the deadline passed): an unknown
      // outcome to the client, answered as the store fault (503, retry); never the raw condition (500).
      throw lostKeyRace ? readError : error;
    }
    if (winner) return replayed(k, winner);
    // A record that failed ours yet is gone (expired meanwhile): retryable, not a 500.
    if (lostKeyRace) throw new Conflict('A request with this Idempotency-Key was being processed; retry');
    throw error;
  }
}

function replayed<R>(k: IdempotencyKey, record: IdempotencyRecord): IdempotentOutcome<R> {
  const first = replay<R>(k, record);
  countMetric('IdempotentReplays');
  return { replayed: true, first };
}

function replay<R>(k: IdempotencyKey, record: IdempotencyRecord): FirstAnswer<R> {
  if (record.requestHash !== k.requestHash) {
    throw new IdempotencyMismatch();
  }
  return 'result' in record ? { result: record.result as R } : { response: record.response as StoredResponse };
}
