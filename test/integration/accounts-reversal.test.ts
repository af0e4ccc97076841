/** POST /api/v1/accounts/reverse-payment through its handler, against DynamoDB Local. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Payment } from '../../shared/domain/payments.js';
import { newId } from '../../shared/ids.js';
import { listAudit } from '../../shared/store/audit.js';
import { getPayment, insertPayment } from '../../shared/store/payments.js';
import { transact } from '../../shared/store/tx.js';
import { created, expectError, history, type Network, network, pay, paymentBody, reverse, statement } from './accounts-fixtures.js';

let n: Network;

beforeAll(async () => {
  n = await network();
});

describe('reversing a payment', () => {
  it('keeps the payment, flags who/when/why, restores the statement and logs ACCOUNT_PAYMENT_REVERSE', async () => {
    const day = '2024-03-01';
    const kept = await created(pay(n.tokens.ventana, paymentBody({ vendedorId: n.S1 }, { date: day, amount: 400 })));
    const wrong = await created(pay(n.tokens.ventana, paymentBody({ vendedorId: n.S1 }, { date: day, amount: 999.99, type: 'collection' })));
    expect(wrong.statement).toMatchObject({ totalPaid: 400, totalCollected: 999.99 });

    const res = await reverse(n.tokens.banca, { paymentId: wrong.payment.id, reason: '  Cobro duplicado  ' });
    expect(res.status, res.text).toBe(200);
    expect(res.body.success).toBe(true);
    expect(res.body.data.payment).toEqual({
      ...wrong.payment,
      isReversed: true,
      updatedAt: expect.any(String),
      reversedAt: expect.any(String),
      reversedBy: 'banca-user',
      reversedByUser: { id: 'banca-user', name: 'banca-user' },
      reversedById: 'banca-user',
      reversalReason: 'Cobro duplicado',
    });
    expect(res.body.data.statement).toMatchObject({ vendedorId: n.S1, totalPaid: 400, totalCollected: 0, remainingBalance: -400 });

    const stored = await getPayment(n.tenant, wrong.payment.id, true);
    expect(stored).toMatchObject({ status: 'reversed', version: 2, reversal: { by: 'banca-user', reason: 'Cobro duplicado' } });

    // Still listed in the history, flagged.
    const h = await history(n.tokens.ventana, { vendedorId: n.S1, from: day, to: day });
    expect(h.body.data.map((p: { id: string; isReversed: boolean }) => [p.id, p.isReversed])).toEqual(
      expect.arrayContaining([
        [kept.payment.id, false],
        [wrong.payment.id, true],
      ]),
    );

    const audit = await listAudit(n.tenant, wrong.payment.id, 10);
    expect(audit.items.map((e) => e.action)).toEqual(['ACCOUNT_PAYMENT_REVERSE', 'ACCOUNT_PAYMENT_CREATE']);
    expect(audit.items[0]).toMatchObject({
      actor: 'banca-user',
      before: expect.objectContaining({ status: 'active' }),
      after: expect.objectContaining({ status: 'reversed' }),
      details: { reason: 'Cobro duplicado' },
    });
  });

  it('a second reversal is 400 PAYMENT_ALREADY_REVERSED and changes nothing', async () => {
    const p = await created(pay(n.tokens.admin, paymentBody({ ventanaId: n.V2 }, { date: '2024-03-02', amount: 10 })));
    expect((await reverse(n.tokens.admin, { paymentId: p.payment.id, reason: 'Error de digitación' })).status).toBe(200);
    expectError(await reverse(n.tokens.admin, { paymentId: p.payment.id, reason: 'Error de digitación' }), 400, 'PAYMENT_ALREADY_REVERSED');
    const s = await statement(n.tokens.admin, { date: '2024-03-02', ventanaId: n.V2 });
    expect(s.body.data.totalPaid).toBe(0);
  });

  it('reversing the payment that settled the day un-settles it; other reversals leave it settled', async () => {
    const day = '2024-03-03';
    const first = await created(pay(n.tokens.ventana, paymentBody({ ventanaId: n.V1 }, { date: day, amount: 100 })));
    const final = await created(pay(n.tokens.ventana, paymentBody({ ventanaId: n.V1 }, { date: day, amount: 50, isFinal: true })));
    expect(final.statement.isSaldado).toBe(true);

    const r1 = await reverse(n.tokens.ventana, { paymentId: first.payment.id, reason: 'Monto equivocado' });
    expect(r1.body.data.statement).toMatchObject({ totalPaid: 50, isSaldado: true });
    const r2 = await reverse(n.tokens.ventana, { paymentId: final.payment.id, reason: 'Cierre prematuro' });
    expect(r2.body.data.statement).toMatchObject({ totalPaid: 0, isSaldado: false });
    await created(pay(n.tokens.ventana, paymentBody({ ventanaId: n.V1 }, { date: day, amount: 25 })));
  });

  it('404 PAYMENT_NOT_FOUND: unknown ids, other tenants’ payments, other APIs’ payments', async () => {
    expectError(await reverse(n.tokens.admin, { paymentId: '123456789', reason: 'No existe' }), 404, 'PAYMENT_NOT_FOUND');

    const other = await network();
    const theirs = await created(pay(other.tokens.admin, paymentBody({ ventanaId: other.V1 })));
    expectError(await reverse(n.tokens.admin, { paymentId: theirs.payment.id, reason: 'Ajeno' }), 404, 'PAYMENT_NOT_FOUND');
    expect((await getPayment(other.tenant, theirs.payment.id, true))?.status).toBe('active');

    // A workorders payment has an id too, but it is not an account payment.
    const now = new Date().toISOString();
    const workOrderPayment: Payment = {
      id: newId(),
      source: 'workorders',
      amount: 100,
      currency: 'CRC',
      date: '2024-03-04',
      method: 'EFECTIVO',
      direction: 'in',
      recordedBy: 'x',
      allocations: [{ chargeId: '1', amount: 100 }],
      status: 'active',
      deleted: false,
      reconciliation: 'reconciled',
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    await transact([['payment', insertPayment(n.tenant, workOrderPayment)]]);
    expectError(await reverse(n.tokens.admin, { paymentId: workOrderPayment.id, reason: 'Otro API' }), 404, 'PAYMENT_NOT_FOUND');
  });

  it('the same authorization as creating: VENDEDOR 403; outside the scope it does not exist (404)', async () => {
    const p = await created(pay(n.tokens.admin, paymentBody({ vendedorId: n.S2 }, { date: '2024-03-05' })));
    expectError(await reverse(n.tokens.vendedor, { paymentId: p.payment.id, reason: 'No puedo' }), 403, 'FORBIDDEN');
    // VENTANA V1 naming a payment of V2's vendedor; BANCA B2 naming a payment of B1's network.
    expectError(await reverse(n.tokens.ventana, { paymentId: p.payment.id, reason: 'No es mío' }), 404, 'PAYMENT_NOT_FOUND');
    const banca2 = n.tokens.banca2;
    expectError(await reverse(banca2, { paymentId: p.payment.id, reason: 'No es mío' }), 404, 'PAYMENT_NOT_FOUND');
    // Its own ventana may.
    expect((await reverse(n.tokens.ventana2, { paymentId: p.payment.id, reason: 'Sí es mío' })).status).toBe(200);
  });

  it('validates the body: reason of at least 5 characters, a payment id', async () => {
    expectError(await reverse(n.tokens.admin, { paymentId: '1', reason: 'abc' }), 400, 'VALIDATION_ERROR');
    expectError(await reverse(n.tokens.admin, { paymentId: 'pay-abc-123', reason: 'Motivo válido' }), 400, 'VALIDATION_ERROR');
    expectError(await reverse(n.tokens.admin, { paymentId: '1', reason: 'Motivo válido', extra: true }), 400, 'VALIDATION_ERROR');
  });

  it('concurrent reversals of one payment: exactly one wins, the others get PAYMENT_ALREADY_REVERSED', async () => {
    const day = '2024-03-06';
    await created(pay(n.tokens.admin, paymentBody({ ventanaId: n.V1 }, { date: day, amount: 70 })));
    const target = await created(pay(n.tokens.admin, paymentBody({ ventanaId: n.V1 }, { date: day, amount: 30 })));
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => reverse(n.tokens.admin, { paymentId: target.payment.id, reason: `Intento ${i}` })),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 400)).toHaveLength(19);
    for (const r of results.filter((x) => x.status === 400)) expect(r.body.meta.code).toBe('PAYMENT_ALREADY_REVERSED');
    const s = await statement(n.tokens.admin, { date: day, ventanaId: n.V1 });
    expect(s.body.data.totalPaid).toBe(70);
    const audit = await listAudit(n.tenant, target.payment.id, 50);
    expect(audit.items.filter((e) => e.action === 'ACCOUNT_PAYMENT_REVERSE')).toHaveLength(1);
  });
});
