/** Charges and their status, always derived from amounts and dates, never stored. */
import type { Currency } from './money.js';
import type { KnownIds } from './parties.js';

export const CHARGE_KINDS = ['work_order', 'document', 'community_charge', 'resident_charge'] as const;
export type ChargeKind = (typeof CHARGE_KINDS)[number];

export const CHARGE_STATUSES = ['pending', 'partially_paid', 'paid', 'overdue', 'void'] as const;
export type ChargeStatus = (typeof CHARGE_STATUSES)[number];

/** `externalIds`: the ids its clients know its contract and community by, kept at creation (communities). */
export interface Charge extends KnownIds {
  id: string;
  kind: ChargeKind;
  partyId: string;
  amount: number;
  currency: Currency;
  /** Sum of the active payment allocations applied to it, kept in the same transactions. */
  paidAmount: number;
  number?: string;
  code?: string;
  /** The charge's id elsewhere (a CFDI invoice's fiscal UUID): unique per tenant, case-insensitive. */
  externalId?: string;
  description?: string;
  issueDate?: string;
  dueDate?: string;
  lateFee?: number;
  communityId?: string;
  contractId?: string;
  voided: boolean;
  /** Who created and last changed it (users' subs), where the use case records them. */
  createdBy?: string;
  updatedBy?: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export function amountDue(charge: Pick<Charge, 'amount' | 'lateFee'>): number {
  return charge.amount + (charge.lateFee ?? 0);
}

export function outstanding(charge: Pick<Charge, 'amount' | 'lateFee' | 'paidAmount'>): number {
  return Math.max(0, amountDue(charge) - charge.paidAmount);
}

export function chargeStatus(
  charge: Pick<Charge, 'amount' | 'lateFee' | 'paidAmount' | 'dueDate' | 'voided'>,
  today: string,
): ChargeStatus {
  if (charge.voided) return 'void';
  if (charge.paidAmount >= amountDue(charge)) return 'paid';
  if (charge.dueDate !== undefined && charge.dueDate < today) return 'overdue';
  return charge.paidAmount > 0 ? 'partially_paid' : 'pending';
}
