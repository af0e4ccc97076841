/**
 * The accounts shapes (seed 001): the seed's field names, money as major-unit numbers, ids as strings;
 * an entity's id is the one its clients know (its externalId when it has one: issue 13 item 13).
 */
import { type AccountKind, DIMENSION_FIELD } from '../../domain/account-scope.js';
import { type Currency, sumMinor, toMajorNumber } from '../../domain/money.js';
import { knownIdIn } from '../../domain/parties.js';
import type { Payment } from '../../domain/payments.js';
import { splitCommission, type StatementFigures } from '../../domain/statements.js';
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

type DimensionIds = Record<'bancaId' | 'ventanaId' | 'vendedorId', string | null>;

/** bancaId, ventanaId and vendedorId: the entity's id under its own kind's field, null under the others. */
function dimensionIds(kind: string | undefined, id: string | undefined): DimensionIds {
  const ids: DimensionIds = { bancaId: null, ventanaId: null, vendedorId: null };
  const field = DIMENSION_FIELD[kind as AccountKind];
  if (field && id) ids[field] = id;
  return ids;
}

/** The seed's payment, plus the original server's own fields (issue 13 item 10). */
export interface RenderedPayment extends DimensionIds {
  id: string;
  accountStatementId: string | null;
  date: string;
  /** YYYY-MM of `date`. */
  month: string;
  time: string;
  amount: number;
  type: AccountPaymentType;
  method: string;
  notes: string | null;
  isReversed: boolean;
  isFinal: boolean;
  paidById: string;
  paidByName: string | null;
  idempotencyKey: string | null;
  createdAt: string;
  updatedAt: string;
  reversedAt: string | null;
  reversedBy: string | null;
  reversedByUser: { id: string; name: string | null } | null;
  /** Caja's names of the reversal's who and why (kept from the first version). */
  reversedById?: string;
  reversalReason?: string;
}

export function renderPayment(payment: Payment): RenderedPayment {
  const { reversal } = payment;
  return {
    id: payment.id,
    accountStatementId: payment.accountStatementId ?? null,
    date: payment.date,
    month: payment.date.slice(0, 7),
    time: payment.time ?? '00:00',
    ...dimensionIds(payment.entityKind, payment.entityId && knownIdIn(payment, payment.entityId)),
    amount: toMajorNumber(payment.amount, payment.currency),
    type: accountType(payment),
    method: payment.method,
    notes: payment.notes ?? null,
    isReversed: payment.status === 'reversed',
    isFinal: payment.isFinal ?? false,
    paidById: payment.recordedBy,
    paidByName: payment.recordedByName ?? null,
    idempotencyKey: payment.idempotencyKey ?? null,
    createdAt: payment.createdAt,
    updatedAt: payment.updatedAt,
    reversedAt: reversal?.at ?? null,
    reversedBy: reversal?.by ?? null,
    reversedByUser: reversal ? { id: reversal.by, name: reversal.byName ?? null } : null,
    ...(reversal ? { reversedById: reversal.by, ...(reversal.reason !== undefined ? { reversalReason: reversal.reason } : {}) } : {}),
  };
}

type DimensionNames = Record<'bancaName' | 'ventanaName' | 'vendedorName', string | null>;
const NAME_FIELD = { banca: 'bancaName', ventana: 'ventanaName', vendedor: 'vendedorName' } as const satisfies Record<AccountKind, keyof DimensionNames>;

/** The seed's statement, plus the original server's own fields (issue 13 item 10). */
export interface RenderedStatement extends DimensionIds, DimensionNames {
  id: string | null;
  date: string;
  /** YYYY-MM of `date`. */
  month: string;
  totalSales: number;
  totalPayouts: number;
  /** listeroCommission + vendedorCommission. */
  commission: number;
  listeroCommission: number;
  vendedorCommission: number;
  /** totalSales − totalPayouts − commission. */
  balance: number;
  totalPaid: number;
  totalCollected: number;
  /** totalPaid + totalCollected. */
  totalPaymentsCollections: number;
  remainingBalance: number;
  /** Sum of `balance` from the 1st of the month through this day. */
  accumulatedBalance: number;
  isSaldado: boolean;
  /** Same as isSaldado (the original's name). */
  isSettled: boolean;
  settledAt: string | null;
  /** Whether the day still takes payments and activity: not settled. */
  canEdit: boolean;
  ticketCount: number;
  createdAt: string | null;
  updatedAt: string | null;
}

/** A statement's figures: the day's own (stored, if any), the carried balances, and the day item. */
export type StatementView = StatementFigures & { day?: StatementDay; accumulatedBalance?: number };

export function renderStatement(
  figures: StatementView,
  entity: { kind: AccountKind; id: string; name?: string | null; externalId?: string | undefined },
  currency: Currency,
): RenderedStatement {
  const major = (minor: number) => toMajorNumber(minor, currency);
  const { day } = figures;
  const split = day ?? splitCommission(entity.kind, figures.commission);
  const names: DimensionNames = { bancaName: null, ventanaName: null, vendedorName: null };
  names[NAME_FIELD[entity.kind]] = entity.name ?? null;
  const settled = day?.isSaldado ?? false;
  return {
    id: day?.id ?? null,
    date: figures.date,
    month: figures.date.slice(0, 7),
    ...dimensionIds(entity.kind, entity.externalId ?? entity.id),
    ...names,
    totalSales: major(figures.totalSales),
    totalPayouts: major(figures.totalPayouts),
    commission: major(figures.commission),
    listeroCommission: major(split.listeroCommission),
    vendedorCommission: major(split.vendedorCommission),
    balance: major(figures.balance),
    totalPaid: major(figures.totalPaid),
    totalCollected: major(figures.totalCollected),
    totalPaymentsCollections: major(sumMinor([figures.totalPaid, figures.totalCollected])),
    remainingBalance: major(figures.remainingBalance),
    accumulatedBalance: major(figures.accumulatedBalance ?? figures.balance),
    isSaldado: settled,
    isSettled: settled,
    settledAt: day?.settledAt ?? null,
    canEdit: !settled,
    ticketCount: day?.ticketCount ?? 0,
    createdAt: day?.createdAt ?? null,
    updatedAt: day?.updatedAt ?? null,
  };
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
