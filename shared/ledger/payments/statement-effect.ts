/**
 * A payment's statement effect (accounts API): recording it adds its amount to its entity's day
 * (settling the day when final), reversing it takes the amount back out. Plugged into the payment
 * core by the use cases of payments that have an account entity, so payments without one (work
 * orders, documents) carry none of this code.
 */
import { statementEffect } from '../../domain/statements.js';
import { KEY_RECORD } from '../../store/idempotency.js';
import { paymentRecordedOnDay, paymentReversedOnDay } from '../../store/statement-days.js';
import { ConditionFailed, type TxItems } from '../../store/tx.js';
import { Conflict } from '../errors.js';
import type { Payment } from '../model.js';

export const settledDay = () => new Conflict('The day is already settled (saldado); it takes no more changes', 'STATEMENT_SETTLED');

/** The statement item of a new payment; its condition fails (as `statement`) on a settled day. */
export function onStatementWhenRecorded(tenant: string) {
  return (payment: Payment, at: string): TxItems => {
    const effect = statementEffect(payment);
    return effect ? paymentRecordedOnDay(effect.target(tenant), effect.change, at) : [];
  };
}

/** A settled day refuses the payment (STATEMENT_SETTLED); a lost idempotency race is not this. */
export function settledDayError(error: unknown): unknown {
  return error instanceof ConditionFailed && !error.on(KEY_RECORD) && error.on('statement') ? settledDay() : error;
}

/**
 * The statement item of a payment that stops counting (reversed): a reversal corrects a mistake, so
 * it is accepted on a settled day, and un-settles it if this payment settled it.
 */
export function onStatementWhenReversed(tenant: string) {
  return (before: Payment, after: Payment, at: string): TxItems => {
    const effect = statementEffect(before);
    if (!effect || before.status !== 'active' || after.status === 'active') return [];
    const change = { field: effect.change.field, amount: before.amount, unsettle: before.isFinal === true };
    return paymentReversedOnDay(effect.target(tenant), change, at);
  };
}
