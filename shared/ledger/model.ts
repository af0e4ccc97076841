/**
 * The canonical model every dialect maps in and out of (SPEC §2): one Party, Charge, Payment and
 * Statement whichever API wrote or reads them. The types and their pure rules live in
 * shared/domain/; this is the ledger core's one place to import them from.
 */
export type { Party, PartyKind } from '../domain/parties.js';
export type { Charge, ChargeKind, ChargeStatus } from '../domain/charges.js';
export type { Allocation, Payment, Reversal } from '../domain/payments.js';
export type { DayFigures, StatementFigures as Statement } from '../domain/statements.js';
export type { PaymentMethod } from '../domain/payment-methods.js';
export type { Currency } from '../domain/money.js';
