/**
 * Exactly-once and no lost updates under concurrency: many requests at once against one entity and
 * one day, through the handler modules, against DynamoDB Local.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../shared/store/audit.js';
import { db, tableName } from '../../shared/store/client.js';
import { indexKeys, keys } from '../../shared/store/keys.js';
import { created, history, type Network, network, pay, paymentBody, reverse, statement, uniqueKey } from './accounts-fixtures.js';

let n: Network;

beforeAll(async () => {
  n = await network();
});

async function allHistory(tokenValue: string, query: Record<string, string>) {
  const items: { id: string; amount: number; isReversed: boolean; type: string }[] = [];
  for (let page = 1; ; page++) {
    const res = await history(tokenValue, { ...query, page, pageSize: 100 });
    expect(res.status, res.text).toBe(200);
    items.push(...res.body.data);
    if (!res.body.meta.hasNextPage) return { items, total: res.body.meta.total as number };
  }
}

/** Idempotency records of a key (there is exactly one item per key by construction; read it back). */
async function keyRecord(tenant: string, key: string) {
  const k = keys.idempotency(tenant, 'accounts.payment', key);
  const result = await db().send(
    new QueryCommand({ TableName: tableName(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': k.pk }, ConsistentRead: true }),
  );
  return result.Items ?? [];
}

describe('concurrency', () => {
  it('concurrent first payments of a new day all count in one statement: one accountStatementId (issue 13 item 10)', async () => {
    const day = '2024-08-20';
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => pay(n.tokens.admin, paymentBody({ ventanaId: n.V2 }, { date: day, amount: 10 + i }))));
    for (const res of results) expect(res.status, res.text).toBe(201);
    const read = await statement(n.tokens.admin, { date: day, ventanaId: n.V2 });
    expect(read.body.data.totalPaid).toBe(results.reduce((sum, _, i) => sum + 10 + i, 0));
    expect(new Set(results.map((res) => res.body.data.payment.accountStatementId))).toEqual(new Set([read.body.data.id]));
  });

  it('100 concurrent creates (different keys) on one entity and day: all 201, totals exact', { timeout: 120_000 }, async () => {
    const day = '2024-08-01';
    const started = Date.now();
    // Amounts with cents and both types, so the check is on exact integer arithmetic.
    const bodies = Array.from({ length: 100 }, (_, i) =>
      paymentBody({ ventanaId: n.V1 }, {
        date: day,
        time: `${String(i % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`,
        amount: 1000 + i + (i % 7) / 100,
        type: i % 4 === 0 ? 'collection' : 'payment',
        idempotencyKey: uniqueKey(`c100-${i}`),
      }),
    );
    const results = await Promise.all(bodies.map((body, i) => pay(i % 2 ? n.tokens.ventana : n.tokens.banca, body)));
    const elapsed = Date.now() - started;
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s !== 201), results.find((r) => r.status !== 201)?.text).toEqual([]);

    const cents = (v: number) => Math.round(v * 100);
    const paid = bodies.filter((b) => b.type === 'payment').reduce((sum, b) => sum + cents(b.amount as number), 0);
    const collected = bodies.filter((b) => b.type === 'collection').reduce((sum, b) => sum + cents(b.amount as number), 0);
    const s = (await statement(n.tokens.admin, { date: day, ventanaId: n.V1 })).body.data;
    expect(cents(s.totalPaid)).toBe(paid);
    expect(cents(s.totalCollected)).toBe(collected);
    expect(cents(s.remainingBalance)).toBe(collected - paid);

    // Every payment is there exactly once, and the per-day count matches.
    const listed = await allHistory(n.tokens.admin, { ventanaId: n.V1, from: day, to: day });
    expect(listed.total).toBe(100);
    expect(new Set(listed.items.map((p) => p.id)).size).toBe(100);
    expect(new Set(results.map((r) => r.body.data.payment.id))).toEqual(new Set(listed.items.map((p) => p.id)));
    console.info(`100 concurrent creates: ${elapsed} ms`);
  });

  it('50 concurrent identical requests (one key): one payment, one statement change, 49 cached replays, no 5xx', { timeout: 120_000 }, async () => {
    const day = '2024-08-02';
    const key = uniqueKey('same');
    const body = paymentBody({ vendedorId: n.S1 }, { date: day, amount: 12345.67, idempotencyKey: key, notes: 'Liquidación' });
    const started = Date.now();
    const results = await Promise.all(Array.from({ length: 50 }, () => pay(n.tokens.ventana, body)));
    const elapsed = Date.now() - started;

    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(49);
    const first = results.find((r) => r.status === 201)!;
    for (const r of results.filter((x) => x.status === 200)) {
      expect(r.body).toEqual({ success: true, data: first.body.data, meta: { cached: true } });
    }

    const s = (await statement(n.tokens.ventana, { date: day, vendedorId: n.S1 })).body.data;
    expect(s.totalPaid).toBe(12345.67);
    const listed = await allHistory(n.tokens.ventana, { vendedorId: n.S1, from: day, to: day });
    expect(listed.items.map((p) => p.id)).toEqual([first.body.data.payment.id]);
    expect((await keyRecord(n.tenant, key)).length).toBe(1);
    const audit = await listAudit(n.tenant, first.body.data.payment.id, 10);
    expect(audit.items.map((e) => e.action)).toEqual(['ACCOUNT_PAYMENT_CREATE']);
    console.info(`50 concurrent identical creates: ${elapsed} ms`);
  });

  it('concurrent creates, reversals and replays mixed: totals equal the non-reversed payments', { timeout: 120_000 }, async () => {
    const day = '2024-08-03';
    const seed = await Promise.all(
      Array.from({ length: 20 }, (_, i) => created(pay(n.tokens.admin, paymentBody({ ventanaId: n.V2 }, { date: day, amount: 100 + i })))),
    );
    const toReverse = seed.filter((_, i) => i % 3 === 0).map((p) => p.payment.id);
    const replayBody = paymentBody({ ventanaId: n.V2 }, { date: day, amount: 5, idempotencyKey: uniqueKey('mixed') });
    const ops = [
      ...toReverse.flatMap((id) => [reverse(n.tokens.admin, { paymentId: id, reason: 'Reverso masivo' }), reverse(n.tokens.banca, { paymentId: id, reason: 'Reverso doble' })]),
      ...Array.from({ length: 20 }, (_, i) => pay(n.tokens.banca, paymentBody({ ventanaId: n.V2 }, { date: day, amount: 1 + i, type: i % 2 ? 'collection' : 'payment' }))),
      ...Array.from({ length: 10 }, () => pay(n.tokens.admin, replayBody)),
    ];
    const results = await Promise.all(ops);
    expect(results.filter((r) => r.status >= 500)).toEqual([]);
    // Each doubly-reversed payment: one 200 and one PAYMENT_ALREADY_REVERSED.
    const reversals = results.slice(0, toReverse.length * 2);
    expect(reversals.filter((r) => r.status === 200)).toHaveLength(toReverse.length);
    expect(reversals.filter((r) => r.status === 400 && r.body.meta.code === 'PAYMENT_ALREADY_REVERSED')).toHaveLength(toReverse.length);

    const listed = await allHistory(n.tokens.admin, { ventanaId: n.V2, from: day, to: day });
    expect(listed.total).toBe(20 + 20 + 1);
    const live = listed.items.filter((p) => !p.isReversed);
    const cents = (v: number) => Math.round(v * 100);
    const sum = (type: string) => live.filter((p) => p.type === type).reduce((total, p) => total + cents(p.amount), 0);
    const s = (await statement(n.tokens.admin, { date: day, ventanaId: n.V2 })).body.data;
    expect(cents(s.totalPaid)).toBe(sum('payment'));
    expect(cents(s.totalCollected)).toBe(sum('collection'));
    expect(listed.items.filter((p) => p.isReversed).map((p) => p.id).sort()).toEqual([...toReverse].sort());
  });

  it('statement items stay one per entity and day', async () => {
    const result = await db().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': indexKeys.statements(n.tenant, n.V1) },
        ConsistentRead: true,
      }),
    );
    const days = (result.Items ?? []).map((i) => i.sk);
    expect(days).toEqual([...new Set(days)]);
    expect(result.Items?.find((i) => i.sk === '2024-08-01')).toMatchObject({ paymentCount: 100, type: 'STATEMENT', entityKind: 'ventana' });
  });
});
