/** The accounts shapes (seed 001): the seed's field names, money as major-unit numbers, ids as strings. */
import { type AccountKind, DIMENSION_FIELD } from '../../domain/account-scope.js';
import { type Currency, toMajorNumber } from '../../domain/money.js';
import type { Payment } from '../../domain/payments.js';
import type { StatementFigures } from '../../domain/statements.js';
import type { AccountStatement } from '../../ledger/accounts/statement.js';
import type { StatementDay } from '../../store/statements.js';

export const PAYMENT_TYPES = ['payment', 'collection'] as const;
export type AccountPaymentType = (typeof PAYMENT_TYPES)[number];

/**
 * The accounts `type` is the canonical payment's `direction`: a `payment` is money the entity pays
 * in (it lowers what it owes: totalPaid), a `collection` money going the other way (totalCollected).
 */
export const DIRECTION: Record<AccountPaymentType, Payment['direction']> = { payment: 'in', collection: 'out' };
export const accountType = (payment: Pick<Payment, 'direction'>): AccountPaymentType =>
  payment.direction === 'in' ? 'payment' : 'collection';

export interface RenderedPayment {
  id: string;
  date: string;
  time: string;
  bancaId?: string;
  ventanaId?: string;
  vendedorId?: string;
  amount: number;
  type: AccountPaymentType;
  method: string;
  notes: string | null;
  isReversed: boolean;
  isFinal: boolean;
  paidById: string;
  createdAt: string;
  reversedAt?: string;
  reversedById?: string;
  reversalReason?: string;
}

export function renderPayment(payment: Payment): RenderedPayment {
  const field = DIMENSION_FIELD[payment.entityKind as AccountKind] ?? 'entityId';
  return {
    id: payment.id,
    date: payment.date,
    time: payment.time ?? '00:00',
    [field]: payment.entityId,
    amount: toMajorNumber(payment.amount, payment.currency),
    type: accountType(payment),
    method: payment.method,
    notes: payment.notes ?? null,
    isReversed: payment.status === 'reversed',
    isFinal: payment.isFinal ?? false,
    paidById: payment.recordedBy,
    createdAt: payment.createdAt,
    ...(payment.reversal
      ? { reversedAt: payment.reversal.at, reversedById: payment.reversal.by, reversalReason: payment.reversal.reason }
      : {}),
  } as RenderedPayment;
}

export interface RenderedStatement {
  id: string | null;
  date: string;
  bancaId?: string;
  ventanaId?: string;
  vendedorId?: string;
  totalSales: number;
  totalPayouts: number;
  commission: number;
  balance: number;
  totalPaid: number;
  totalCollected: number;
  remainingBalance: number;
  isSaldado: boolean;
}

export function renderStatement(
  figures: StatementFigures & { day?: StatementDay },
  entity: { kind: AccountKind; id: string },
  currency: Currency,
): RenderedStatement {
  const major = (minor: number) => toMajorNumber(minor, currency);
  return {
    id: figures.day?.id ?? null,
    date: figures.date,
    [DIMENSION_FIELD[entity.kind]]: entity.id,
    totalSales: major(figures.totalSales),
    totalPayouts: major(figures.totalPayouts),
    commission: major(figures.commission),
    balance: major(figures.balance),
    totalPaid: major(figures.totalPaid),
    totalCollected: major(figures.totalCollected),
    remainingBalance: major(figures.remainingBalance),
    isSaldado: figures.day?.isSaldado ?? false,
  } as RenderedStatement;
}

/** `null` stays `null`: a write committed whose statement could not be read back (the store was unavailable). */
export function renderAccountStatement(s: AccountStatement): RenderedStatement;
export function renderAccountStatement(s: AccountStatement | null): RenderedStatement | null;
export function renderAccountStatement(s: AccountStatement | null): RenderedStatement | null {
  return s && renderStatement(s.figures, s.entity, s.currency);
}

export interface PaymentAndStatement {
  payment: RenderedPayment;
  /** `null` when the write committed but the statement could not be read back (store unavailable). */
  statement: RenderedStatement | null;
}
