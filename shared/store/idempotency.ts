/**
 * One idempotency mechanism for every create in Caja (SPEC §4). A key is scoped to the tenant and
 * the operation, kept 48 h (TTL), and stored with a hash of the normalized request. The key record
 * is put inside the creating transaction with attribute_not_exists, so concurrent duplicates
 * produce exactly one effect; the losers read the winner's record and replay its response.
 */
import { createHash } from 'node:crypto';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { AppError } from '../errors.js';
import { db, tableName } from './client.js';
import { keys } from './keys.js';
import { ConditionFailed, type TransactItem, type TxItems } from './tx.js';

const RETENTION_SECONDS = 48 * 3600;
const REPLAY_WAIT_MS = 3000;

export interface IdempotencyKey {
  tenant: string;
  /** The operation the key belongs to, e.g. `accounts.payment`. */
  scope: string;
  key: string;
  requestHash: string;
}

export interface StoredResponse {
  status: number;
  data: unknown;
  meta?: Record<string, unknown>;
  message?: string;
}

interface IdempotencyRecord {
  requestHash: string;
  resourceId: string;
  response?: StoredResponse;
  expiresAt: number;
}

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

function putRecord(k: IdempotencyKey, resourceId: string, now: Date): TransactItem {
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
        createdAt: now.toISOString(),
        expiresAt: nowSeconds + RETENTION_SECONDS,
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

export type IdempotentOutcome = { replayed: false; response: StoredResponse } | { replayed: true; response: StoredResponse };

/** The name under which the key record travels in a transaction (see tx.ts). */
export const KEY_RECORD = 'idempotencyKey';

/**
 * Runs `create` at most once per key. `create` receives the key record's transaction items (none
 * without a key) and must include them in its transaction; it returns its response. `rebuild` renders a response from the resource id, for the rare
 * replay that arrives between the winner's commit and the moment it stored its response.
 */
export async function idempotent(
  k: IdempotencyKey | undefined,
  create: (keyRecord: TxItems, resourceId: string) => Promise<StoredResponse>,
  rebuild: (resourceId: string) => Promise<StoredResponse>,
  newResourceId: () => string,
  now = new Date(),
): Promise<IdempotentOutcome> {
  const resourceId = newResourceId();
  if (!k) return { replayed: false, response: await create([], resourceId) };

  const existing = await readRecord(k, now);
  if (existing) return { replayed: true, response: await replay(k, existing, rebuild) };

  const keyRecord: TxItems = [[KEY_RECORD, putRecord(k, resourceId, now)]];
  try {
    const response = await create(keyRecord, resourceId);
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.idempotency(k.tenant, k.scope, k.key),
        UpdateExpression: 'SET #response = :response',
        ExpressionAttributeNames: { '#response': 'response' },
        ExpressionAttributeValues: { ':response': response },
      }),
    );
    return { replayed: false, response };
  } catch (error) {
    if (!(error instanceof ConditionFailed && error.on(KEY_RECORD))) throw error;
    const winner = await readRecord(k, now);
    if (!winner) throw error;
    return { replayed: true, response: await replay(k, winner, rebuild) };
  }
}

async function replay(
  k: IdempotencyKey,
  record: IdempotencyRecord,
  rebuild: (resourceId: string) => Promise<StoredResponse>,
): Promise<StoredResponse> {
  if (record.requestHash !== k.requestHash) {
    throw new AppError(422, 'IDEMPOTENCY_KEY_REUSED', 'Idempotency key was already used with a different request');
  }
  const deadline = Date.now() + REPLAY_WAIT_MS;
  let current: IdempotencyRecord | undefined = record;
  while (!current?.response && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    current = await readRecord(k, new Date());
  }
  return current?.response ?? rebuild(record.resourceId);
}
