/**
 * The payment-method catalogue every tenant starts with: the methods each dialect names (SPEC §2).
 * A tenant that has stored none sees this list; its first own method materializes it (see
 * shared/store/payment-methods.ts), so adding one never hides the others.
 */
export const PAYMENT_METHOD_DIALECTS = ['workorders', 'accounts', 'gateway', 'communities', 'receivables'] as const;
export type PaymentMethodDialect = (typeof PAYMENT_METHOD_DIALECTS)[number];

export interface PaymentMethod {
  /** Unique per tenant; what payments carry in `method`. */
  code: string;
  name: string;
  /** The API whose clients use this code, when it belongs to one. */
  dialect?: PaymentMethodDialect;
}

/** Codes: letters, digits, `_` and `-` (they are sort keys and travel in audit entity ids). */
export const PAYMENT_METHOD_CODE = /^[A-Za-z0-9_-]{1,50}$/;

export const DEFAULT_PAYMENT_METHODS: readonly PaymentMethod[] = [
  // workorders (seed 000): metodoPago
  { code: 'BCP', name: 'BCP', dialect: 'workorders' },
  { code: 'EFECTIVO', name: 'Efectivo', dialect: 'workorders' },
  { code: 'LOS_ANDES', name: 'Los Andes', dialect: 'workorders' },
  { code: 'OTRO', name: 'Otro', dialect: 'workorders' },
  // accounts (seed 001): method (the document also lists "system")
  { code: 'cash', name: 'Cash', dialect: 'accounts' },
  { code: 'transfer', name: 'Transfer', dialect: 'accounts' },
  { code: 'check', name: 'Check', dialect: 'accounts' },
  { code: 'other', name: 'Other', dialect: 'accounts' },
  { code: 'system', name: 'System', dialect: 'accounts' },
  // communities (seed 003): metodoPago of payment histories
  { code: 'transferencia', name: 'Transferencia', dialect: 'communities' },
  { code: 'tarjeta', name: 'Tarjeta', dialect: 'communities' },
  { code: 'efectivo', name: 'Efectivo', dialect: 'communities' },
  { code: 'cheque', name: 'Cheque', dialect: 'communities' },
  // receivables (seed 004): getPaymentMethods ids and names from the document's sample
  { code: '1', name: 'Transferencia', dialect: 'receivables' },
  { code: '2', name: 'Cheque', dialect: 'receivables' },
  { code: '3', name: 'Depósito', dialect: 'receivables' },
  { code: '4', name: 'Efectivo', dialect: 'receivables' },
  { code: '5', name: 'Vale Vista', dialect: 'receivables' },
];

/** Catalogue order: the order DynamoDB keeps them in (sort key = code, ASCII). */
export function byCode(a: PaymentMethod, b: PaymentMethod): number {
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}
