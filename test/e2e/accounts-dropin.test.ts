/**
 * Issue 13, the accounts items (5, 6, 8, 9, 10, 11): what a client of the Express original sends and
 * reads, end to end through the local gateway with real tokens, the network built through the
 * ledger API. Written from the text.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { extractText, getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { REQUEST_EXAMPLES } from '../../lib/openapi/examples.js';
import { MONEY_HEADERS } from '../../shared/exports/report-table.js';
import { accountsErrorEnvelope as errorEnvelope, accountsNetwork, createPartyOverHttp } from '../support/accounts-network.js';
import { api, claimsOf, newTenant, token } from '../support/index.js';

const BASE = '/api/v1/accounts';
let admin: string;
let ventanaToken: string;
let ids: { banca: string; ventana: string; ventana2: string; vendedor: string; vendedor2: string };

const createParty = (body: Record<string, unknown>) => createPartyOverHttp(admin, body);

beforeAll(async () => {
  ({ admin, ventanaToken, ids } = await accountsNetwork({ vendedor2Under: 'ventana' }));
});

describe('item 5: JSON null is absent for every optional field of every accounts body', () => {
  it('payment: time, the other dimensions, notes, isFinal and idempotencyKey null', async () => {
    const res = await api('POST', `${BASE}/payment`, {
      token: ventanaToken,
      body: {
        date: '2024-05-02', time: null, bancaId: null, ventanaId: ids.ventana, vendedorId: null,
        amount: 100, type: 'payment', method: 'cash', notes: null, isFinal: null, idempotencyKey: null,
      },
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body.data.payment).toMatchObject({ date: '2024-05-02', time: '00:00', ventanaId: ids.ventana, notes: null, isFinal: false });
    expect(res.body.data.statement).toMatchObject({ totalPaid: 100, isSaldado: false });
    // A required field stays required: null is not a date.
    const noDate = await api('POST', `${BASE}/payment`, {
      token: ventanaToken,
      body: { date: null, ventanaId: ids.ventana, amount: 1, type: 'payment', method: 'cash' },
    });
    expect(noDate.status).toBe(400);
    expect(noDate.body).toEqual(errorEnvelope('VALIDATION_ERROR'));
    // All dimensions null is no dimension: ADMIN must name one.
    const none = await api('POST', `${BASE}/payment`, {
      token: admin,
      body: { date: '2024-05-02', bancaId: null, ventanaId: null, vendedorId: null, amount: 1, type: 'payment', method: 'cash' },
    });
    expect(none.status).toBe(400);
    expect(none.body).toEqual(errorEnvelope('MISSING_DIMENSION'));
  });

  it('activity and reverse-payment: the other dimensions and reason null', async () => {
    const set = await api('POST', `${BASE}/activity`, {
      token: admin,
      body: { date: '2024-05-03', bancaId: null, ventanaId: null, vendedorId: ids.vendedor, totalSales: 1000, totalPayouts: 100, commission: 50 },
    });
    expect(set.status, set.text).toBe(200);
    expect(set.body.data).toMatchObject({ vendedorId: ids.vendedor, balance: 850 });
    const paid = await api('POST', `${BASE}/payment`, {
      token: admin,
      body: { date: '2024-05-03', vendedorId: ids.vendedor, amount: 50, type: 'payment', method: 'cash' },
    });
    expect(paid.status, paid.text).toBe(201);
    const reversed = await api('POST', `${BASE}/reverse-payment`, { token: admin, body: { paymentId: paid.body.data.payment.id, reason: null } });
    expect(reversed.status, reversed.text).toBe(200);
    expect(reversed.body.data.payment.isReversed).toBe(true);
  });
});

describe('item 6: reverse-payment reason is optional, at least 5 characters when present', () => {
  const payment = async () => {
    const res = await api('POST', `${BASE}/payment`, {
      token: ventanaToken,
      body: { date: '2024-05-04', ventanaId: ids.ventana, amount: 10, type: 'collection', method: 'transfer' },
    });
    expect(res.status, res.text).toBe(201);
    return res.body.data.payment.id as string;
  };

  it('without a reason: reversed, the statement restored', async () => {
    const id = await payment();
    const res = await api('POST', `${BASE}/reverse-payment`, { token: ventanaToken, body: { paymentId: id } });
    expect(res.status, res.text).toBe(200);
    expect(res.body.data.payment).toMatchObject({ id, isReversed: true, reversedById: 'e2e-ventana' });
    expect(res.body.data.statement).toMatchObject({ totalCollected: 0 });
  });

  it('a short reason is a 400 naming it; a long enough one is recorded', async () => {
    const id = await payment();
    const short = await api('POST', `${BASE}/reverse-payment`, { token: ventanaToken, body: { paymentId: id, reason: 'abcd' } });
    expect(short.status).toBe(400);
    expect(short.body).toEqual(errorEnvelope('VALIDATION_ERROR'));
    expect(short.body.meta.details).toEqual([{ field: 'reason', message: 'Must be at least 5 characters' }]);
    const ok = await api('POST', `${BASE}/reverse-payment`, { token: ventanaToken, body: { paymentId: id, reason: 'Cobro duplicado' } });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body.data.payment).toMatchObject({ isReversed: true, reversalReason: 'Cobro duplicado' });
  });
});

describe("item 10: the original's fields on payments and statements", () => {
  it('activity takes listeroCommission, vendedorCommission and ticketCount; commission is their sum, a disagreeing one is a 400', async () => {
    const date = '2024-06-03';
    const set = await api('POST', `${BASE}/activity`, {
      token: admin,
      body: { date, ventanaId: ids.ventana2, totalSales: 500000, totalPayouts: 250000, listeroCommission: 10000, vendedorCommission: 7500, ticketCount: 321 },
    });
    expect(set.status, set.text).toBe(200);
    expect(set.body.data).toMatchObject({
      id: expect.any(String), month: '2024-06', bancaId: null, ventanaId: ids.ventana2, vendedorId: null, ventanaName: 'Ventana Sur',
      commission: 17500, listeroCommission: 10000, vendedorCommission: 7500, balance: 232500, ticketCount: 321,
      totalPaymentsCollections: 0, accumulatedBalance: 232500, isSettled: false, canEdit: true, settledAt: null,
      createdAt: expect.any(String), updatedAt: expect.any(String),
    });
    const disagree = await api('POST', `${BASE}/activity`, {
      token: admin,
      body: { date, ventanaId: ids.ventana2, totalSales: 1, totalPayouts: 0, commission: 5, listeroCommission: 1, vendedorCommission: 1 },
    });
    expect(disagree.status).toBe(400);
    expect(disagree.body).toEqual(errorEnvelope('VALIDATION_ERROR'));
    expect(disagree.body.meta.details).toEqual([{ field: 'commission', message: 'Must equal listeroCommission + vendedorCommission' }]);
    const agree = await api('POST', `${BASE}/activity`, {
      token: admin,
      body: { date, ventanaId: ids.ventana2, totalSales: 500000, totalPayouts: 250000, commission: 17500, listeroCommission: 10000, vendedorCommission: 7500 },
    });
    expect(agree.status, agree.text).toBe(200);
    expect(agree.body.data).toMatchObject({ commission: 17500, ticketCount: 0 });
  });

  it('payment and statement carry every field; accumulatedBalance sums the month through the day; settling stamps settledAt', async () => {
    const [d1, d2, next] = ['2024-07-10', '2024-07-11', '2024-08-01'];
    for (const [date, totalSales] of [[d1, 1000], [d2, 500], [next, 300]] as const) {
      const set = await api('POST', `${BASE}/activity`, { token: admin, body: { date, vendedorId: ids.vendedor2, totalSales, totalPayouts: 0, commission: 0 } });
      expect(set.status, set.text).toBe(200);
    }
    const paid = await api('POST', `${BASE}/payment`, {
      token: ventanaToken,
      body: { date: d2, time: '09:15', vendedorId: ids.vendedor2, amount: 200, type: 'payment', method: 'cash', idempotencyKey: `acc-item10-${ids.vendedor2}` },
    });
    expect(paid.status, paid.text).toBe(201);
    const { payment, statement } = paid.body.data;
    expect(payment).toMatchObject({
      accountStatementId: statement.id, month: '2024-07', bancaId: null, ventanaId: null, vendedorId: ids.vendedor2,
      paidById: 'e2e-ventana', paidByName: expect.any(String), idempotencyKey: `acc-item10-${ids.vendedor2}`,
      updatedAt: expect.any(String), reversedAt: null, reversedBy: null, reversedByUser: null,
    });
    expect(statement).toMatchObject({ vendedorName: 'Ana Solís', balance: 500, totalPaid: 200, accumulatedBalance: 1500, remainingBalance: 1300 });
    const august = await api('GET', `${BASE}/statement?date=${next}&vendedorId=${ids.vendedor2}`, { token: admin });
    expect(august.body.data).toMatchObject({ balance: 300, accumulatedBalance: 300, remainingBalance: 1600 });

    const collected = await api('POST', `${BASE}/payment`, {
      token: admin,
      body: { date: d2, vendedorId: ids.vendedor2, amount: 50, type: 'collection', method: 'transfer', isFinal: true },
    });
    expect(collected.status, collected.text).toBe(201);
    expect(collected.body.data.payment.accountStatementId).toBe(statement.id);
    expect(collected.body.data.statement).toMatchObject({
      totalPaid: 200, totalCollected: 50, totalPaymentsCollections: 250, isSaldado: true, isSettled: true, canEdit: false, settledAt: expect.any(String),
    });
    const reversed = await api('POST', `${BASE}/reverse-payment`, { token: admin, body: { paymentId: collected.body.data.payment.id } });
    expect(reversed.status, reversed.text).toBe(200);
    expect(reversed.body.data.payment).toMatchObject({ reversedBy: 'e2e-admin', reversedByUser: { id: 'e2e-admin', name: expect.any(String) }, reversedAt: expect.any(String) });
    expect(reversed.body.data.statement).toMatchObject({ isSettled: false, canEdit: true, settledAt: null, totalCollected: 0 });
    // The history lists the same shape, newest (by date and time) first.
    const history = await api('GET', `${BASE}/payments?vendedorId=${ids.vendedor2}&from=${d2}&to=${d2}`, { token: admin });
    expect(history.body.data).toEqual([payment, reversed.body.data.payment]);
  });
});

describe("item 8: GET /payment-history, the payments of one day's statement", () => {
  it('newest first, reversed ones included, {success, data, meta: {total, page, pageSize}}; paged', async () => {
    const date = '2024-09-05';
    const payOn = async (day: string, time: string, amount: number) => {
      const res = await api('POST', `${BASE}/payment`, { token: admin, body: { date: day, time, vendedorId: ids.vendedor, amount, type: 'payment', method: 'cash' } });
      expect(res.status, res.text).toBe(201);
      return res.body.data.payment.id as string;
    };
    const first = await payOn(date, '08:00', 1);
    const second = await payOn(date, '12:30', 2);
    const third = await payOn(date, '17:45', 3);
    await payOn('2024-09-06', '09:00', 4);
    const reversed = await api('POST', `${BASE}/reverse-payment`, { token: admin, body: { paymentId: second } });
    expect(reversed.status, reversed.text).toBe(200);

    const res = await api('GET', `${BASE}/payment-history?date=${date}&vendedorId=${ids.vendedor}`, { token: ventanaToken });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({ success: true, data: expect.any(Array), meta: { total: 3, page: 1, pageSize: 20 } });
    expect(res.body.data.map((p: { id: string }) => p.id)).toEqual([third, second, first]);
    expect(res.body.data[1]).toMatchObject({ isReversed: true, reversedBy: 'e2e-admin' });
    const statement = await api('GET', `${BASE}/statement?date=${date}&vendedorId=${ids.vendedor}`, { token: admin });
    for (const payment of res.body.data) expect(payment.accountStatementId).toBe(statement.body.data.id);

    const page2 = await api('GET', `${BASE}/payment-history?date=${date}&vendedorId=${ids.vendedor}&page=2&pageSize=2`, { token: admin });
    expect(page2.body.data.map((p: { id: string }) => p.id)).toEqual([first]);
    expect(page2.body.meta).toEqual({ total: 3, page: 2, pageSize: 2 });
  });

  it('scope and input: a VENTANA defaults to its own ventana; both dimensions 400; out of scope 403; ADMIN must name one', async () => {
    const own = await api('GET', `${BASE}/payment-history?date=2024-05-02`, { token: ventanaToken });
    expect(own.status, own.text).toBe(200);
    expect(own.body.data.every((p: { ventanaId: string }) => p.ventanaId === ids.ventana)).toBe(true);
    expect(own.body.meta.total).toBeGreaterThan(0);
    const both = await api('GET', `${BASE}/payment-history?date=2024-05-02&ventanaId=${ids.ventana}&vendedorId=${ids.vendedor}`, { token: admin });
    expect(both.status).toBe(400);
    expect(both.body).toEqual(errorEnvelope('VALIDATION_ERROR'));
    const foreign = await api('GET', `${BASE}/payment-history?date=2024-05-02&ventanaId=${ids.ventana2}`, { token: ventanaToken });
    expect(foreign.status).toBe(403);
    const none = await api('GET', `${BASE}/payment-history?date=2024-05-02`, { token: admin });
    expect(none.body).toEqual(errorEnvelope('MISSING_DIMENSION'));
    const badDate = await api('GET', `${BASE}/payment-history?date=2024-02-30&ventanaId=${ids.ventana}`, { token: admin });
    expect(badDate.status).toBe(400);
  });
});

describe('item 9: period statements on GET /statement', () => {
  let net: { banca: string; v1: string; v2: string; s1: string; s2: string; s3: string; ventana: string; vendedor: string };
  const get = (query: string, tokenValue = admin) => api('GET', `${BASE}/statement?${query}`, { token: tokenValue });
  const activityOn = async (date: string, body: Record<string, unknown>) => {
    const commission = 'listeroCommission' in body ? {} : { commission: 0 };
    const res = await api('POST', `${BASE}/activity`, { token: admin, body: { date, totalPayouts: 0, ...commission, ...body } });
    expect(res.status, res.text).toBe(200);
  };

  beforeAll(async () => {
    const banca = await createParty({ kind: 'banca', name: 'Banca Periodo' });
    const [v1, v2] = await Promise.all([
      createParty({ kind: 'ventana', name: 'Ventana Uno', parentId: banca }),
      createParty({ kind: 'ventana', name: 'Ventana Dos', parentId: banca }),
    ]);
    const [s1, s2, s3] = await Promise.all([
      createParty({ kind: 'vendedor', name: 'Vendedor Uno', parentId: v1 }),
      createParty({ kind: 'vendedor', name: 'Vendedor Dos', parentId: v1 }),
      createParty({ kind: 'vendedor', name: 'Vendedor Tres', parentId: v2 }),
    ]);
    const tenant = String(claimsOf(admin).tenant_id);
    net = {
      banca, v1, v2, s1, s2, s3,
      ventana: await token({ role: 'VENTANA', tenant, party: v1, sub: 'e2e-period-ventana' }),
      vendedor: await token({ role: 'VENDEDOR', tenant, party: s1, sub: 'e2e-period-vendedor' }),
    };
    await activityOn('2024-09-30', { vendedorId: s2, totalSales: 300 });
    await activityOn('2024-10-01', { vendedorId: s1, totalSales: 1000, totalPayouts: 100, listeroCommission: 10, vendedorCommission: 20 });
    await activityOn('2024-10-01', { vendedorId: s2, totalSales: 500 });
    await activityOn('2024-10-01', { vendedorId: s3, totalSales: 70 });
    const paid = await api('POST', `${BASE}/payment`, {
      token: admin,
      body: { date: '2024-10-02', vendedorId: s1, amount: 200, type: 'payment', method: 'cash', isFinal: true },
    });
    expect(paid.status, paid.text).toBe(201);
  });

  it('month=: one statement per day (newest first), byVendedor breakdowns, totals, monthlyAccumulated, meta', async () => {
    const res = await get(`month=2024-10&dimension=vendedor&scope=ventana&ventanaId=${net.v1}`);
    expect(res.status, res.text).toBe(200);
    const { statements, totals, monthlyAccumulated, meta } = res.body.data;
    expect(meta).toEqual({ month: '2024-10', startDate: '2024-10-01', endDate: '2024-10-31', dimension: 'vendedor', totalDays: 31, monthStartDate: '2024-10-01', monthEndDate: '2024-10-31' });
    expect(statements).toHaveLength(31);
    expect(statements[0].date).toBe('2024-10-31');
    const oct1 = statements.find((s: { date: string }) => s.date === '2024-10-01');
    expect(oct1).toMatchObject({ totalSales: 1500, totalPayouts: 100, listeroCommission: 10, vendedorCommission: 20, balance: 1370, remainingBalance: 870 + 800, isSettled: false });
    expect(oct1.byVendedor).toHaveLength(2);
    expect(oct1.byVendedor).toEqual(expect.arrayContaining([
      expect.objectContaining({ vendedorId: net.s1, vendedorName: 'Vendedor Uno', balance: 870, remainingBalance: 870 }),
      expect.objectContaining({ vendedorId: net.s2, vendedorName: 'Vendedor Dos', balance: 500, remainingBalance: 800 }),
    ]));
    const oct2 = statements.find((s: { date: string }) => s.date === '2024-10-02');
    expect(oct2).toMatchObject({ totalPaid: 200, isSettled: true, remainingBalance: 670 + 800 });
    expect(oct2.byVendedor).toHaveLength(1);
    const expected = {
      totalSales: 1500, totalPayouts: 100, totalListeroCommission: 10, totalVendedorCommission: 20, totalBalance: 1370,
      totalPaid: 200, totalCollected: 0, totalRemainingBalance: 670 + 800, settledDays: 1, pendingDays: 30,
    };
    expect(totals).toEqual(expected);
    expect(monthlyAccumulated).toEqual(expected);
  });

  it('date=range: the span asked, sorted asc; monthlyAccumulated covers the month of its end', async () => {
    const res = await get(`date=range&fromDate=2024-09-30&toDate=2024-10-01&dimension=vendedor&scope=ventana&ventanaId=${net.v1}&sort=asc`);
    expect(res.status, res.text).toBe(200);
    const { statements, totals, monthlyAccumulated, meta } = res.body.data;
    expect(statements.map((s: { date: string }) => s.date)).toEqual(['2024-09-30', '2024-10-01']);
    expect(meta).toMatchObject({ month: '2024-10', totalDays: 2, monthStartDate: '2024-10-01', monthEndDate: '2024-10-31' });
    expect(totals).toMatchObject({ totalSales: 1800, totalRemainingBalance: 870 + 800, settledDays: 0, pendingDays: 2 });
    expect(monthlyAccumulated).toMatchObject({ totalSales: 1500, totalPaid: 200, settledDays: 1, pendingDays: 30 });
  });

  it('scope=mine (a VENTANA: its own ventana, no breakdown) and scope=all narrowed by bancaId (ADMIN: byVentana)', async () => {
    const mine = await get('month=2024-10&dimension=ventana&scope=mine', net.ventana);
    expect(mine.status, mine.text).toBe(200);
    expect(mine.body.data.statements[0]).toMatchObject({ ventanaId: net.v1, ventanaName: 'Ventana Uno', totalSales: 0 });
    expect(mine.body.data.statements[0]).not.toHaveProperty('byVentana');
    const vendedores = await get('month=2024-10&dimension=vendedor&scope=all', net.ventana);
    expect(vendedores.body.data.totals.totalSales).toBe(1500);
    const all = await get(`month=2024-10&dimension=vendedor&scope=all&bancaId=${net.banca}`);
    expect(all.body.data.totals).toMatchObject({ totalSales: 1570 });
    const oct1 = all.body.data.statements.find((s: { date: string }) => s.date === '2024-10-01');
    expect(oct1.byVendedor.map((e: { vendedorId: string }) => e.vendedorId).sort()).toEqual([net.s1, net.s2, net.s3].sort());
    const own = await get('date=range&fromDate=2024-10-02&toDate=2024-10-02&dimension=vendedor&scope=mine', net.vendedor);
    expect(own.body.data.statements).toEqual([expect.objectContaining({ vendedorId: net.s1, totalPaid: 200, isSettled: true })]);
  });

  it('bad periods and scopes: 400 naming the field, 403 out of scope; the day form keeps MISSING_DIMENSION', async () => {
    const expectBad = async (query: string, code: string, field: string, tokenValue = admin) => {
      const res = await get(query, tokenValue);
      expect(res.status, `${query}: ${res.text}`).toBe(400);
      expect(res.body).toEqual(errorEnvelope(code));
      expect(res.body.meta.details?.[0]?.field).toBe(field);
    };
    const q = `dimension=vendedor&scope=ventana&ventanaId=${net.v1}`;
    await expectBad(`month=2024-10&scope=all`, 'VALIDATION_ERROR', 'dimension');
    await expectBad(`month=2024-10&dimension=vendedor`, 'VALIDATION_ERROR', 'scope');
    await expectBad(`month=2024-10&date=week&${q}`, 'INVALID_PERIOD', 'month');
    await expectBad(`date=range&toDate=2024-10-01&${q}`, 'INVALID_PERIOD', 'fromDate');
    await expectBad(`date=week&fromDate=2024-10-01&${q}`, 'INVALID_PERIOD', 'fromDate');
    await expectBad(`date=range&fromDate=2023-01-01&toDate=2024-01-02&${q}`, 'PERIOD_TOO_LONG', 'fromDate');
    await expectBad(`month=2999-01&${q}`, 'FUTURE_DATE', 'month');
    await expectBad('month=2024-10&dimension=vendedor&scope=mine', 'VALIDATION_ERROR', 'scope');
    await expectBad('month=2024-10&dimension=vendedor&scope=mine', 'VALIDATION_ERROR', 'dimension', net.ventana);
    await expectBad('month=2024-13&dimension=vendedor&scope=all', 'VALIDATION_ERROR', 'month');
    const foreign = await get('month=2024-10&dimension=ventana&scope=all', net.vendedor);
    expect(foreign.status, foreign.text).toBe(403);
    const otherVentana = await get(`month=2024-10&dimension=vendedor&scope=ventana&ventanaId=${net.v2}`, net.ventana);
    expect(otherVentana.status).toBe(403);
    const day = await get('date=2024-10-01');
    expect(day.body).toEqual(errorEnvelope('MISSING_DIMENSION'));
    const dayForm = await get(`date=2024-10-01&vendedorId=${net.s1}`);
    expect(dayForm.body.data).toMatchObject({ date: '2024-10-01', vendedorId: net.s1, balance: 870 });
  });
});

describe('item 11: GET /export?format=csv|excel|pdf with the period filters', () => {
  const query = () => `month=2024-07&dimension=vendedor&scope=all&vendedorId=${ids.vendedor2}&sort=asc`;

  it('CSV: an attachment in UTF-8 with a header row and plain decimals, the figures of the period statements', async () => {
    const statement = await api('GET', `${BASE}/statement?${query()}`, { token: admin });
    expect(statement.status, statement.text).toBe(200);
    const res = await api('GET', `${BASE}/export?format=csv&${query()}`, { token: admin });
    expect(res.status, res.text).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="account-statements_vendedor_2024-07-01_2024-07-31.csv"');
    const rows = parseCsv(res.bytes, { bom: true }) as string[][];
    expect(rows[0]).toEqual(['Date', ...Object.values(MONEY_HEADERS), 'Settled']);
    expect(rows).toHaveLength(1 + 31 + 2);
    const byDate = new Map(rows.slice(1, 32).map((row) => [row[0], row]));
    // 2024-07-11: sales 500, paid 200, a collection of 50 reversed; remaining 1000 + 500 − 200.
    expect(byDate.get('2024-07-11')).toEqual(['2024-07-11', '500.00', '0.00', '0.00', '0.00', '500.00', '200.00', '0.00', '1300.00', 'no']);
    expect(rows.at(-2)?.slice(0, 2)).toEqual(['Total', '1500.00']);
    expect(statement.body.data.totals).toMatchObject({ totalSales: 1500, totalPaid: 200, totalRemainingBalance: 1300 });
  });

  it('Excel: a real .xlsx with numeric cells; PDF: a readable document with the figures', async () => {
    const xlsx = await api('GET', `${BASE}/export?format=excel&${query()}`, { token: admin });
    expect(xlsx.status, xlsx.text).toBe(200);
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.headers['content-disposition']).toMatch(/^attachment; filename=".+\.xlsx"$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Statements')!;
    const row = sheet.getRows(2, 31)!.find((r) => r.getCell(1).value === '2024-07-11')!;
    expect(row.getCell(2).value).toBe(500);
    expect(row.getCell(7).value).toBe(200);
    expect(row.getCell(9).value).toBe(1300);

    const pdf = await api('GET', `${BASE}/export?format=pdf&${query()}`, { token: admin });
    expect(pdf.status, pdf.text).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf.bytes)), { mergePages: true });
    expect(text).toContain('2024-07-11');
    expect(text).toContain('1,300.00');
  });

  it('bad input is a 400 in the accounts envelope: no format, an unknown one, no period, a day instead of a period', async () => {
    for (const q of [query(), `format=docx&${query()}`, `format=csv&dimension=vendedor&scope=all&vendedorId=${ids.vendedor2}`, `format=csv&date=2024-07-01&${query().replace('month=2024-07&', '')}`]) {
      const res = await api('GET', `${BASE}/export?${q}`, { token: admin });
      expect(res.status, `${q}: ${res.text}`).toBe(400);
      expect(res.body.success).toBe(false);
    }
    const unauthorized = await api('GET', `${BASE}/export?format=csv&${query()}`);
    expect(unauthorized.status).toBe(401);
  });
});

describe('item 13: bring existing ids (externalId)', () => {
  // The seed 001 example request as written (the API document's example keeps the seed's ventanaId).
  const seedExample = REQUEST_EXAMPLES['POST /api/v1/accounts/payment']!.body!;
  let ventana001: string;
  let vendedor001: string;

  beforeAll(async () => {
    ventana001 = await createParty({ kind: 'ventana', name: 'Ventana 001', parentId: ids.banca, externalId: 'ventana-001' });
    // A child names its parent by the parent's externalId.
    vendedor001 = await createParty({ kind: 'vendedor', name: 'Vendedor 001', parentId: 'ventana-001', externalId: 'a3f1c2e4-0b6d-4c1e-9f7a-2d5e8b9c0a11' });
  });

  it("the seed 001 example as written: ventanaId 'ventana-001' in, 'ventana-001' out, in every read of that ventana", async () => {
    const res = await api('POST', `${BASE}/payment`, { token: admin, body: seedExample });
    expect(res.status, res.text).toBe(201);
    expect(res.body.data.payment).toMatchObject({ date: '2024-03-15', time: '14:30', amount: 100000, ventanaId: 'ventana-001', bancaId: null });
    expect(res.body.data.statement).toMatchObject({ date: '2024-03-15', ventanaId: 'ventana-001', ventanaName: 'Ventana 001', totalPaid: 100000 });
    const replay = await api('POST', `${BASE}/payment`, { token: admin, body: seedExample });
    expect(replay.status).toBe(200);
    expect(replay.body.data.payment).toMatchObject({ id: res.body.data.payment.id, ventanaId: 'ventana-001' });

    const day = await api('GET', `${BASE}/statement?date=2024-03-15&ventanaId=ventana-001`, { token: admin });
    expect(day.body.data).toMatchObject({ ventanaId: 'ventana-001', totalPaid: 100000 });
    const history = await api('GET', `${BASE}/payment-history?date=2024-03-15&ventanaId=VENTANA-001`, { token: admin });
    expect(history.body.data.map((p: { ventanaId: string }) => p.ventanaId)).toEqual(['ventana-001']);
    const period = await api('GET', `${BASE}/statement?month=2024-03&dimension=ventana&scope=all&ventanaId=ventana-001`, { token: admin });
    expect(period.status, period.text).toBe(200);
    expect(period.body.data.statements.find((s: { date: string }) => s.date === '2024-03-15')).toMatchObject({ ventanaId: 'ventana-001', totalPaid: 100000 });
    // Caja's id still works, and answers the id the client knows.
    const byCajaId = await api('GET', `${BASE}/statement?date=2024-03-15&ventanaId=${ventana001}`, { token: admin });
    expect(byCajaId.body.data.ventanaId).toBe('ventana-001');
  });

  it('scope is judged on the party found: an externalId reaches no further than Caja’s id; another tenant’s is a 404', async () => {
    const own = await token({ role: 'VENDEDOR', tenant: claimsOf(admin).tenant_id as string, party: vendedor001 });
    const mine = await api('GET', `${BASE}/statement?date=2024-03-15&vendedorId=A3F1C2E4-0B6D-4C1E-9F7A-2D5E8B9C0A11`, { token: own });
    expect(mine.status, mine.text).toBe(200);
    expect(mine.body.data.vendedorId).toBe('a3f1c2e4-0b6d-4c1e-9f7a-2d5e8b9c0a11');
    const vendedor = await token({ role: 'VENDEDOR', tenant: claimsOf(admin).tenant_id as string, party: ids.vendedor });
    const other = await api('GET', `${BASE}/statement?date=2024-03-15&vendedorId=a3f1c2e4-0b6d-4c1e-9f7a-2d5e8b9c0a11`, { token: vendedor });
    expect(other.status).toBe(403);
    const norte = await api('POST', `${BASE}/payment`, { token: ventanaToken, body: { ...seedExample, idempotencyKey: 'norte-0001' } });
    expect(norte.status).toBe(403);

    const elsewhere = newTenant();
    const otherAdmin = await token({ role: 'ADMIN', tenant: elsewhere });
    const made = await api('POST', '/ledger/parties', { token: otherAdmin, body: { kind: 'ventana', name: 'Ajena', externalId: 'ventana-999' } });
    expect(made.status, made.text).toBe(201);
    const foreign = await api('POST', `${BASE}/payment`, { token: admin, body: { ...seedExample, ventanaId: 'ventana-999', idempotencyKey: 'foreign-0001' } });
    expect(foreign.status).toBe(404);
    expect(foreign.body).toEqual(errorEnvelope('NOT_FOUND'));
  });

  it('a second ventana with the same externalId is a 409 in the ledger envelope naming externalId', async () => {
    const dup = await api('POST', '/ledger/parties', { token: admin, body: { kind: 'ventana', name: 'Otra', parentId: ids.banca, externalId: 'Ventana-001' } });
    expect(dup.status).toBe(409);
    expect(dup.body.error).toMatchObject({ code: 'CONFLICT', details: [{ field: 'externalId', message: expect.any(String) }] });
  });
});
