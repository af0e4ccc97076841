/** POST /api/v1/accounts/payment in accounts terms: the request in, the seed's payment and statement out. */
import type { UseCaseContext } from '../../ledger/context.js';
import { recordAccountPayment } from '../../ledger/accounts/record-account-payment.js';
import { firstResult } from '../created.js';
import { inDialectTerms } from '../failure.js';
import { accounts } from './index.js';
import { type PaymentAndStatement, type RenderedPayment, renderAccountStatement, renderPayment } from './render.js';
import { type CreatePaymentRequest, toRecordPaymentCommand } from './requests.js';

/**
 * Records the payment; a replay answers the first payment and the day's statement as it is now.
 * Errors come out in accounts terms (status and code), for callers outside the HTTP pipeline too.
 */
export async function createPayment(
  ctx: UseCaseContext,
  body: CreatePaymentRequest,
  idempotencyKey: string | undefined,
): Promise<{ replayed: boolean; data: PaymentAndStatement }> {
  try {
    const { created, statement } = await recordAccountPayment(ctx, toRecordPaymentCommand(body, idempotencyKey));
    const first = firstResult(created);
    // Records kept before canonical results stored the rendered payment.
    const payment = 'result' in first ? renderPayment(first.result) : (first.response.data as { payment: RenderedPayment }).payment;
    return { replayed: created.replayed, data: { payment, statement: renderAccountStatement(statement) } };
  } catch (error) {
    throw inDialectTerms(error, accounts.errors);
  }
}
