/**
 * The communities API (seed 003) in ledger terms, pure: how a community charge's `estatus` is derived
 * and what a communities payment keeps besides the canonical fields.
 */
import { amountDue, type Charge } from './charges.js';

export const CARGO_STATUSES = ['No vencido', 'vencido', 'pagado', 'pago parcial'] as const;
export type CargoStatus = (typeof CARGO_STATUSES)[number];

/**
 * A community charge's status on `today` (the tenant's business date): fully covered → pagado,
 * partly → pago parcial, nothing applied and due after today → No vencido, otherwise vencido.
 */
export function cargoStatus(charge: Pick<Charge, 'amount' | 'lateFee' | 'paidAmount' | 'dueDate'>, today: string): CargoStatus {
  const paid = charge.paidAmount ?? 0;
  if (paid >= amountDue(charge)) return 'pagado';
  if (paid > 0) return 'pago parcial';
  return charge.dueDate !== undefined && charge.dueDate > today ? 'No vencido' : 'vencido';
}

export const RESIDENT_CHARGE_STATUSES = ['Activo', 'Cancelado', 'Pagado', 'PagoParcial'] as const;
export type ResidentChargeStatus = (typeof RESIDENT_CHARGE_STATUSES)[number];

/** A resident charge's estatus: Cancelado when void; otherwise it follows the payments applied to it. */
export function residentChargeStatus(charge: Pick<Charge, 'amount' | 'lateFee' | 'paidAmount' | 'voided'>): ResidentChargeStatus {
  if (charge.voided) return 'Cancelado';
  const paid = charge.paidAmount ?? 0;
  if (paid > 0 && paid >= amountDue(charge)) return 'Pagado';
  return paid > 0 ? 'PagoParcial' : 'Activo';
}

export const RESIDENT_PAYMENT_STATUSES = ['PorConfirmar', 'Aplicado', 'Cancelado'] as const;
export type ResidentPaymentStatus = (typeof RESIDENT_PAYMENT_STATUSES)[number];

export const HISTORY_METHODS = ['transferencia', 'tarjeta', 'efectivo', 'cheque'] as const;
export const HISTORY_STATES = ['pendiente', 'pagado', 'cancelado', 'reembolsado'] as const;
export type HistoryState = (typeof HISTORY_STATES)[number];

/**
 * What a communities payment keeps besides the canonical fields: which of the API's records it is
 * (a community `pago` on a contract, a resident's `pago`, a contract's payment-history entry), the
 * community and contract (or resident) it belongs to, and the record's own fields.
 */
export interface CommunityPaymentDetails {
  record: 'pago' | 'resident' | 'history';
  communityId: string;
  contractId: string;
  residentId?: string;
  /** The resident's number (its party's externalId) when the payment was recorded. */
  residentNumber?: string;
  /** Resident payments: PorConfirmar | Aplicado | Cancelado. History entries: the estadoPago. */
  status?: ResidentPaymentStatus | HistoryState;
  concepto?: string;
  urlComprobante?: string;
  updatedBy?: string;
}
