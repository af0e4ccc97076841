/**
 * The accounts API end to end: real HTTP through the local gateway (its JWT authorizer, its event
 * building), real tokens from the local issuer, the network built through the ledger API.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { localDateTime } from '../../shared/domain/dates.js';
import { accountsErrorEnvelope as errorEnvelope, accountsNetwork } from '../support/accounts-network.js';
import { api, type ApiResponse, newTenant, token } from '../support/index.js';

const BASE = '/api/v1/accounts';
let tenant: string;
let admin: string;
let ventanaToken: string;
let vendedorToken: string;
let ids: { banca: string; ventana: string; ventana2: string; vendedor: string; vendedor2: string };


beforeAll(async () => {
  ({ tenant, admin, ventanaToken, vendedorToken, ids } = await accountsNetwork({ vendedor2Under: 'ventana2' }));
});

describe('accounts over HTTP', () => {
  it("walks the document's example: activity, payment (201), replay (200 cached), statement, history", async () => {
    const date = '2024-03-15';
    const set = await api('POST', `${BASE}/activity`, {
      token: admin,
      body: { date, ventanaId: ids.ventana, totalSales: 500000, totalPayouts: 250000, commission: 17500 },
    });
    expect(set.status, set.text).toBe(200);
    expect(set.body.data).toMatchObject({ balance: 232500, remainingBalance: 232500 });

    const body = {
      date,
      time: '14:30',
      ventanaId: ids.ventana,
      amount: 100000,
      type: 'payment',
      method: 'cash',
      notes: 'Pago parcial de ventas del día',
      isFinal: false,
      idempotencyKey: `payment-${tenant}`,
    };
    const created = await api('POST', `${BASE}/payment`, { token: ventanaToken, body });
    expect(created.status, created.text).toBe(201);
    expect(created.headers['x-request-id']).toBeTruthy();
    expect(created.body.data.payment).toMatchObject({ ventanaId: ids.ventana, amount: 100000, paidById: 'e2e-ventana', isReversed: false });
    expect(created.body.data.statement).toMatchObject({
      date,
      ventanaId: ids.ventana,
      totalSales: 500000,
      totalPayouts: 250000,
      commission: 17500,
      balance: 232500,
      totalPaid: 100000,
      remainingBalance: 132500,
      isSaldado: false,
    });

    const replay = await api('POST', `${BASE}/payment`, { token: ventanaToken, body });
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual({ success: true, data: created.body.data, meta: { cached: true } });

    const reused = await api('POST', `${BASE}/payment`, { token: ventanaToken, body: { ...body, amount: 100001 } });
    expect(reused.status).toBe(422);
    expect(reused.body).toEqual(errorEnvelope('IDEMPOTENCY_KEY_REUSED'));

    const statement = await api('GET', `${BASE}/statement?date=${date}&ventanaId=${ids.ventana}`, { token: ventanaToken });
    expect(statement.status, statement.text).toBe(200);
    expect(statement.body.data).toEqual(created.body.data.statement);

    const history = await api('GET', `${BASE}/payments?ventanaId=${ids.ventana}&from=${date}&to=${date}&page=1&pageSize=10`, { token: ventanaToken });
    expect(history.status, history.text).toBe(200);
    expect(history.body).toEqual({
      success: true,
      data: [created.body.data.payment],
      meta: { page: 1, pageSize: 10, total: 1, totalPages: 1, hasNextPage: false },
    });

    // The same payment through the ledger API: one canonical record, audited.
    const canonical = await api('GET', `/ledger/payments/${created.body.data.payment.id}`, { token: admin });
    expect(canonical.status, canonical.text).toBe(200);
    expect(canonical.body).toMatchObject({ source: 'accounts', entityId: ids.ventana, status: 'active', date, time: '14:30' });
    const audit = await api('GET', `/ledger/audit?entityId=${created.body.data.payment.id}`, { token: admin });
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['ACCOUNT_PAYMENT_CREATE']);
    const views = await api('GET', `/ledger/audit?entityId=${ids.ventana}`, { token: admin });
    expect(views.body.items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['ACCOUNT_STATEMENT_VIEW', 'ACCOUNT_PAYMENT_HISTORY_VIEW', 'ACCOUNT_ACTIVITY_SET']),
    );

    // Reversal restores the statement and keeps the payment.
    const reversed = await api('POST', `${BASE}/reverse-payment`, {
      token: ventanaToken,
      body: { paymentId: created.body.data.payment.id, reason: 'Pago duplicado' },
    });
    expect(reversed.status, reversed.text).toBe(200);
    expect(reversed.body.data.payment).toMatchObject({ isReversed: true, reversedById: 'e2e-ventana', reversalReason: 'Pago duplicado' });
    expect(reversed.body.data.statement).toMatchObject({ totalPaid: 0, remainingBalance: 232500 });
    const again = await api('POST', `${BASE}/reverse-payment`, {
      token: ventanaToken,
      body: { paymentId: created.body.data.payment.id, reason: 'Pago duplicado' },
    });
    expect(again.status).toBe(400);
    expect(again.body).toEqual(errorEnvelope('PAYMENT_ALREADY_REVERSED'));
  });

  it('settles a day with isFinal; the next payment is 409 STATEMENT_SETTLED', async () => {
    const date = '2024-03-16';
    const final = await api('POST', `${BASE}/payment`, {
      token: ventanaToken,
      body: { date, vendedorId: ids.vendedor, amount: 10, type: 'collection', method: 'system', isFinal: true },
    });
    expect(final.status, final.text).toBe(201);
    expect(final.body.data.statement).toMatchObject({ vendedorId: ids.vendedor, totalCollected: 10, isSaldado: true });
    const late = await api('POST', `${BASE}/payment`, {
      token: ventanaToken,
      body: { date, vendedorId: ids.vendedor, amount: 10, type: 'payment', method: 'cash' },
    });
    expect(late.status).toBe(409);
    expect(late.body).toEqual(errorEnvelope('STATEMENT_SETTLED'));
  });

  it('authorization: 401 without or with a bad token, 403 for VENDEDOR writes and out-of-scope entities', async () => {
    const body = { date: '2024-03-17', ventanaId: ids.ventana, amount: 1, type: 'payment', method: 'cash' };
    for (const res of [
      await api('POST', `${BASE}/payment`, { body }),
      await api('POST', `${BASE}/payment`, { body, token: 'abc.def.ghi' }),
      await api('GET', `${BASE}/statement?ventanaId=${ids.ventana}`),
    ]) {
      expect(res.status).toBe(401);
      expect(res.body).toEqual(errorEnvelope('UNAUTHORIZED'));
    }
    const forbidden = async (res: Promise<ApiResponse>) => {
      const r = await res;
      expect(r.status, r.text).toBe(403);
      expect(r.body).toEqual(errorEnvelope('FORBIDDEN'));
    };
    await forbidden(api('POST', `${BASE}/payment`, { token: vendedorToken, body: { ...body, ventanaId: undefined, vendedorId: ids.vendedor } }));
    await forbidden(api('POST', `${BASE}/payment`, { token: ventanaToken, body: { ...body, ventanaId: undefined, vendedorId: ids.vendedor2 } }));
    await forbidden(api('POST', `${BASE}/payment`, { token: ventanaToken, body: { ...body, ventanaId: ids.ventana2 } }));
    await forbidden(api('POST', `${BASE}/activity`, { token: ventanaToken, body: { date: '2024-03-17', ventanaId: ids.ventana, totalSales: 1, totalPayouts: 0, commission: 0 } }));
    await forbidden(api('GET', `${BASE}/statement?vendedorId=${ids.vendedor2}`, { token: vendedorToken }));
    // A vendedor may read its own account.
    const own = await api('GET', `${BASE}/statement?date=2024-03-16`, { token: vendedorToken });
    expect(own.status, own.text).toBe(200);
    expect(own.body.data).toMatchObject({ vendedorId: ids.vendedor, totalCollected: 10, isSaldado: true });
  });

  it("another tenant never sees this tenant's entities or payments (404)", async () => {
    const otherTenant = newTenant();
    const otherAdmin = await token({ role: 'ADMIN', tenant: otherTenant });
    const res = await api('GET', `${BASE}/statement?date=2024-03-15&ventanaId=${ids.ventana}`, { token: otherAdmin });
    expect(res.status).toBe(404);
    expect(res.body).toEqual(errorEnvelope('NOT_FOUND'));
    const list = await api('GET', `${BASE}/payments?ventanaId=${ids.ventana}`, { token: otherAdmin });
    expect(list.status).toBe(404);
    const pay = await api('POST', `${BASE}/payment`, {
      token: otherAdmin,
      body: { date: '2024-03-15', ventanaId: ids.ventana, amount: 1, type: 'payment', method: 'cash' },
    });
    expect(pay.status).toBe(404);
  });

  it('bad requests: malformed JSON 400, wrong content type 415, unknown query field 400, future date 400', async () => {
    const malformed = await api('POST', `${BASE}/payment`, {
      token: admin,
      rawBody: '{"date": "2024-03-15",',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toEqual(errorEnvelope('MALFORMED_JSON'));
    const text = await api('POST', `${BASE}/payment`, { token: admin, rawBody: 'amount=1', headers: { 'content-type': 'text/plain' } });
    expect(text.status).toBe(415);
    expect(text.body.success).toBe(false);
    const unknown = await api('GET', `${BASE}/payments?ventanaId=${ids.ventana}&sort=asc`, { token: admin });
    expect(unknown.status).toBe(400);
    expect(unknown.body.meta.details).toEqual([{ field: 'sort', message: 'Unknown field' }]);
    const tomorrow = localDateTime(new Date(Date.now() + 86_400_000), 'America/Costa_Rica').date;
    const future = await api('POST', `${BASE}/payment`, {
      token: admin,
      body: { date: tomorrow, ventanaId: ids.ventana, amount: 1, type: 'payment', method: 'cash' },
    });
    expect(future.status).toBe(400);
    expect(future.body).toEqual(errorEnvelope('FUTURE_DATE'));
    const missing = await api('GET', `${BASE}/statement?date=2024-03-15`, { token: admin });
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual(errorEnvelope('MISSING_DIMENSION'));
  });

  it('20 concurrent identical requests over HTTP: one 201, the rest 200 cached, no 5xx', async () => {
    const body = {
      date: '2024-03-18',
      ventanaId: ids.ventana2,
      amount: 55.5,
      type: 'payment',
      method: 'transfer',
      idempotencyKey: `burst-${tenant}`,
    };
    const results = await Promise.all(Array.from({ length: 20 }, () => api('POST', `${BASE}/payment`, { token: admin, body })));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(19);
    const statement = await api('GET', `${BASE}/statement?date=2024-03-18&ventanaId=${ids.ventana2}`, { token: admin });
    expect(statement.body.data.totalPaid).toBe(55.5);
  });
});
