/**
 * How a payment is applied to charges (SPEC §2, §3.4): pure, in integer minor units. A payment
 * may settle one charge (a work order) or be split across many (community and receivables
 * documents); with no explicit split it goes to the oldest charge first, never more than a
 * charge's outstanding amount.
 */
import type { Allocation } from './payments.js';
import { sumMinor } from './money.js';

export interface OpenCharge {
  id: string;
  /** What is still owed on it, in minor units. */
  outstanding: number;
  dueDate?: string | undefined;
  issueDate?: string | undefined;
}

/** Ids are time-ordered decimal strings: a shorter one is older. */
const byId = (a: string, b: string) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);

/** Oldest first: earliest due date, then earliest issue date (a charge without one counts as newest), then id. */
export function oldestFirst(a: OpenCharge, b: OpenCharge): number {
  const age = (c: OpenCharge) => c.dueDate ?? c.issueDate ?? '9999-99-99';
  const ageA = age(a);
  const ageB = age(b);
  if (ageA !== ageB) return ageA < ageB ? -1 : 1;
  return byId(a.id, b.id);
}

export interface AllocationPlan {
  allocations: Allocation[];
  /** What is left of the amount once every charge is paid (a credit, or a refund to decide). */
  unapplied: number;
}

/** Applies `amount` to the charges oldest first, each up to its outstanding amount. */
export function allocateOldestFirst(amount: number, charges: readonly OpenCharge[]): AllocationPlan {
  let left = amount;
  const allocations: Allocation[] = [];
  for (const charge of [...charges].sort(oldestFirst)) {
    if (left <= 0) break;
    const applied = Math.min(left, Math.max(0, charge.outstanding));
    if (applied === 0) continue;
    allocations.push({ chargeId: charge.id, amount: applied });
    left -= applied;
  }
  return { allocations, unapplied: left };
}

export type AllocationProblem =
  | { problem: 'not_positive'; chargeId: string }
  | { problem: 'repeated_charge'; chargeId: string }
  | { problem: 'exceeds_amount'; total: number }
  | { problem: 'exceeds_outstanding'; chargeId: string; outstanding: number };

/**
 * Whether an explicit split is sound: positive parts, each charge once, the parts together no more
 * than the payment, and (when the charges are given) none above its charge's outstanding amount.
 */
export function checkAllocations(
  amount: number,
  allocations: readonly Allocation[],
  outstandingOf?: (chargeId: string) => number | undefined,
): AllocationProblem | undefined {
  const seen = new Set<string>();
  for (const { chargeId, amount: part } of allocations) {
    if (!Number.isSafeInteger(part) || part <= 0) return { problem: 'not_positive', chargeId };
    if (seen.has(chargeId)) return { problem: 'repeated_charge', chargeId };
    seen.add(chargeId);
    const outstanding = outstandingOf?.(chargeId);
    if (outstanding !== undefined && part > outstanding) return { problem: 'exceeds_outstanding', chargeId, outstanding };
  }
  const total = sumMinor(allocations.map((a) => a.amount));
  return total > amount ? { problem: 'exceeds_amount', total } : undefined;
}

/** What an allocation adds to its charge's paid amount, in the charge's currency. */
export const chargeAmountOf = (a: Allocation): number => a.chargeAmount ?? a.amount;

/**
 * What each charge's paid amount moves by when a payment's allocations change from `before` to
 * `after` (a new payment: before = []; a deleted one: after = []). Charges left unchanged are omitted.
 */
export function allocationDeltas(before: readonly Allocation[], after: readonly Allocation[]): Allocation[] {
  const delta = new Map<string, number>();
  for (const a of before) delta.set(a.chargeId, (delta.get(a.chargeId) ?? 0) - chargeAmountOf(a));
  for (const a of after) delta.set(a.chargeId, (delta.get(a.chargeId) ?? 0) + chargeAmountOf(a));
  return [...delta].filter(([, amount]) => amount !== 0).map(([chargeId, amount]) => ({ chargeId, amount }));
}
