/** Pure checks of a receivables payment request: its amounts and how they are allocated to documents. */
import { parseMajor, type Currency } from '../money.js';

export type RequestAmountResult =
  | { ok: true; minor: number }
  | { ok: false; reason: 'not_a_number' | 'too_many_decimals' | 'too_large' | 'not_positive' };

/**
 * Reads an amount the client sent as a JSON number (256525) or a numeric string ("256525",
 * "65770.00": the document's own examples send strings) into minor units of `currency`. Payment
 * and allocation amounts must be positive.
 */
export function parseRequestAmount(value: unknown, currency: Currency): RequestAmountResult {
  if (typeof value !== 'number' && typeof value !== 'string') return { ok: false, reason: 'not_a_number' };
  const parsed = parseMajor(value, currency);
  if (!parsed.ok) return parsed;
  if (parsed.minor <= 0) return { ok: false, reason: 'not_positive' };
  return parsed;
}

export interface RequestedAllocation {
  /** Whatever identifies the document in the request (an id, or `code:number` for a folio). */
  documentKey: string;
  /** Minor units. */
  amount: number;
}

export type AllocationProblem =
  | { reason: 'no_documents' }
  | { reason: 'not_positive' | 'duplicate_document' | 'unknown_document'; index: number; documentKey: string }
  | { reason: 'exceeds_outstanding'; index: number; documentKey: string; amount: number; outstanding: number }
  | { reason: 'sum_mismatch'; total: number; sum: number };

/**
 * Checks allocations against the payment total and each document's outstanding (minor units, as
 * read by the caller): each amount > 0 and ≤ its document's outstanding, each document once, and
 * the amounts summing to the total exactly. Returns the first problem in request order (so the 4xx
 * names that document), or null. A document listed twice is refused rather than merged: the client
 * meant one of the two lines, and guessing which would allocate money it did not intend.
 */
export function findAllocationProblem(
  total: number,
  allocations: readonly RequestedAllocation[],
  outstandingByDocument: ReadonlyMap<string, number>,
): AllocationProblem | null {
  if (allocations.length === 0) return { reason: 'no_documents' };
  const seen = new Set<string>();
  let sum = 0n; // bigint: many safe-integer amounts may add up past 2^53
  for (const [index, { documentKey, amount }] of allocations.entries()) {
    if (!Number.isSafeInteger(amount) || amount <= 0) return { reason: 'not_positive', index, documentKey };
    if (seen.has(documentKey)) return { reason: 'duplicate_document', index, documentKey };
    seen.add(documentKey);
    const outstanding = outstandingByDocument.get(documentKey);
    if (outstanding === undefined) return { reason: 'unknown_document', index, documentKey };
    if (amount > outstanding) return { reason: 'exceeds_outstanding', index, documentKey, amount, outstanding };
    sum += BigInt(amount);
  }
  if (sum !== BigInt(total)) return { reason: 'sum_mismatch', total, sum: Number(sum) };
  return null;
}
