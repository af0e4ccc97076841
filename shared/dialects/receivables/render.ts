/**
 * The receivables payment object (seed 004): ids and amounts as strings, amounts with two decimals,
 * createdAt on the tenant's wall clock. Caja keeps no payment files yet, so `files` is always [].
 * Caja adds `status` (0 pending reconciliation, 1 reconciled, 2 discarded) and `reconciledAt`.
 */
import { renderReceivablesAmount, renderReceivablesTimestamp } from '../../domain/receivables/render.js';
import { knownIdIn } from '../../domain/parties.js';
import type { Payment } from '../../domain/payments.js';

export const RECONCILIATION_STATUS = { pending: 0, reconciled: 1, discarded: 2 } as const satisfies Record<Payment['reconciliation'], number>;

export function toReceivablesPayment(p: Payment, timeZone: string) {
  // The client's id is the one its clients know (its externalId when it had one: issue 13 item 13).
  const client = { id: p.payerId !== undefined ? knownIdIn(p, p.payerId) : '', name: p.payerName ?? '', taxId: p.payerTaxId ?? '' };
  return {
    id: p.id,
    createdAt: renderReceivablesTimestamp(p.createdAt, timeZone),
    date: p.date,
    currency: p.currency,
    amount: renderReceivablesAmount(p.amount, p.currency),
    description: '',
    bankCode: '',
    accountNumber: '',
    paymentMethod: p.method,
    transactionCode: p.reference ?? '',
    documentNumber: p.documentNumber ?? '',
    comments: p.notes ?? '',
    clients: [client],
    client,
    documents: p.allocations.map((a) => ({
      amount: renderReceivablesAmount(a.amount, p.currency),
      document: { id: a.chargeId, number: a.number ?? '', code: a.code ?? '', client },
    })),
    files: [] as never[],
    status: RECONCILIATION_STATUS[p.reconciliation],
    reconciledAt: p.reconciledAt ? renderReceivablesTimestamp(p.reconciledAt, timeZone) : null,
  };
}

/** The list envelope of getPayments and getPaymentMethods. */
export function recordsPage<T>(items: T[], totalRecords: number, page: number, perPage: number) {
  return { records: { totalRecords, items: items.length, page, pages: Math.ceil(totalRecords / perPage) }, items };
}
