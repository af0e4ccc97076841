/**
 * A create or change that lost its Idempotency-Key race (another request's key record failed ours)
 * answers the winner's result when the record reads back, and otherwise a retryable answer: never
 * the raw failed condition, which would be a 500 (seen in `npm run bench:racers` on a loaded machine:
 * the request deadline had passed when the record was read). The lost race itself is stubbed (the
 * `create` callback throws what the transaction would); the record reads go to DynamoDB Local.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { Conflict, Unavailable } from '../../shared/ledger/errors.js';
import { withRequestDeadline } from '../../shared/store/budget.js';
import { idempotent, requestHash } from '../../shared/store/idempotency.js';
import { ConditionFailed, KEY_RECORD, transact } from '../../shared/store/tx.js';
import { newTenant } from '../support/index.js';

const keyOf = () => ({ tenant: newTenant(), scope: 'test.lost-race', key: `k-${randomUUID()}`, requestHash: requestHash({ amount: 1 }) });
const lostKeyRace = () => new ConditionFailed([KEY_RECORD]);
const DEADLINE_MS = 1_000;

describe('a lost Idempotency-Key race', () => {
  it("answers the winner's result when its record reads back", async () => {
    const k = keyOf();
    const outcome = await idempotent<string>(
      k,
      async () => {
        // The winner commits its key record between this request's first read and its transaction.
        await idempotent<string>(k, async (keyRecord) => (await transact(keyRecord('winner')), 'winner'), () => 'id-winner');
        throw lostKeyRace();
      },
      () => 'id-loser',
    );
    expect(outcome).toEqual({ replayed: true, first: { result: 'winner' } });
  });

  it('answers the store fault (503, retry) when the record cannot be read, not the raw condition', async () => {
    const k = keyOf();
    const attempt = withRequestDeadline(DEADLINE_MS, () =>
      idempotent<string>(k, async () => {
        await sleep(DEADLINE_MS + 100); // the deadline passes while the transaction runs
        throw lostKeyRace();
      }, () => 'id-1'),
    );
    await expect(attempt).rejects.toBeInstanceOf(Unavailable);
  });

  it('answers a retryable 409 when no record is left', async () => {
    await expect(idempotent<string>(keyOf(), async () => { throw lostKeyRace(); }, () => 'id-1')).rejects.toBeInstanceOf(Conflict);
  });

  it("keeps any other failure's own answer when the record cannot be read", async () => {
    const own = new Conflict('Payment is already reversed', 'PAYMENT_ALREADY_REVERSED');
    const attempt = withRequestDeadline(DEADLINE_MS, () =>
      idempotent<string>(keyOf(), async () => {
        await sleep(DEADLINE_MS + 100);
        throw own;
      }, () => 'id-1'),
    );
    await expect(attempt).rejects.toBe(own);
  });
});
