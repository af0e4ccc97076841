/**
 * The gateway payment life cycle as a table. `pending` is where every payment starts; rejected,
 * cancelled, refunded and dismissed are final; approved may only become refunded; from any other
 * status a payment may move to any status but pending, itself, and refunded (only an approved
 * payment was paid, so only it can be refunded). Each target stamps its dates; review and validate
 * also raise the `review` and `validation` flags.
 */
import { GATEWAY_STATUSES, type GatewayRecord, type GatewayStatus, type StampedDate } from './payment.js';

export const FINAL_STATUSES: readonly GatewayStatus[] = ['rejected', 'cancelled', 'refunded', 'dismissed'];

export const STATUS_DATES: Readonly<Record<GatewayStatus, readonly StampedDate[]>> = {
  pending: [],
  in_process: ['process_date'],
  authorized: ['process_date'],
  approved: ['paid_date', 'accreditation_date'],
  rejected: ['rejected_date'],
  cancelled: ['cancel_date'],
  refunded: ['refunded_date'],
  review: ['review_validation_date'],
  validate: ['payer_validation_date'],
  deferred: ['payer_deferred_date'],
  dismissed: ['objected_date'],
};

/** Where each status may go. */
export const TRANSITIONS: Readonly<Record<GatewayStatus, readonly GatewayStatus[]>> = Object.fromEntries(
  GATEWAY_STATUSES.map((from) => {
    if (FINAL_STATUSES.includes(from)) return [from, []];
    if (from === 'approved') return [from, ['refunded']];
    return [from, GATEWAY_STATUSES.filter((to) => to !== from && to !== 'pending' && to !== 'refunded')];
  }),
) as unknown as Record<GatewayStatus, readonly GatewayStatus[]>;

export function canTransition(from: GatewayStatus, to: GatewayStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** The record after moving to `to` at instant `at` (the caller has checked canTransition). */
export function transition(record: GatewayRecord, to: GatewayStatus, at: string, statusDetail?: string): GatewayRecord {
  const next: GatewayRecord = { ...record, status: to };
  for (const field of STATUS_DATES[to]) next[field] = at;
  if (to === 'review') next.review = true;
  if (to === 'validate') next.validation = true;
  if (statusDetail !== undefined) next.status_detail = statusDetail;
  else delete next.status_detail;
  return next;
}
