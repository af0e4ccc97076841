/** Activity, statements and payment history of the accounts API, through the handlers. */
import { beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../shared/store/audit.js';
import { token } from '../support/index.js';
import {
  activity,
  created,
  dayOffset,
  expectError,
  history,
  type Network,
  network,
  pay,
  paymentBody,
  reverse,
  statement,
  today,
} from './accounts-fixtures.js';

let n: Network;

beforeAll(async () => {
  n = await network();
});

describe('POST /api/v1/accounts/activity (ADMIN)', () => {
  it('sets the day (SET, not ADD), answers the statement and audits before/after', async () => {
    const day = '2024-02-01';
    const first = await activity(n.tokens.admin, { date: day, bancaId: n.B1, totalSales: 1000, totalPayouts: 200, commission: 50 });
    expect(first.status, first.text).toBe(200);
    expect(first.body).toEqual({
      success: true,
      data: {
        id: expect.any(String),
        date: day,
        month: '2024-02',
        bancaId: n.B1,
        ventanaId: null,
        vendedorId: null,
        bancaName: 'Banca Central',
        ventanaName: null,
        vendedorName: null,
        totalSales: 1000,
        totalPayouts: 200,
        commission: 50,
        listeroCommission: 50,
        vendedorCommission: 0,
        balance: 750,
        totalPaid: 0,
        totalCollected: 0,
        totalPaymentsCollections: 0,
        remainingBalance: 750,
        accumulatedBalance: 750,
        isSaldado: false,
        isSettled: false,
        settledAt: null,
        canEdit: true,
        ticketCount: 0,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      },
    });
    const second = await activity(n.tokens.admin, { date: day, bancaId: n.B1, totalSales: 800.5, totalPayouts: 100, commission: 40 });
    expect(second.body.data).toMatchObject({ id: first.body.data.id, totalSales: 800.5, balance: 660.5 });

    const audit = await listAudit(n.tenant, n.B1, 10);
    const sets = audit.items.filter((e) => e.action === 'ACCOUNT_ACTIVITY_SET');
    expect(sets).toHaveLength(2);
    expect(sets[0]).toMatchObject({ before: { totalSales: 100000, totalPayouts: 20000, commission: 5000 }, after: { totalSales: 80050 } });
    expect(sets[1]).toMatchObject({ before: { totalSales: 0 }, after: { totalSales: 100000 } });
  });

  it('is ADMIN only, validates figures and dates, and needs an existing entity', async () => {
    const body = { date: '2024-02-02', ventanaId: n.V1, totalSales: 1, totalPayouts: 0, commission: 0 };
    for (const t of [n.tokens.banca, n.tokens.ventana, n.tokens.vendedor]) expectError(await activity(t, body), 403, 'FORBIDDEN');
    expectError(await activity(n.tokens.admin, { ...body, commission: -1 }), 400, 'VALIDATION_ERROR');
    expectError(await activity(n.tokens.admin, { ...body, totalSales: 0.001 }), 400, 'VALIDATION_ERROR');
    expectError(await activity(n.tokens.admin, { ...body, date: dayOffset(1) }), 400, 'FUTURE_DATE');
    const { ventanaId: _v, ...none } = body;
    expectError(await activity(n.tokens.admin, none), 400, 'MISSING_DIMENSION');
    expectError(await activity(n.tokens.admin, { ...body, ventanaId: '424242' }), 404, 'NOT_FOUND');
  });

  it('concurrent activity sets on one day all land, one after the other (no lost before/after)', async () => {
    const day = '2024-02-03';
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => activity(n.tokens.admin, { date: day, ventanaId: n.V2, totalSales: 100 * (i + 1), totalPayouts: 0, commission: 0 })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(200));
    const audit = await listAudit(n.tenant, n.V2, 50);
    const sets = audit.items.filter((e) => e.action === 'ACCOUNT_ACTIVITY_SET' && e.details?.date === day).reverse();
    expect(sets).toHaveLength(8);
    // Each entry's `before` is the previous entry's `after`: a chain, nothing overwritten unseen.
    for (let i = 1; i < sets.length; i++) expect(sets[i]!.before).toEqual(sets[i - 1]!.after);
    const s = await statement(n.tokens.admin, { date: day, ventanaId: n.V2 });
    expect(s.body.data.totalSales * 100).toBe((sets.at(-1)!.after as { totalSales: number }).totalSales);
  });
});

describe('GET /api/v1/accounts/statement', () => {
  it('a day without anything is all zeros (id null); it carries the earlier remaining balance', async () => {
    const s = await statement(n.tokens.banca, { date: '2023-05-05', vendedorId: n.S2 });
    expect(s.status, s.text).toBe(200);
    expect(s.body).toEqual({
      success: true,
      data: {
        id: null,
        date: '2023-05-05',
        month: '2023-05',
        bancaId: null,
        ventanaId: null,
        vendedorId: n.S2,
        bancaName: null,
        ventanaName: null,
        vendedorName: 'Ana Solís',
        totalSales: 0,
        totalPayouts: 0,
        commission: 0,
        listeroCommission: 0,
        vendedorCommission: 0,
        balance: 0,
        totalPaid: 0,
        totalCollected: 0,
        totalPaymentsCollections: 0,
        remainingBalance: 0,
        accumulatedBalance: 0,
        isSaldado: false,
        isSettled: false,
        settledAt: null,
        canEdit: true,
        ticketCount: 0,
        createdAt: null,
        updatedAt: null,
      },
    });
  });

  it('later days follow when an earlier day changes (a backdated payment, a corrected activity)', async () => {
    const [d1, d2, d3] = ['2024-01-10', '2024-01-11', '2024-01-13'];
    await activity(n.tokens.admin, { date: d1, vendedorId: n.S1, totalSales: 1000, totalPayouts: 100, commission: 50 }); // +850
    await activity(n.tokens.admin, { date: d2, vendedorId: n.S1, totalSales: 500, totalPayouts: 0, commission: 25 }); // +475
    await created(pay(n.tokens.ventana, paymentBody({ vendedorId: n.S1 }, { date: d2, amount: 600 }))); // −600
    const remaining = async (date: string) => (await statement(n.tokens.ventana, { date, vendedorId: n.S1 })).body.data.remainingBalance;
    expect(await remaining(d1)).toBe(850);
    expect(await remaining(d2)).toBe(725);
    expect(await remaining('2024-01-12')).toBe(725);
    expect(await remaining(d3)).toBe(725);

    // Backdated payment on d1: d1, d2 and every later day move by −200.
    const back = await created(pay(n.tokens.ventana, paymentBody({ vendedorId: n.S1 }, { date: d1, amount: 200 })));
    expect(back.statement).toMatchObject({ date: d1, totalPaid: 200, remainingBalance: 650 });
    expect(await remaining(d2)).toBe(525);
    expect(await remaining(d3)).toBe(525);

    // A corrected activity on d1 too, and a reversal on d2.
    await activity(n.tokens.admin, { date: d1, vendedorId: n.S1, totalSales: 1100, totalPayouts: 100, commission: 50 }); // +100
    expect(await remaining(d3)).toBe(625);
    const p = (await history(n.tokens.ventana, { vendedorId: n.S1, from: d2, to: d2 })).body.data[0];
    await reverse(n.tokens.ventana, { paymentId: p.id, reason: 'Pago mal aplicado' });
    expect(await remaining(d3)).toBe(1225);
  });

  it('within the scope only: VENDEDOR reads its own account; others are 403; other tenants 404', async () => {
    expect((await statement(n.tokens.vendedor, { date: '2024-01-10' })).body.data.vendedorId).toBe(n.S1);
    expect((await statement(n.tokens.vendedor, { date: '2024-01-10', vendedorId: n.S1 })).status).toBe(200);
    expectError(await statement(n.tokens.vendedor, { date: '2024-01-10', vendedorId: n.S2 }), 403, 'FORBIDDEN');
    expectError(await statement(n.tokens.vendedor, { date: '2024-01-10', ventanaId: n.V1 }), 403, 'FORBIDDEN');
    expectError(await statement(n.tokens.ventana, { date: '2024-01-10', vendedorId: n.S2 }), 403, 'FORBIDDEN');
    expectError(await statement(n.tokens.ventana, { date: '2024-01-10', bancaId: n.B1 }), 403, 'FORBIDDEN');
    expectError(await statement(n.tokens.banca, { date: '2024-01-10', ventanaId: n.V3 }), 403, 'FORBIDDEN');
    expectError(await statement(n.tokens.banca2, { date: '2024-01-10', vendedorId: n.S1 }), 403, 'FORBIDDEN');
    const other = await network();
    expectError(await statement(other.tokens.admin, { date: '2024-01-10', vendedorId: n.S1 }), 404, 'NOT_FOUND');
  });

  it('validates: one dimension, a real past date (today by default), nothing unknown', async () => {
    expectError(await statement(n.tokens.admin, { date: '2024-01-10' }), 400, 'MISSING_DIMENSION');
    expectError(await statement(n.tokens.admin, { date: '2024-01-10', ventanaId: n.V1, vendedorId: n.S1 }), 400, 'VALIDATION_ERROR');
    expectError(await statement(n.tokens.admin, { date: dayOffset(1), ventanaId: n.V1 }), 400, 'FUTURE_DATE');
    expectError(await statement(n.tokens.admin, { date: '2024-1-10', ventanaId: n.V1 }), 400, 'VALIDATION_ERROR');
    expectError(await statement(n.tokens.admin, { ventanaId: n.V1, tenant: 'x' }), 400, 'VALIDATION_ERROR');
    expect((await statement(n.tokens.admin, { ventanaId: n.V1 })).body.data.date).toBe(today());
  });

  it('writes an ACCOUNT_STATEMENT_VIEW activity entry', async () => {
    const viewer = await token({ role: 'BANCA', tenant: n.tenant, party: n.B1, sub: 'auditor-banca' });
    await statement(viewer, { date: '2024-01-20', ventanaId: n.V2 });
    const audit = await listAudit(n.tenant, n.V2, 50);
    expect(audit.items).toContainEqual(
      expect.objectContaining({ action: 'ACCOUNT_STATEMENT_VIEW', actor: 'auditor-banca', details: { entityKind: 'ventana', date: '2024-01-20' } }),
    );
  });
});

describe('GET /api/v1/accounts/payments', () => {
  let h: Network;
  const ids: string[] = []; // newest first

  beforeAll(async () => {
    h = await network();
    // 8 payments over 3 days, created out of order; expected order: date desc, time desc.
    const plan: [string, string][] = [
      ['2024-04-02', '09:00'],
      ['2024-04-01', '08:00'],
      ['2024-04-05', '10:00'],
      ['2024-04-02', '18:30'],
      ['2024-04-05', '07:15'],
      ['2024-04-01', '23:59'],
      ['2024-04-05', '10:00'],
      ['2024-04-02', '12:00'],
    ];
    const made: { id: string; key: string }[] = [];
    for (const [i, [date, time]] of plan.entries()) {
      const p = await created(pay(h.tokens.ventana, paymentBody({ ventanaId: h.V1 }, { date, time, amount: i + 1 })));
      made.push({ id: p.payment.id, key: `${date}T${time}#${p.payment.id}` });
    }
    ids.push(...made.sort((a, b) => (a.key < b.key ? 1 : -1)).map((m) => m.id));
    // Someone else's payments never show up.
    await created(pay(h.tokens.admin, paymentBody({ ventanaId: h.V2 }, { date: '2024-04-02' })));
    await created(pay(h.tokens.ventana, paymentBody({ vendedorId: h.S1 }, { date: '2024-04-02' })));
  });

  it('lists newest first with paging info in meta', async () => {
    const res = await history(h.tokens.ventana, { ventanaId: h.V1 });
    expect(res.status, res.text).toBe(200);
    expect(res.body.data.map((p: { id: string }) => p.id)).toEqual(ids);
    expect(res.body.meta).toEqual({ page: 1, pageSize: 20, total: 8, totalPages: 1, hasNextPage: false });
    expect(res.body.data[0]).toMatchObject({ ventanaId: h.V1, date: '2024-04-05', time: '10:00', type: 'payment', isReversed: false });
  });

  it('pages of every size walk the same order, across day boundaries', async () => {
    for (const pageSize of [1, 2, 3, 5, 7, 8, 100]) {
      const seen: string[] = [];
      const totalPages = Math.ceil(8 / pageSize);
      for (let page = 1; page <= totalPages + 1; page++) {
        const res = await history(h.tokens.ventana, { ventanaId: h.V1, page, pageSize });
        expect(res.body.meta).toMatchObject({ page, pageSize, total: 8, totalPages, hasNextPage: page < totalPages });
        if (page > totalPages) expect(res.body.data).toEqual([]);
        seen.push(...res.body.data.map((p: { id: string }) => p.id));
      }
      expect(seen).toEqual(ids);
    }
  });

  it('filters by from/to (inclusive) and pages within the range', async () => {
    const res = await history(h.tokens.ventana, { ventanaId: h.V1, from: '2024-04-02', to: '2024-04-02', pageSize: 2 });
    expect(res.body.meta).toMatchObject({ total: 3, totalPages: 2 });
    const page2 = await history(h.tokens.ventana, { ventanaId: h.V1, from: '2024-04-02', to: '2024-04-02', pageSize: 2, page: 2 });
    expect([...res.body.data, ...page2.body.data].map((p: { id: string }) => p.id)).toEqual(ids.slice(3, 6));
    const from = await history(h.tokens.ventana, { ventanaId: h.V1, from: '2024-04-02' });
    expect(from.body.data.map((p: { id: string }) => p.id)).toEqual(ids.slice(0, 6));
    const to = await history(h.tokens.ventana, { ventanaId: h.V1, to: '2024-04-02', page: 2, pageSize: 2 });
    expect(to.body.data.map((p: { id: string }) => p.id)).toEqual(ids.slice(5, 7));
    expect((await history(h.tokens.ventana, { ventanaId: h.V1, from: '2024-03-01', to: '2024-03-31' })).body.meta.total).toBe(0);
    expectError(await history(h.tokens.ventana, { ventanaId: h.V1, from: '2024-04-03', to: '2024-04-02' }), 400, 'VALIDATION_ERROR');
  });

  it('validates paging: page from 1, pageSize at most 100', async () => {
    expectError(await history(h.tokens.ventana, { ventanaId: h.V1, page: 0 }), 400, 'VALIDATION_ERROR');
    expectError(await history(h.tokens.ventana, { ventanaId: h.V1, pageSize: 101 }), 400, 'VALIDATION_ERROR');
    expectError(await history(h.tokens.ventana, { ventanaId: h.V1, pageSize: 'ten' }), 400, 'VALIDATION_ERROR');
  });

  it('is scoped like the statement and logs ACCOUNT_PAYMENT_HISTORY_VIEW', async () => {
    expectError(await history(h.tokens.ventana2, { ventanaId: h.V1 }), 403, 'FORBIDDEN');
    expectError(await history(h.tokens.vendedor, { ventanaId: h.V1 }), 403, 'FORBIDDEN');
    expect((await history(h.tokens.vendedor, {})).body.meta.total).toBe(1); // its own vendedor account
    expect((await history(h.tokens.banca, { ventanaId: h.V1 })).body.meta.total).toBe(8);
    expectError(await history(h.tokens.banca2, { ventanaId: h.V1 }), 403, 'FORBIDDEN');
    const other = await network();
    expectError(await history(other.tokens.admin, { ventanaId: h.V1 }), 404, 'NOT_FOUND');

    const audit = await listAudit(h.tenant, h.V1, 100);
    expect(audit.items).toContainEqual(
      expect.objectContaining({ action: 'ACCOUNT_PAYMENT_HISTORY_VIEW', actor: 'banca-user', details: expect.objectContaining({ page: 1, pageSize: 20 }) }),
    );
  });
});
