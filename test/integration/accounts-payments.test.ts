/** POST /api/v1/accounts/payment through its handler, against DynamoDB Local, with real tokens. */
import { beforeAll, describe, expect, it } from 'vitest';
import { localDateTime } from '../../shared/domain/dates.js';
import { HttpError as AppError } from '../../shared/http/errors.js';
import { parseInput } from '../../shared/http/validation.js';
import { createPaymentBody } from '../../functions/accounts/schemas/create-payment.js';
import { createPayment } from '../../shared/dialects/accounts/create-payment.js';
import { listAudit } from '../../shared/store/audit.js';
import { getPayment } from '../../shared/store/payments.js';
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
  statement,
  TIME_ZONE,
  today,
  uniqueKey,
} from './accounts-fixtures.js';

let n: Network;

beforeAll(async () => {
  n = await network();
});

describe('creating a payment', () => {
  it("reproduces the document's example: 500000 sales, 250000 payouts, 17500 commission, 100000 paid → 132500", async () => {
    const day = '2024-03-15';
    const set = await activity(n.tokens.admin, { date: day, ventanaId: n.V1, totalSales: 500000, totalPayouts: 250000, commission: 17500 });
    expect(set.status, set.text).toBe(200);

    const res = await pay(n.tokens.ventana, {
      date: day,
      time: '14:30',
      ventanaId: n.V1,
      amount: 100000,
      type: 'payment',
      method: 'cash',
      notes: 'Pago parcial de ventas del día',
      isFinal: false,
      idempotencyKey: uniqueKey('payment-2024-03-15'),
    });
    expect(res.status, res.text).toBe(201);
    expect(res.headers['x-request-id']).toBeTruthy();
    expect(res.body).toEqual({
      success: true,
      data: {
        // The document's fields, and the original server's (issue 13 item 10).
        payment: {
          id: expect.stringMatching(/^[1-9]\d*$/),
          accountStatementId: set.body.data.id,
          date: day,
          month: '2024-03',
          time: '14:30',
          bancaId: null,
          ventanaId: n.V1,
          vendedorId: null,
          amount: 100000,
          type: 'payment',
          method: 'cash',
          notes: 'Pago parcial de ventas del día',
          isReversed: false,
          isFinal: false,
          paidById: 'ventana-user',
          paidByName: 'ventana-user',
          idempotencyKey: expect.stringMatching(/^payment-2024-03-15/),
          createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
          updatedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
          reversedAt: null,
          reversedBy: null,
          reversedByUser: null,
        },
        statement: {
          id: set.body.data.id,
          date: day,
          month: '2024-03',
          bancaId: null,
          ventanaId: n.V1,
          vendedorId: null,
          bancaName: null,
          ventanaName: 'Ventana Norte',
          vendedorName: null,
          totalSales: 500000,
          totalPayouts: 250000,
          commission: 17500,
          listeroCommission: 17500,
          vendedorCommission: 0,
          balance: 232500,
          totalPaid: 100000,
          totalCollected: 0,
          totalPaymentsCollections: 100000,
          remainingBalance: 132500,
          accumulatedBalance: 232500,
          isSaldado: false,
          isSettled: false,
          settledAt: null,
          canEdit: true,
          ticketCount: 0,
          createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
          updatedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        },
      },
    });

    // The canonical payment: integer minor units of the tenant's currency (CRC, 2 decimals).
    const stored = await getPayment(n.tenant, res.body.data.payment.id, true);
    expect(stored).toMatchObject({ source: 'accounts', amount: 10000000, currency: 'CRC', direction: 'in', entityId: n.V1, entityKind: 'ventana', recordedBy: 'ventana-user', version: 1 });

    // ACCOUNT_PAYMENT_CREATE in the activity log, with the payment as written.
    const audit = await listAudit(n.tenant, res.body.data.payment.id, 10);
    expect(audit.items).toEqual([
      expect.objectContaining({ action: 'ACCOUNT_PAYMENT_CREATE', actor: 'ventana-user', entityType: 'PAYMENT', after: expect.objectContaining({ amount: 10000000 }) }),
    ]);
  });

  it('a collection adds to totalCollected and raises the remaining balance; time defaults to 00:00', async () => {
    const body = paymentBody({ vendedorId: n.S1 }, { date: '2024-04-01', amount: 2500.75, type: 'collection', method: 'transfer' });
    delete body.time;
    const { payment, statement: s } = await created(pay(n.tokens.ventana, body));
    expect(payment).toMatchObject({ vendedorId: n.S1, time: '00:00', amount: 2500.75, type: 'collection', notes: null });
    expect(s).toMatchObject({ vendedorId: n.S1, totalPaid: 0, totalCollected: 2500.75, balance: 0, remainingBalance: 2500.75 });
  });

  it('today is fine; FUTURE_DATE for tomorrow in the tenant time zone', async () => {
    await created(pay(n.tokens.admin, paymentBody({ ventanaId: n.V2 }, { date: today(), time: '00:00' })));
    const res = await pay(n.tokens.admin, paymentBody({ ventanaId: n.V2 }, { date: dayOffset(1) }));
    expectError(res, 400, 'FUTURE_DATE');
    expect(res.body.meta.details).toEqual([{ field: 'date', message: expect.any(String) }]);
  });

  it('FUTURE_TIME for a later time today (Costa Rica, UTC−6, whatever the server clock zone)', async () => {
    const principal = { tenant: n.tenant, sub: 'admin-user', username: 'admin-user', roles: ['ADMIN'] as const };
    const now = new Date('2024-03-20T18:00:00.000Z'); // 12:00 in Costa Rica
    const input = (time: string) => parseInput(createPaymentBody, paymentBody({ ventanaId: n.V2 }, { date: '2024-03-20', time }), 'body');
    await expect(createPayment({ principal, now }, input('12:01'), undefined)).rejects.toMatchObject({ status: 400, code: 'FUTURE_TIME' });
    // 18:30 UTC is already the 20th in UTC but the time is judged in the tenant's zone.
    const ok = await createPayment({ principal, now }, input('12:00'), undefined);
    expect(ok.data.payment.time).toBe('12:00');
    // Through the handler, when the clock leaves room for a later minute today.
    const local = localDateTime(new Date(), TIME_ZONE);
    if (local.time < '23:58') {
      const res = await pay(n.tokens.admin, paymentBody({ ventanaId: n.V2 }, { date: local.date, time: '23:59' }));
      expectError(res, 400, 'FUTURE_TIME');
    }
  });

  it('exactly one dimension: none → MISSING_DIMENSION (ADMIN), several → 400 naming them', async () => {
    const body = paymentBody({});
    expectError(await pay(n.tokens.admin, body), 400, 'MISSING_DIMENSION');
    const several = await pay(n.tokens.admin, paymentBody({ ventanaId: n.V1, vendedorId: n.S1 }));
    expectError(several, 400, 'VALIDATION_ERROR');
    expect(several.body.meta.details.map((d: { field: string }) => d.field)).toEqual(['ventanaId', 'vendedorId']);
  });

  it('rejects bad input with a 400 naming the field, writing nothing', async () => {
    const day = '2023-01-10';
    const cases: [Record<string, unknown>, string][] = [
      [{ amount: 0 }, 'amount'],
      [{ amount: -1 }, 'amount'],
      [{ amount: 10.123 }, 'amount'], // CRC has 2 decimals
      [{ type: 'refund' }, 'type'],
      [{ method: 'card' }, 'method'],
      [{ notes: 'x'.repeat(501) }, 'notes'],
      [{ idempotencyKey: 'short' }, 'idempotencyKey'],
      [{ tenantId: 'other' }, 'tenantId'],
      [{ date: '2023-02-29' }, 'date'],
    ];
    for (const [change, field] of cases) {
      const res = await pay(n.tokens.admin, paymentBody({ ventanaId: n.V2 }, { date: day, ...change }));
      expectError(res, 400, 'VALIDATION_ERROR');
      expect(res.body.meta.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    const s = await statement(n.tokens.admin, { date: day, ventanaId: n.V2 });
    expect(s.body.data).toMatchObject({ id: null, totalPaid: 0, totalCollected: 0 });
  });

  it('the entity must exist in the tenant with the named kind (404 otherwise)', async () => {
    expectError(await pay(n.tokens.admin, paymentBody({ ventanaId: '999999999' })), 404, 'NOT_FOUND');
    expectError(await pay(n.tokens.admin, paymentBody({ ventanaId: n.B1 })), 404, 'NOT_FOUND'); // a banca named as ventana
    expectError(await pay(n.tokens.admin, paymentBody({ bancaId: n.V1 })), 404, 'NOT_FOUND');
  });

  it("another tenant's ids are 404 for every role, never 403 nor a write", async () => {
    const other = await network();
    expectError(await pay(other.tokens.admin, paymentBody({ ventanaId: n.V1 })), 404, 'NOT_FOUND');
    expectError(await pay(other.tokens.ventana, paymentBody({ vendedorId: n.S1 })), 404, 'NOT_FOUND');
    // A token of the other tenant that claims our ventana as its party still sees nothing of ours.
    const spoof = await token({ role: 'VENTANA', tenant: other.tenant, party: n.V1 });
    expectError(await pay(spoof, paymentBody({ ventanaId: n.V1 })), 404, 'NOT_FOUND');
    expectError(await pay(spoof, paymentBody({})), 404, 'NOT_FOUND');
  });
});

describe('authorization (RBAC)', () => {
  const day = '2024-05-02';
  const body = (dimension: Record<string, string | undefined>) => paymentBody(dimension, { date: day, amount: 10 });

  it('VENDEDOR: 403 always, even for its own account', async () => {
    expectError(await pay(n.tokens.vendedor, body({ vendedorId: n.S1 })), 403, 'FORBIDDEN');
    expectError(await pay(n.tokens.vendedor, body({})), 403, 'FORBIDDEN');
  });

  it('VENTANA: its ventana and its vendedores; no dimension means its own ventana', async () => {
    await created(pay(n.tokens.ventana, body({ ventanaId: n.V1 })));
    await created(pay(n.tokens.ventana, body({ vendedorId: n.S1 })));
    const own = await created(pay(n.tokens.ventana, body({})));
    expect(own.payment.ventanaId).toBe(n.V1);
  });

  it('VENTANA: 403 for a sibling ventana, its vendedor, its banca, or another network', async () => {
    for (const dimension of [{ ventanaId: n.V2 }, { vendedorId: n.S2 }, { bancaId: n.B1 }, { ventanaId: n.V3 }, { vendedorId: n.S3 }, { bancaId: n.B2 }]) {
      expectError(await pay(n.tokens.ventana, body(dimension)), 403, 'FORBIDDEN');
    }
  });

  it('BANCA: its own subtree only', async () => {
    for (const dimension of [{ bancaId: n.B1 }, { ventanaId: n.V1 }, { ventanaId: n.V2 }, { vendedorId: n.S1 }, { vendedorId: n.S2 }]) {
      await created(pay(n.tokens.banca, body(dimension)));
    }
    const own = await created(pay(n.tokens.banca, body({})));
    expect(own.payment.bancaId).toBe(n.B1);
    for (const dimension of [{ bancaId: n.B2 }, { ventanaId: n.V3 }, { vendedorId: n.S3 }]) {
      expectError(await pay(n.tokens.banca, body(dimension)), 403, 'FORBIDDEN');
    }
  });

  it('ADMIN: any entity of its tenant', async () => {
    for (const dimension of [{ bancaId: n.B2 }, { ventanaId: n.V3 }, { vendedorId: n.S3 }]) {
      await created(pay(n.tokens.admin, body(dimension)));
    }
  });

  it('a scoped role without a party in its token gets 403, and a roleless token 403', async () => {
    const partyless = await token({ role: 'VENTANA', tenant: n.tenant });
    expectError(await pay(partyless, body({ ventanaId: n.V1 })), 403, 'FORBIDDEN');
    const employee = await token({ role: 'EMPLOYEE', tenant: n.tenant, party: n.V1 });
    expectError(await pay(employee, body({ ventanaId: n.V1 })), 403, 'FORBIDDEN');
  });
});

describe('settling a day (isFinal → isSaldado)', () => {
  it('settles the day; afterwards payments and activity are 409 STATEMENT_SETTLED and nothing changes', async () => {
    const day = '2024-06-10';
    await created(pay(n.tokens.ventana, paymentBody({ ventanaId: n.V1 }, { date: day, amount: 300 })));
    const final = await created(pay(n.tokens.ventana, paymentBody({ ventanaId: n.V1 }, { date: day, amount: 200, isFinal: true })));
    expect(final.payment.isFinal).toBe(true);
    expect(final.statement).toMatchObject({ totalPaid: 500, isSaldado: true });

    const key = uniqueKey('after-settle');
    expectError(await pay(n.tokens.ventana, paymentBody({ ventanaId: n.V1 }, { date: day, amount: 1, idempotencyKey: key })), 409, 'STATEMENT_SETTLED');
    expectError(await pay(n.tokens.admin, paymentBody({ ventanaId: n.V1 }, { date: day, amount: 1, type: 'collection' })), 409, 'STATEMENT_SETTLED');
    expectError(await activity(n.tokens.admin, { date: day, ventanaId: n.V1, totalSales: 1, totalPayouts: 0, commission: 0 }), 409, 'STATEMENT_SETTLED');
    // The failed request did not burn its key: it is still refused for the same reason.
    expectError(await pay(n.tokens.ventana, paymentBody({ ventanaId: n.V1 }, { date: day, amount: 1, idempotencyKey: key })), 409, 'STATEMENT_SETTLED');

    const s = await statement(n.tokens.ventana, { date: day, ventanaId: n.V1 });
    expect(s.body.data).toMatchObject({ totalPaid: 500, totalCollected: 0, totalSales: 0, isSaldado: true });
    // Other days and other entities are unaffected.
    await created(pay(n.tokens.ventana, paymentBody({ ventanaId: n.V1 }, { date: '2024-06-11', amount: 1 })));
    await created(pay(n.tokens.ventana, paymentBody({ vendedorId: n.S1 }, { date: day, amount: 1 })));
  });
});

describe('idempotency', () => {
  it('a replay answers 200 with meta.cached and the first response; nothing is written twice', async () => {
    const day = '2024-07-01';
    const body = paymentBody({ vendedorId: n.S1 }, { date: day, amount: 750, idempotencyKey: uniqueKey('replay') });
    const first = await pay(n.tokens.ventana, body);
    expect(first.status).toBe(201);
    expect(first.body.meta).toBeUndefined();
    const again = await pay(n.tokens.ventana, { ...body });
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ success: true, data: first.body.data, meta: { cached: true } });
    // The same request written differently (key order, amount as 750.00, default time spelled out) is the same request.
    const reordered = { idempotencyKey: body.idempotencyKey, amount: 750.0, time: body.time, method: 'cash', type: 'payment', vendedorId: n.S1, date: day };
    expect((await pay(n.tokens.ventana, reordered)).status).toBe(200);

    const s = await statement(n.tokens.ventana, { date: day, vendedorId: n.S1 });
    expect(s.body.data.totalPaid).toBe(750);
    const h = await history(n.tokens.ventana, { vendedorId: n.S1, from: day, to: day });
    expect(h.body.meta.total).toBe(1);
  });

  it('the same key with a different request is 422 IDEMPOTENCY_KEY_REUSED in the accounts envelope', async () => {
    const key = uniqueKey('reuse');
    await created(pay(n.tokens.admin, paymentBody({ ventanaId: n.V2 }, { date: '2024-07-02', idempotencyKey: key })));
    for (const change of [{ amount: 1001 }, { date: '2024-07-03' }, { notes: 'otra' }, { isFinal: true }, { type: 'collection' }]) {
      const res = await pay(n.tokens.admin, paymentBody({ ventanaId: n.V2 }, { date: '2024-07-02', idempotencyKey: key, ...change }));
      expectError(res, 422, 'IDEMPOTENCY_KEY_REUSED');
    }
    const other = await pay(n.tokens.admin, paymentBody({ ventanaId: n.V1 }, { date: '2024-07-02', idempotencyKey: key }));
    expectError(other, 422, 'IDEMPOTENCY_KEY_REUSED');
    // Nothing written: the refused payments' days (V2's 07-03, V1's 07-02) were never created.
    for (const [dim, date] of [[{ ventanaId: n.V2 }, '2024-07-03'], [{ ventanaId: n.V1 }, '2024-07-02']] as const) {
      const s = await statement(n.tokens.admin, { date, ...dim });
      expect(s.body.data, `${date} ${JSON.stringify(dim)}`).toMatchObject({ id: null, totalPaid: 0 });
    }
  });

  it('the Idempotency-Key header works like the body key, and both together must agree', async () => {
    const key = uniqueKey('header');
    const body = paymentBody({ ventanaId: n.V2 }, { date: '2024-07-04' });
    expect((await pay(n.tokens.admin, body, { 'Idempotency-Key': key })).status).toBe(201);
    expect((await pay(n.tokens.admin, body, { 'idempotency-key': key })).status).toBe(200);
    expect((await pay(n.tokens.admin, { ...body, idempotencyKey: key })).status).toBe(200);
    expectError(await pay(n.tokens.admin, { ...body, idempotencyKey: `${key}-x` }, { 'Idempotency-Key': key }), 400, 'VALIDATION_ERROR');
  });

  it('keys are scoped to the tenant; without a key every request is a new payment', async () => {
    const key = uniqueKey('tenant-scope');
    const other = await network();
    const mine = await created(pay(n.tokens.admin, paymentBody({ ventanaId: n.V1 }, { date: '2024-07-05', idempotencyKey: key })));
    const theirs = await created(pay(other.tokens.admin, paymentBody({ ventanaId: other.V1 }, { date: '2024-07-05', idempotencyKey: key })));
    expect(theirs.payment.id).not.toBe(mine.payment.id);

    const body = paymentBody({ ventanaId: n.V1 }, { date: '2024-07-06' });
    const a = await created(pay(n.tokens.admin, body));
    const b = await created(pay(n.tokens.admin, body));
    expect(a.payment.id).not.toBe(b.payment.id);
    expect(b.statement.totalPaid).toBe(2000);
  });

  it('a replay is still authorized: another user outside the scope cannot read the cached answer', async () => {
    const key = uniqueKey('scoped-replay');
    const body = paymentBody({ ventanaId: n.V1 }, { date: '2024-07-07', idempotencyKey: key });
    await created(pay(n.tokens.ventana, body));
    expectError(await pay(n.tokens.ventana2, body), 403, 'FORBIDDEN');
  });

  it('the service rejects a replay with a different body the same way (AppError 422)', async () => {
    const principal = { tenant: n.tenant, sub: 'admin-user', username: 'admin-user', roles: ['ADMIN'] as const };
    const key = uniqueKey('svc');
    const input = parseInput(createPaymentBody, paymentBody({ ventanaId: n.V1 }, { date: '2024-07-08' }), 'body');
    const first = await createPayment({ principal }, input, key);
    expect(first.replayed).toBe(false);
    const second = await createPayment({ principal }, input, key);
    expect(second).toEqual({ replayed: true, data: first.data });
    await expect(createPayment({ principal }, { ...input, amount: 2 }, key)).rejects.toBeInstanceOf(AppError);
  });
});
