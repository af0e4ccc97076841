/**
 * The ledger API's views (SPEC §3): money as `{amount, currency}` in minor units, optional fields
 * absent rather than null, charge status derived for the tenant's date.
 */
import { type Charge, type ChargeStatus, chargeStatus, outstanding } from '../../domain/charges.js';
import type { Currency } from '../../domain/money.js';
import type { PaymentMethod } from '../../domain/payment-methods.js';
import type { Party } from '../../domain/parties.js';
import type { Payment } from '../../domain/payments.js';
import type { TenantSettings } from '../../domain/tenants.js';
import { compact } from '../../ledger/compact.js';

export interface Money {
  amount: number;
  currency: Currency;
}

export const money = (amount: number, currency: Currency): Money => ({ amount, currency });

/** The ledger API shows a party as it is stored (an opening balance is money with its date: `{amount, currency, date}`). */
export type PartyView = Party;

export function partyView(p: Party): PartyView {
  return compact({
    id: p.id,
    kind: p.kind,
    name: p.name,
    taxId: p.taxId,
    email: p.email,
    parentId: p.parentId,
    externalId: p.externalId,
    openingBalance: p.openingBalance,
    active: p.active,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    version: p.version,
  });
}

/** The stored charge with money as `{amount, currency}` and its derived status and outstanding amount. */
export type ChargeView = Omit<Charge, 'amount' | 'lateFee' | 'paidAmount'> & {
  amount: Money;
  lateFee?: Money;
  paidAmount: Money;
  outstanding: Money;
  status: ChargeStatus;
};

/** The charge with its status, paid and outstanding amounts derived for `today` (the tenant's date). */
export function chargeView(c: Charge, today: string): ChargeView {
  const paid = c.paidAmount ?? 0;
  const derived = { ...c, paidAmount: paid };
  return compact({
    id: c.id,
    kind: c.kind,
    partyId: c.partyId,
    amount: money(c.amount, c.currency),
    currency: c.currency,
    lateFee: c.lateFee !== undefined ? money(c.lateFee, c.currency) : undefined,
    paidAmount: money(paid, c.currency),
    outstanding: money(c.voided ? 0 : outstanding(derived), c.currency),
    status: chargeStatus(derived, today),
    number: c.number,
    code: c.code,
    externalId: c.externalId,
    description: c.description,
    issueDate: c.issueDate,
    dueDate: c.dueDate,
    communityId: c.communityId,
    contractId: c.contractId,
    voided: c.voided,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    version: c.version,
  });
}

export type PaymentView = Omit<Payment, 'amount' | 'allocations'> & {
  amount: Money;
  allocations: { chargeId: string; amount: Money }[];
};

/** The canonical payment, whichever API created it, with money as `{amount, currency}`. */
export function paymentView(p: Payment): PaymentView {
  return compact({
    ...p,
    amount: money(p.amount, p.currency),
    allocations: (p.allocations ?? []).map((a) => ({ chargeId: a.chargeId, amount: money(a.amount, p.currency) })),
  });
}

export function paymentMethodView(m: PaymentMethod): PaymentMethod {
  return compact({ code: m.code, name: m.name, dialect: m.dialect });
}

/** `{items, nextCursor}` with each item rendered. */
export const pageView = <T, V>(page: { items: T[]; nextCursor: string | null }, view: (item: T) => V) => ({
  items: page.items.map(view),
  nextCursor: page.nextCursor,
});

/** A tenant's settings: `timeZone` is the zone in force, `nextTimeZone` a change waiting for its day. */
export function settingsView(s: TenantSettings) {
  return compact({
    id: s.id,
    name: s.name,
    currency: s.currency,
    currencyLocked: s.moneySince !== undefined,
    timeZone: s.timeZone,
    nextTimeZone: s.nextTimeZone,
    country: s.country,
    taxId: s.taxId,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    version: s.version,
  });
}
