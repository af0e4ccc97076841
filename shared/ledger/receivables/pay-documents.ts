/**
 * Receivables payments reconciled against tax documents (seed 004): every document must be a
 * `document` charge of the payer in the payment's currency, each allocation > 0 and within what the
 * document still owes, the allocations summing to the total exactly. The charge updates are capped
 * (see store/charges.ts applyToCharge), so concurrent payments never over-pay a document: the one
 * that would is refused with a 409 naming it.
 */
import { externalIdsOf } from '../../domain/parties.js';
import { outstanding } from '../../domain/charges.js';
import { type Currency, maxAmountText } from '../../domain/money.js';
import { findAllocationProblem, parseRequestAmount, type AllocationProblem } from '../../domain/receivables/request-amounts.js';
import { ConditionFailed } from '../../store/tx.js';
import { compact } from '../context.js';
import { Conflict, Invalid, issue, NotFound } from '../errors.js';
import type { Charge, Party } from '../model.js';
import { type CappedCharges, type PaymentDraft } from '../payments/record-payment.js';

/** Payments may name this many documents at most (each costs two items of the one transaction). */
export const MAX_DOCUMENTS = 40;

export interface RequestedDocument {
  /** How the request names it, for messages: an id, or `code 33 number 1234`. */
  label: string;
  /** The request field it came from, e.g. `documents[1]`. */
  field: string;
  charge: Charge | undefined;
  amount: number;
}

/** The payment's extras a request may carry (seed 004 `paymentMethod`, `transactionCode`, `documentNumber`). */
export interface PaymentExtras {
  paymentMethod?: string | undefined;
  transactionCode?: string | undefined;
  documentNumber?: string | undefined;
}

/** An amount of the request in minor units of `currency`, or a 400 naming its field. */
export function requestAmount(value: unknown, currency: Currency, field: string): number {
  const parsed = parseRequestAmount(value, currency);
  if (parsed.ok) return parsed.minor;
  const why = {
    not_a_number: 'Must be a number or a numeric string',
    too_many_decimals: `Has more decimals than ${currency} allows`,
    too_large: `Must be at most ${maxAmountText(currency)}`,
    not_positive: 'Must be greater than 0',
  }[parsed.reason];
  return invalid(field, why);
}

function invalid(field: string, why: string, reason: 'VALIDATION_ERROR' | 'ALLOCATION_MISMATCH' = 'VALIDATION_ERROR'): never {
  throw new Invalid(`${field}: ${why}`, issue(field, why), reason);
}

/** A charge the payer may pay with this payment, or the 4xx that names the document. */
function checkDocument(doc: RequestedDocument, payer: Party, currency: Currency): Charge {
  const { charge } = doc;
  if (!charge || charge.kind !== 'document') throw new NotFound(`Document ${doc.label}`);
  if (charge.partyId !== payer.id) return invalid(`${doc.field}`, `Document ${doc.label} belongs to another client`);
  if (charge.currency !== currency) return invalid(`${doc.field}`, `Document ${doc.label} is in ${charge.currency}, not ${currency}`);
  if (charge.voided) throw new Conflict(`Document ${doc.label} is voided`, 'CONFLICT', issue(doc.field, 'Voided'));
  return charge;
}

function allocationError(problem: AllocationProblem, docs: readonly RequestedDocument[]): Error {
  if (problem.reason === 'no_documents') return new Invalid('documents: at least one document is required', issue('documents', 'Required'));
  if (problem.reason === 'sum_mismatch') {
    const why = `The documents' amounts add up to ${problem.sum}, not the total ${problem.total} (minor units)`;
    return new Invalid(`total: ${why}`, issue('total', why), 'ALLOCATION_MISMATCH');
  }
  const doc = docs[problem.index]!;
  if (problem.reason === 'exceeds_outstanding') {
    const why = `Document ${doc.label} owes ${problem.outstanding} minor units; ${problem.amount} is more`;
    return new Conflict(why, 'EXCEEDS_OUTSTANDING', issue(`${doc.field}.amount`, why));
  }
  const why = problem.reason === 'duplicate_document' ? `Document ${doc.label} is listed twice` : `Document ${doc.label}: amount must be greater than 0`;
  return new Invalid(`${doc.field}: ${why}`, issue(doc.field, why));
}

/**
 * The draft of a payment of `total` by `payer` over `docs`, checked against the documents as read,
 * and the charges to cap. Throws the 4xx naming the first document at fault.
 */
export function documentPaymentDraft(
  payer: Party,
  payment: { total: number; currency: Currency; date: string } & PaymentExtras,
  docs: readonly RequestedDocument[],
): { draft: PaymentDraft; capped: CappedCharges } {
  if (docs.length > MAX_DOCUMENTS) invalid('documents', `At most ${MAX_DOCUMENTS} documents per payment`);
  const charges = docs.map((doc) => checkDocument(doc, payer, payment.currency));
  const owed = new Map(charges.map((c) => [c.id, outstanding({ ...c, paidAmount: c.paidAmount ?? 0 })]));
  const problem = findAllocationProblem(
    payment.total,
    docs.map((doc, i) => ({ documentKey: charges[i]!.id, amount: doc.amount })),
    owed,
  );
  if (problem) throw allocationError(problem, docs);
  const draft: PaymentDraft = compact({
    source: 'receivables' as const,
    amount: payment.total,
    currency: payment.currency,
    date: payment.date,
    method: payment.paymentMethod ?? '',
    direction: 'in' as const,
    reference: payment.transactionCode,
    documentNumber: payment.documentNumber,
    payerId: payer.id,
    payerName: payer.name,
    payerTaxId: payer.taxId,
    externalIds: externalIdsOf(payer).externalIds,
    allocations: docs.map((doc, i) => compact({ chargeId: charges[i]!.id, amount: doc.amount, number: charges[i]!.number, code: charges[i]!.code })),
  });
  return { draft, capped: new Map(charges.map((c) => [c.id, c])) };
}

/** A capped charge update that failed: another payment got there first and the document no longer has room. */
export async function refusingOverpayment<T>(docs: () => readonly RequestedDocument[], write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const lost = error instanceof ConditionFailed ? docs().find((d) => d.charge && error.on(`charge:${d.charge.id}`)) : undefined;
    if (!lost) throw error;
    const why = `Document ${lost.label} changed meanwhile and no longer has room for this amount`;
    throw new Conflict(why, 'EXCEEDS_OUTSTANDING', issue(`${lost.field}.amount`, why));
  }
}


