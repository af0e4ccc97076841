import { describe, expect, it } from 'vitest';
import type { Charge } from '../../shared/domain/charges.js';
import type { Party } from '../../shared/domain/parties.js';
import type { Payment } from '../../shared/domain/payments.js';
import { chargeView, partyView, paymentMethodView, paymentView } from '../../shared/dialects/ledger/render.js';

const charge = (overrides: Partial<Charge> = {}): Charge => ({
  id: '100',
  kind: 'community_charge',
  partyId: '200',
  amount: 15000,
  currency: 'PEN',
  paidAmount: 0,
  voided: false,
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
  version: 1,
  ...overrides,
});

describe('chargeView', () => {
  it('renders money as {amount, currency} in minor units and derives status', () => {
    const view = chargeView(charge({ lateFee: 500, dueDate: '2025-02-01' }), '2025-01-15');
    expect(view).toEqual({
      id: '100',
      kind: 'community_charge',
      partyId: '200',
      amount: { amount: 15000, currency: 'PEN' },
      currency: 'PEN',
      lateFee: { amount: 500, currency: 'PEN' },
      paidAmount: { amount: 0, currency: 'PEN' },
      outstanding: { amount: 15500, currency: 'PEN' },
      status: 'pending',
      dueDate: '2025-02-01',
      voided: false,
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-01T00:00:00.000Z',
      version: 1,
    });
  });

  it('derives every status from amounts, due date and the tenant day', () => {
    expect(chargeView(charge({ paidAmount: 5000 }), '2025-01-15').status).toBe('partially_paid');
    expect(chargeView(charge({ paidAmount: 15000 }), '2025-01-15').status).toBe('paid');
    expect(chargeView(charge({ dueDate: '2025-01-14' }), '2025-01-15').status).toBe('overdue');
    expect(chargeView(charge({ dueDate: '2025-01-15' }), '2025-01-15').status).toBe('pending');
    // The late fee is owed too: paying the bare amount is not enough.
    expect(chargeView(charge({ paidAmount: 15000, lateFee: 1 }), '2025-01-15').status).toBe('partially_paid');
  });

  it('shows a void charge as owing nothing', () => {
    const view = chargeView(charge({ voided: true }), '2025-01-15');
    expect(view.status).toBe('void');
    expect(view.outstanding).toEqual({ amount: 0, currency: 'PEN' });
  });

  it('never renders a negative outstanding amount', () => {
    expect(chargeView(charge({ paidAmount: 20000 }), '2025-01-15').outstanding.amount).toBe(0);
  });

  it('treats a missing paidAmount as zero', () => {
    const { paidAmount: _omit, ...stored } = charge();
    expect(chargeView(stored as Charge, '2025-01-15').paidAmount).toEqual({ amount: 0, currency: 'PEN' });
  });

  it('keeps CLP amounts as whole units', () => {
    expect(chargeView(charge({ amount: 1000, currency: 'CLP' }), '2025-01-15').amount).toEqual({ amount: 1000, currency: 'CLP' });
  });
});

describe('partyView', () => {
  it('omits absent optional fields and storage attributes', () => {
    const party = {
      id: '1',
      kind: 'client',
      name: 'Acme',
      active: true,
      createdAt: 'c',
      updatedAt: 'u',
      version: 3,
      gsi1pk: 'leak',
    } as Party & { gsi1pk: string };
    expect(partyView(party)).toEqual({ id: '1', kind: 'client', name: 'Acme', active: true, createdAt: 'c', updatedAt: 'u', version: 3 });
  });
});

describe('paymentView', () => {
  it('renders the amount and every allocation as money objects', () => {
    const payment: Payment = {
      id: '9',
      source: 'communities',
      amount: 2500,
      currency: 'MXN',
      date: '2025-01-02',
      method: 'transferencia',
      direction: 'in',
      recordedBy: 'admin',
      allocations: [
        { chargeId: '1', amount: 2000 },
        { chargeId: '2', amount: 500 },
      ],
      status: 'active',
      deleted: false,
      reconciliation: 'reconciled',
      createdAt: 'c',
      updatedAt: 'u',
      version: 1,
    };
    const view = paymentView(payment);
    expect(view.amount).toEqual({ amount: 2500, currency: 'MXN' });
    expect(view.allocations).toEqual([
      { chargeId: '1', amount: { amount: 2000, currency: 'MXN' } },
      { chargeId: '2', amount: { amount: 500, currency: 'MXN' } },
    ]);
    expect(view).toMatchObject({ id: '9', source: 'communities', method: 'transferencia', currency: 'MXN', status: 'active' });
  });
});

describe('paymentMethodView', () => {
  it('keeps code, name and dialect only', () => {
    expect(paymentMethodView({ code: 'BCP', name: 'BCP', dialect: 'workorders', createdAt: 'x' } as never)).toEqual({
      code: 'BCP',
      name: 'BCP',
      dialect: 'workorders',
    });
    expect(paymentMethodView({ code: 'x', name: 'X' })).toEqual({ code: 'x', name: 'X' });
  });
});
