/**
 * Running totals stay exact integers: every aggregate ADD is conditional on its slot staying within
 * the series' limit, and a change refused there is a 422 with nothing written (not a 500, not a
 * total that silently lost precision).
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { TOTAL_LIMIT } from '../../shared/store/aggregates/tree.js';
import { db, tableName } from '../../shared/store/client.js';
import { keys } from '../../shared/store/keys.js';
import { history, network, pay, statement } from './accounts-fixtures.js';

describe('aggregate totals are bounded', () => {
  it('a payment that would take the running balance past the exact-integer limit is 422 and writes nothing', async () => {
    const n = await network();
    const dim = { vendedorId: n.S1 };
    const first = await pay(n.tokens.admin, { ...dim, date: '2024-03-01', time: '09:00', amount: 10, type: 'collection', method: 'cash' });
    expect(first.status, first.text).toBe(201);
    // The year 2024's slot at the root already holds (almost) all an exact total can.
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.aggregate(n.tenant, `ACCT_DAYS_${n.S1}`, 0, ''),
        UpdateExpression: 'SET n2024 = :near',
        ExpressionAttributeValues: { ':near': TOTAL_LIMIT - 500 },
      }),
    );
    const refused = await pay(n.tokens.admin, { ...dim, date: '2024-03-02', time: '09:00', amount: 10, type: 'collection', method: 'cash' });
    expect(refused.status, refused.text).toBe(422);
    const listed = await history(n.tokens.admin, { ...dim, page: 1, pageSize: 10 });
    expect(listed.body.meta.total).toBe(1);
    const day = await statement(n.tokens.admin, { ...dim, date: '2024-03-02' });
    expect(day.body.data.totalCollected).toBe(0);
  });
});
