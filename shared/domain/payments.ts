/** The canonical payment: one record whichever API created or reads it (SPEC §2). */
import type { CommunityPaymentDetails } from './community.js';
import type { Currency } from './money.js';

export interface Allocation {
  chargeId: string;
  amount: number;
  /** The amount in the charge's currency, when it differs from the payment's (a CFDI with an exchange rate). */
  chargeAmount?: number;
  /** What the charge was known by when the payment was applied (receivables documents: SII code and folio). */
  number?: string;
  code?: string;
}

export interface Reversal {
  by: string;
  at: string;
  /** Optional on an accounts reversal (seed 001). */
  reason?: string;
  /** The reverser's user name when it was recorded. */
  byName?: string;
}

export interface Payment {
  id: string;
  /** The API that created it. */
  source: 'workorders' | 'accounts' | 'gateway' | 'communities' | 'receivables' | 'ledger';
  amount: number;
  currency: Currency;
  date: string;
  time?: string;
  method: string;
  /**
   * Which way the money moves for the payer: `in` settles what it owes (workorders, accounts
   * `payment` → statement totalPaid), `out` is money collected from it (accounts `collection` →
   * totalCollected).
   */
  direction: 'in' | 'out';
  reference?: string;
  notes?: string;
  payerId?: string;
  payerName?: string;
  payerTaxId?: string;
  /** Receivables: the payer's own document number for the payment (seed 004 `documentNumber`). */
  documentNumber?: string;
  /** Receivables: the fiscal UUID of the CFDI payment receipt it came from. */
  receiptUuid?: string;
  employeeId?: string;
  employeeName?: string;
  /**
   * The externalIds the parties it names (payer, employee, entity) had when it was recorded: the ids
   * their clients know, which the dialects render (./parties.ts knownIdIn). Absent when none had one.
   */
  externalIds?: Record<string, string>;
  /** Accounts API: the banca/ventana/vendedor the payment settles, and its kind. */
  entityId?: string;
  entityKind?: string;
  /** Accounts API: the id of the statement day the payment counts in (absent on payments recorded before it was kept). */
  accountStatementId?: string;
  isFinal?: boolean;
  /** Communities API: which of its records this is and the fields it keeps (see ./community.ts). */
  community?: CommunityPaymentDetails;
  recordedBy: string;
  /** The recorder's user name when it was recorded. */
  recordedByName?: string;
  /** The client's idempotency key, when it sent one (accounts renders it). */
  idempotencyKey?: string;
  allocations: Allocation[];
  status: 'active' | 'reversed' | 'deleted';
  reversal?: Reversal;
  deleted: boolean;
  reconciliation: 'reconciled' | 'pending' | 'discarded';
  /** When it was last reconciled against its charges (absent while pending or discarded). */
  reconciledAt?: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}
