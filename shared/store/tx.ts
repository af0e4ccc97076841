/**
 * Transactions with the retries DynamoDB asks for: a TransactionConflict (another transaction
 * touched the same item) is retried with jittered backoff; a failed condition is reported with the
 * index of the item whose condition failed, so callers can turn it into a domain answer.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { Conflict } from '../ledger/errors.js';
import { db } from './client.js';
import { storeUnavailable } from './faults.js';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** Items of one transaction, each named so a failed condition can be told by name, not position. */
export type TxItems = ReadonlyArray<readonly [name: string, item: TransactItem]>;

/** An item as DynamoDB returned it with a failed condition (attribute values in their wire form). */
export type WireItem = Record<string, Record<string, unknown>>;

export class ConditionFailed extends Error {
  constructor(
    readonly failed: readonly string[],
    /** What each failed item held, for items that ask for it (ReturnValuesOnConditionCheckFailure). */
    readonly held: Readonly<Record<string, WireItem>> = {},
  ) {
    super(`transaction condition failed: ${failed.join(', ')}`);
    this.name = 'ConditionFailed';
  }
  /** Whether the named item is one whose condition failed. */
  on(name: string): boolean {
    return this.failed.includes(name);
  }
}

/** The name under which an idempotency key record travels in a transaction (see idempotency.ts). */
export const KEY_RECORD = 'idempotencyKey';

const MAX_ATTEMPTS = 20;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `attempts`: how many times a conflicting transaction is tried (1: the caller handles conflicts itself). */
export async function transact(items: TxItems, attempts = MAX_ATTEMPTS): Promise<{ consumedWriteCapacity: number }> {
  // Conflicts past the full budget: the store is overloaded (Unavailable); a caller with a budget of its own handles them.
  const exhausted = (error: unknown) => (attempts < MAX_ATTEMPTS ? error : storeUnavailable(error));
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await db().send(
        new TransactWriteCommand({ TransactItems: items.map(([, item]) => item), ReturnConsumedCapacity: 'TOTAL' }),
      );
      const consumedWriteCapacity = (result.ConsumedCapacity ?? []).reduce((sum, c) => sum + (c.CapacityUnits ?? 0), 0);
      return { consumedWriteCapacity };
    } catch (error) {
      const name = (error as { name?: string }).name;
      if (error instanceof TransactionCanceledException || name === 'TransactionCanceledException') {
        const reasons = (error as TransactionCanceledException).CancellationReasons ?? [];
        const failedAt = reasons.flatMap((r, i) => (r.Code === 'ConditionalCheckFailed' ? [i] : []));
        const nameOf = (i: number) => items[i]?.[0] ?? String(i);
        const held = Object.fromEntries(failedAt.flatMap((i) => (reasons[i]?.Item ? [[nameOf(i), reasons[i]!.Item as unknown as WireItem]] : [])));
        if (failedAt.length > 0) throw new ConditionFailed(failedAt.map(nameOf), held);
        const conflicted = reasons.some((r) => r.Code === 'TransactionConflict' || r.Code === 'ThrottlingError');
        if (!conflicted) throw error;
        if (attempt >= attempts) throw exhausted(error);
      } else if (name !== 'TransactionInProgressException') {
        throw error;
      } else if (attempt >= attempts) {
        throw exhausted(error);
      }
      await sleep(Math.random() * Math.min(400, 10 * 2 ** attempt));
    }
  }
}

const OPTIMISTIC_ATTEMPTS = 40;

/**
 * Read-modify-write with optimistic concurrency: `attempt` reads, decides and writes with a version
 * condition on the item named `guarded` (or on any item `guarded` accepts); when another writer got
 * there first it runs again on the fresh state. Concurrent writers are thus applied one after another
 * and none is lost. After many lost races the caller gets a 409, never a 500.
 */
export async function optimistic<T>(guarded: string | ((failed: ConditionFailed) => boolean), attempt: () => Promise<T>): Promise<T> {
  const lost = typeof guarded === 'string' ? (failed: ConditionFailed) => failed.on(guarded) : guarded;
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      // A failed key record means a duplicate of this request committed: idempotency answers it, no retry.
      if (!(error instanceof ConditionFailed && lost(error)) || error.on(KEY_RECORD)) throw error;
      if (i >= OPTIMISTIC_ATTEMPTS) throw new Conflict('Too many concurrent changes; retry');
      await sleep(Math.random() * Math.min(200, 5 * 2 ** Math.min(i, 6)));
    }
  }
}
