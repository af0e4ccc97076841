/**
 * Reverse an accounts payment: kept, flagged reversed with who/when/why, its amount taken back out
 * of its day (un-settling the day if it was the payment that settled it), audited; one
 * transaction, optimistic on the payment's version, so of concurrent reversals exactly one wins and
 * the others see PAYMENT_ALREADY_REVERSED.
 */
import { tenantSettings } from '../../store/tenants.js';
import type { UseCaseContext } from '../context.js';
import { changeOnce } from '../create-once.js';
import { Conflict, issue } from '../errors.js';
import type { Payment } from '../model.js';
import { changePayment } from '../payments/change-payment.js';
import { onStatementWhenReversed } from '../payments/statement-effect.js';
import { entityOfPayment, requireAccountPayment, requireActor } from './access.js';
import { ACCOUNT_ACTIONS, type AccountStatement, readAccountStatementAfterWrite } from './statement.js';

export async function reverseAccountPayment(
  ctx: UseCaseContext,
  command: { paymentId: string; reason: string; idempotencyKey?: string | undefined },
): Promise<{ payment: Payment; statement: AccountStatement | null }> {
  const { principal } = ctx;
  const { tenant } = principal;
  const actor = requireActor(principal, 'write');
  let first: Payment | undefined = await requireAccountPayment(tenant, command.paymentId);
  const entity = await entityOfPayment(tenant, actor, first);
  const { currency } = await tenantSettings(tenant);
  const reason = command.reason.trim();
  const idempotency = { key: command.idempotencyKey, scope: 'accounts.reverse', request: { paymentId: command.paymentId, reason } };
  const payment = await changeOnce<Payment>(tenant, idempotency, command.paymentId, (keyRecord) => changePayment(ctx, {
    keyRecord,
    // The first attempt decides on the payment just read; after a lost race, on a fresh read.
    load: async () => {
      const payment = first ?? (await requireAccountPayment(tenant, command.paymentId));
      first = undefined;
      return payment;
    },
    decide: (before, at) => {
      if (before.status === 'reversed') {
        throw new Conflict('Payment is already reversed', 'PAYMENT_ALREADY_REVERSED', issue('paymentId', 'Already reversed'));
      }
      return { ...before, status: 'reversed', reversal: { by: principal.sub, at, reason } };
    },
    audit: { action: ACCOUNT_ACTIONS.reverse, details: { reason } },
    effects: onStatementWhenReversed(tenant),
  }));
  return { payment, statement: await readAccountStatementAfterWrite(ctx, tenant, entity, payment.date, currency) };
}
