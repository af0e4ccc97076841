/** Accounts request schemas, the idempotency key's two spellings and the seed's response shapes. */
import { describe, expect, it } from 'vitest';
import type { Payment } from '../../shared/domain/payments.js';
import { HttpError as AppError } from '../../shared/http/errors.js';
import { parseInput } from '../../shared/http/validation.js';
import { createPaymentBody } from '../../functions/accounts/schemas/create-payment.js';
import { statementQuery } from '../../functions/accounts/schemas/get-statement.js';
import { paymentsQuery } from '../../functions/accounts/schemas/list-payments.js';
import { reversePaymentBody } from '../../functions/accounts/schemas/reverse-payment.js';
import { activityBody } from '../../functions/accounts/schemas/set-activity.js';
import { renderPayment, renderStatement } from '../../shared/dialects/accounts/render.js';
import { idempotencyKeyOf } from '../../shared/dialects/accounts/requests.js';
import { REQUEST_EXAMPLES } from '../../lib/openapi/examples.js';

/** The seed's example request, as the API reference shows it. */
const valid = REQUEST_EXAMPLES['POST /api/v1/accounts/payment']!.body!;

function fieldsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(400);
    return ((error as AppError).issues ?? []).map((i) => i.field);
  }
  throw new Error('expected a 400');
}

describe('createPaymentBody', () => {
  it("accepts the document's example request", () => {
    expect(parseInput(createPaymentBody, valid, 'body')).toEqual(valid);
  });

  it('accepts every documented method and both types', () => {
    for (const method of ['cash', 'transfer', 'check', 'other', 'system']) {
      for (const type of ['payment', 'collection']) {
        expect(() => parseInput(createPaymentBody, { ...valid, method, type }, 'body')).not.toThrow();
      }
    }
  });

  it.each([
    [{ amount: 0 }, 'amount'],
    [{ amount: -5 }, 'amount'],
    [{ amount: '100' }, 'amount'],
    [{ type: 'refund' }, 'type'],
    [{ method: 'card' }, 'method'],
    [{ date: '2024-02-30' }, 'date'],
    [{ date: '15/03/2024' }, 'date'],
    [{ time: '24:00' }, 'time'],
    [{ time: '9:30' }, 'time'],
    [{ notes: 'x'.repeat(501) }, 'notes'],
    [{ isFinal: 'yes' }, 'isFinal'],
    [{ idempotencyKey: 'short' }, 'idempotencyKey'],
    [{ idempotencyKey: 'k'.repeat(101) }, 'idempotencyKey'],
    // 'ventana-001' is an externalId now (issue 13 item 13): what names no ventana is a 404, not a 400.
    [{ ventanaId: '' }, 'ventanaId'],
    [{ ventanaId: 'v'.repeat(101) }, 'ventanaId'],
    [{ tenant: 'other' }, 'tenant'],
    [{ paidById: 'someone-else' }, 'paidById'],
  ])('rejects %j naming %s', (change, field) => {
    expect(fieldsOf(() => parseInput(createPaymentBody, { ...valid, ...change }, 'body'))).toContain(field);
  });

  it('treats time, notes, isFinal and idempotencyKey as optional', () => {
    const { time: _t, notes: _n, isFinal: _f, idempotencyKey: _k, ...minimal } = valid;
    expect(parseInput(createPaymentBody, minimal, 'body')).toEqual(minimal);
  });

  it('takes JSON null as absent for every optional field (issue 13 item 5)', () => {
    const { time: _t, notes: _n, isFinal: _f, idempotencyKey: _k, ...minimal } = valid;
    const nulls = { time: null, notes: null, isFinal: null, idempotencyKey: null, bancaId: null, vendedorId: null };
    const parsed = parseInput(createPaymentBody, { ...minimal, ...nulls }, 'body');
    expect(parsed).toMatchObject(minimal);
    for (const field of Object.keys(nulls)) expect(parsed[field as keyof typeof parsed], field).toBeUndefined();
  });
});

describe('other inputs', () => {
  it('reverse-payment needs a payment id and a reason of at least 5 characters', () => {
    expect(parseInput(reversePaymentBody, { paymentId: '123', reason: 'Duplicado' }, 'body')).toEqual({ paymentId: '123', reason: 'Duplicado' });
    expect(fieldsOf(() => parseInput(reversePaymentBody, { paymentId: '123', reason: 'no' }, 'body'))).toEqual(['reason']);
    expect(fieldsOf(() => parseInput(reversePaymentBody, { paymentId: '123', reason: '    x    ' }, 'body'))).toEqual(['reason']);
    expect(fieldsOf(() => parseInput(reversePaymentBody, { reason: 'Duplicado' }, 'body'))).toEqual(['paymentId']);
  });

  it('activity figures are non-negative numbers, all required', () => {
    const ok = { date: '2024-03-15', ventanaId: '1', totalSales: 500000, totalPayouts: 250000, commission: 17500 };
    expect(parseInput(activityBody, ok, 'body')).toEqual(ok);
    expect(fieldsOf(() => parseInput(activityBody, { ...ok, commission: -1 }, 'body'))).toEqual(['commission']);
    const { totalSales: _s, ...missing } = ok;
    expect(fieldsOf(() => parseInput(activityBody, missing, 'body'))).toEqual(['totalSales']);
  });

  it('queries: strict, page from 1, pageSize at most 100', () => {
    expect(parseInput(statementQuery, { ventanaId: '1' }, 'query')).toEqual({ ventanaId: '1' });
    expect(fieldsOf(() => parseInput(statementQuery, { ventanaId: '1', foo: 'x' }, 'query'))).toEqual(['foo']);
    expect(parseInput(paymentsQuery, { ventanaId: '1' }, 'query')).toEqual({ ventanaId: '1', page: 1, pageSize: 20 });
    expect(fieldsOf(() => parseInput(paymentsQuery, { page: '0' }, 'query'))).toEqual(['page']);
    expect(fieldsOf(() => parseInput(paymentsQuery, { pageSize: '101' }, 'query'))).toEqual(['pageSize']);
    expect(fieldsOf(() => parseInput(paymentsQuery, { from: '2024-13-01' }, 'query'))).toEqual(['from']);
  });
});

describe('idempotencyKeyOf', () => {
  it('takes the body key or the Idempotency-Key header (any case), and refuses two different ones', () => {
    expect(idempotencyKeyOf('body-key-123', {})).toBe('body-key-123');
    expect(idempotencyKeyOf(undefined, { 'Idempotency-Key': 'header-key-1' })).toBe('header-key-1');
    expect(idempotencyKeyOf('same-key-123', { 'idempotency-key': 'same-key-123' })).toBe('same-key-123');
    expect(idempotencyKeyOf(undefined, {})).toBeUndefined();
    expect(fieldsOf(() => idempotencyKeyOf('body-key-123', { 'idempotency-key': 'other-key-1' }))).toEqual(['idempotencyKey']);
    expect(fieldsOf(() => idempotencyKeyOf(undefined, { 'idempotency-key': 'short' }))).toEqual(['Idempotency-Key']);
  });
});

describe('rendering', () => {
  const payment: Payment = {
    id: '123456789',
    source: 'accounts',
    amount: 10000000,
    currency: 'CRC',
    date: '2024-03-15',
    time: '14:30',
    method: 'cash',
    direction: 'in',
    notes: 'Pago parcial',
    entityId: '3101',
    entityKind: 'ventana',
    isFinal: false,
    recordedBy: 'user-123',
    allocations: [],
    status: 'active',
    deleted: false,
    reconciliation: 'reconciled',
    createdAt: '2024-03-15T20:30:00.000Z',
    updatedAt: '2024-03-15T20:30:00.000Z',
    version: 1,
  };

  it("renders a payment in the document's shape, amounts in major units, with the original's fields (issue 13 item 10)", () => {
    expect(renderPayment({ ...payment, accountStatementId: '555', recordedByName: 'ana', idempotencyKey: 'payment-2024-03-15-001' })).toEqual({
      id: '123456789',
      accountStatementId: '555',
      date: '2024-03-15',
      month: '2024-03',
      time: '14:30',
      bancaId: null,
      ventanaId: '3101',
      vendedorId: null,
      amount: 100000,
      type: 'payment',
      method: 'cash',
      notes: 'Pago parcial',
      isReversed: false,
      isFinal: false,
      paidById: 'user-123',
      paidByName: 'ana',
      idempotencyKey: 'payment-2024-03-15-001',
      createdAt: '2024-03-15T20:30:00.000Z',
      updatedAt: '2024-03-15T20:30:00.000Z',
      reversedAt: null,
      reversedBy: null,
      reversedByUser: null,
    });
  });

  it('renders a reversed collection with who, when and why', () => {
    const reversed = renderPayment({
      ...payment,
      direction: 'out',
      notes: undefined,
      entityKind: 'vendedor',
      status: 'reversed',
      reversal: { by: 'admin-1', byName: 'Admin Uno', at: '2024-03-16T10:00:00.000Z', reason: 'Duplicado' },
    } as Payment);
    expect(reversed).toMatchObject({
      type: 'collection',
      vendedorId: '3101',
      notes: null,
      isReversed: true,
      reversedAt: '2024-03-16T10:00:00.000Z',
      reversedById: 'admin-1',
      reversalReason: 'Duplicado',
      reversedBy: 'admin-1',
      reversedByUser: { id: 'admin-1', name: 'Admin Uno' },
    });
    expect(reversed.ventanaId).toBeNull();
  });

  it('renders a statement with its dimension field and all figures', () => {
    const statement = renderStatement(
      { date: '2024-03-15', totalSales: 50000000, totalPayouts: 25000000, commission: 1750000, totalPaid: 10000000, totalCollected: 0, balance: 23250000, remainingBalance: 13250000 },
      { kind: 'banca', id: '3001', name: 'Banca Central' },
      'CRC',
    );
    expect(statement).toEqual({
      id: null,
      date: '2024-03-15',
      month: '2024-03',
      bancaId: '3001',
      ventanaId: null,
      vendedorId: null,
      bancaName: 'Banca Central',
      ventanaName: null,
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
      createdAt: null,
      updatedAt: null,
    });
  });
});
