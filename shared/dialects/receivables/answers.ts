/** A receivables answer carrying payments: rendered on the tenant's wall clock, first or replayed alike (200). */
import type { Payment } from '../../domain/payments.js';
import type { Created } from '../../ledger/create-once.js';
import { tenantSettings } from '../../store/tenants.js';
import { firstResult } from '../created.js';
import { toReceivablesPayment } from './render.js';

const resultOf = <T>(created: Created<T>): T => {
  const first = firstResult(created);
  return 'result' in first ? first.result : (first.response.data as T);
};

/** One payment (a create's, first or replayed, or a read's). */
export async function renderPaymentAnswer(tenant: string, payment: Payment | Created<Payment>) {
  const { timeZone } = await tenantSettings(tenant);
  const p = 'replayed' in payment ? resultOf(payment) : payment;
  return { data: toReceivablesPayment(p, timeZone) };
}

/** Several payments recorded together (a CFDI receipt): the first, plus `payments` with all of them. */
export async function renderPaymentsAnswer(tenant: string, created: Created<Payment[]>) {
  const { timeZone } = await tenantSettings(tenant);
  const payments = resultOf(created).map((p) => toReceivablesPayment(p, timeZone));
  return { data: { ...payments[0]!, payments } };
}
