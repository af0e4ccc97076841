/**
 * The gateway's payment request (seed 002) as Caja keeps it: the canonical ledger payment plus the
 * gateway's own record (`gateway`), with money in minor units and dates as ISO UTC instants. Its
 * search row and canonical status are derived here, purely.
 */
import { formatMajor, type Currency } from '../money.js';
import type { Payment } from '../payments.js';

export const GATEWAY_STATUSES = [
  'pending',
  'approved',
  'authorized',
  'in_process',
  'rejected',
  'cancelled',
  'refunded',
  'deferred',
  'dismissed',
  'review',
  'validate',
] as const;
export type GatewayStatus = (typeof GATEWAY_STATUSES)[number];

export const GATEWAY_TYPES = ['manual', 'online', 'by_media_payment'] as const;
export type GatewayType = (typeof GATEWAY_TYPES)[number];

export const STAMPED_DATES = [
  'process_date',
  'paid_date',
  'accreditation_date',
  'rejected_date',
  'cancel_date',
  'refunded_date',
  'review_validation_date',
  'payer_validation_date',
  'payer_deferred_date',
  'objected_date',
] as const;
export type StampedDate = (typeof STAMPED_DATES)[number];

export interface GatewayDetail {
  amount: number;
  concept_id?: string;
  concept_description?: string;
  external_reference?: string;
}

export interface GatewayPayer {
  name?: string;
  email?: string;
  external_reference?: string;
  identification?: { type: string; number: string; country: string };
}

export interface GatewayPaymentMethod {
  type?: string;
  amount?: number;
  media_payment_id?: string;
  gateway?: { name: string };
}

/** What a client sends to create a payment request, normalized (minor units, ISO instants). */
export interface GatewayRequest {
  collector_id: string;
  external_transaction_id: string;
  currency_id: Currency;
  details: GatewayDetail[];
  payer?: GatewayPayer;
  type?: GatewayType;
  due_date?: string;
  last_due_date?: string;
  owner?: { type: string; id: string };
  payment_methods?: GatewayPaymentMethod[];
  parent_payment_id?: string;
  metadata?: Record<string, string>;
}

export type GatewayRecord = GatewayRequest &
  Partial<Record<StampedDate, string>> & {
    final_amount: number;
    status: GatewayStatus;
    status_detail?: string;
    validation: boolean;
    review: boolean;
    batch_withdrawal: boolean;
    request_date: string;
  };

export type GatewayPayment = Payment & { source: 'gateway'; gateway: GatewayRecord };

/** The one gateway name a payment's methods name (Caja accepts at most one per payment), if any. */
export function gatewayName(record: Pick<GatewayRequest, 'payment_methods'>): string | undefined {
  return record.payment_methods?.find((m) => m.gateway)?.gateway?.name;
}

const ROW_DATES = ['request_date', 'due_date', 'last_due_date', ...STAMPED_DATES] as const;

/** The search row (see shared/store/query/catalogue.ts GATEWAY_PAYMENTS): every filterable value. */
export function gatewayRow(id: string, r: GatewayRecord): Record<string, string | boolean> {
  const row: Record<string, string | boolean | undefined> = {
    id,
    parent_payment_id: r.parent_payment_id,
    external_transaction_id: r.external_transaction_id,
    type: r.type,
    collector_id: r.collector_id,
    currency_id: r.currency_id,
    final_amount: formatMajor(r.final_amount, r.currency_id),
    status: r.status,
    validation: r.validation,
    review: r.review,
    batch_withdrawal: r.batch_withdrawal,
    'owner.type': r.owner?.type,
    'owner.id': r.owner?.id,
    'payer.email': r.payer?.email,
    'payer.external_reference': r.payer?.external_reference,
    'payment_methods.gateway.name': gatewayName(r),
  };
  for (const field of ROW_DATES) row[field] = r[field];
  return Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined)) as Record<string, string | boolean>;
}

/** How a gateway status reads on the canonical payment (SPEC §2: lifecycle and reconciliation). */
export function canonicalState(r: Pick<GatewayRecord, 'status'>): Pick<Payment, 'status' | 'reconciliation'> {
  if (r.status === 'refunded') return { status: 'reversed', reconciliation: 'discarded' };
  if (r.status === 'approved') return { status: 'active', reconciliation: 'reconciled' };
  if (r.status === 'rejected' || r.status === 'cancelled' || r.status === 'dismissed') return { status: 'active', reconciliation: 'discarded' };
  return { status: 'active', reconciliation: 'pending' };
}
